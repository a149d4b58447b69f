import { markdownText } from '../../../manifest/text';
import { fleetSummary } from './fleet-summary';
import { ReportLink, EvidenceReport, OrgReport } from './report-model';
import { CONTROL_STATUS_LABEL, formatTime, RULE_STATUS_LABEL, VALIDITY_LABEL } from './report-text';

/** Every value is inert text: no table break, link, mention or HTML comes from the log or from Webex. */
function cell(value: string | number | undefined): string {
  return markdownText(String(value ?? '—'));
}

function table(headers: string[], rows: (string | number | undefined)[][]): string[] {
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

function links(list: readonly ReportLink[]): string {
  return list.map((l) => (l.url ? `${l.label} ${l.url}` : l.label)).join(', ');
}

/** The report as Markdown: a fleet summary when there are several orgs, then a section per org. */
export function renderReportMarkdown(report: EvidenceReport): string {
  return [...reportMarkdownChunks(report)].join('');
}

/** renderReportMarkdown in pieces, an org at a time, for writing as they are made. */
export function* reportMarkdownChunks(report: EvidenceReport): Generator<string> {
  const s = report.signatures;
  const lines: string[] = [
    '# Webex HIPAA evidence report',
    '',
    `- Period: ${cell(formatTime(report.period.from))} to ${cell(formatTime(report.period.to))}`,
    `- Generated: ${cell(formatTime(report.generatedAt))} by ${cell(report.producer.actor)}, webex-iac ${cell(report.producer.toolVersion)}${report.producer.revision ? `, commit ${cell(report.producer.revision)}` : ''}`,
    ...(report.producer.links.length > 0 ? [`- CI: ${cell(links(report.producer.links))}`] : []),
    `- Evidence folder: ${cell(report.dir)}`,
    `- **Evidence chain: ${report.chainIntact ? 'intact' : 'BROKEN'}.**`,
    `- Signed checkpoints: ${s.checked ? (s.intact ? `verified (key ${cell(s.keyId)})` : `FAILED: ${cell(s.problems.map((p) => `${p.file}: ${p.message}`).join('; '))}`) : s.keyId ? `present (key ${cell(s.keyId)}), not verified` : 'none'}`,
    '',
    report.retention,
    '',
  ];
  if (report.orgs.length === 0) lines.push('No evidence records.', '');
  if (report.orgs.length > 1) lines.push(...fleetSection(report));
  yield linesText(lines);
  for (const org of report.orgs) yield linesText(orgSection(org));
}

/** Lines as text, each ended by a newline. */
function linesText(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

function fleetSection(report: EvidenceReport): string[] {
  const fleet = fleetSummary(report);
  return [
    `## Fleet summary: ${report.orgs.length} orgs`,
    '',
    ...table(['Org', 'Org id', 'Sites', 'Chain', 'Rules failing', 'Changes in period'], fleet.orgs.map((o) => [o.org, o.orgId, o.sites, o.chainIntact ? 'intact' : 'BROKEN', o.failing, o.changes])),
    '',
    ...table(['Rule', 'Citation', ...report.orgs.map((o) => cell(o.org))], fleet.rules.map((r) => [r.ruleId, r.citations, ...r.statuses.map((st) => (st ? RULE_STATUS_LABEL[st] : 'not assessed'))])),
    '',
    '### Attestations due or not evidence',
    '',
    ...(fleet.attestationsDue.length === 0 ? ['None.'] : table(['Org', 'Control', 'Owner', 'Reference', 'Expires', 'Status'], fleet.attestationsDue.map((a) => [a.org, a.control, a.attestedBy, a.reference, a.expires, VALIDITY_LABEL[a.status]]))),
    '',
    '### Exceptions expiring or expired',
    '',
    ...(fleet.exceptionsDue.length === 0 ? ['None.'] : table(['Org', 'Rule', 'Owner', 'Expires', 'Status'], fleet.exceptionsDue.map((e) => [e.org, e.ruleId, e.owner, e.expires, VALIDITY_LABEL[e.status]]))),
    '',
  ];
}

function orgSection(org: OrgReport): string[] {
  const lines: string[] = [`## Org ${cell(org.org)}`, ''];
  lines.push(
    `- Covered entity: ${cell(org.coveredEntity)}`,
    `- Org id: ${cell(org.orgId ?? 'not recorded')}`,
    `- Sites: ${cell(org.sites.join(', ') || 'none recorded')}`,
    `- Policy profile: ${cell(org.profile ?? 'no assess recorded')}`,
    `- Records in period: ${cell(Object.entries(org.recordsInPeriod).map(([k, n]) => `${k} ${n}`).join(', ') || 'none')}`,
    '',
  );
  const { chain } = org;
  lines.push(
    chain.intact
      ? `**Evidence chain: intact** — ${chain.records} record(s) in ${chain.files.length} file(s), ${formatTime(chain.firstTime)} to ${formatTime(chain.lastTime)}.`
      : `**Evidence chain: BROKEN** at ${cell(chain.error?.file)}${chain.error?.line ? ` line ${chain.error.line}` : ''}: ${cell(chain.error?.message)}`,
    '',
  );
  lines.push(
    ...table(
      ['Log file', 'Records', 'Head sha256', 'Signed checkpoint'],
      chain.files.map((f) => [f.file, f.records, f.headSha256, f.checkpoint ? `line ${f.checkpoint.line}, ${formatTime(f.checkpoint.signedAt)}, key ${f.checkpoint.keyId}${f.checkpoint.verified === undefined ? ' (not verified here)' : f.checkpoint.verified ? ' (verified)' : ' (FAILED)'}` : 'not signed']),
    ),
    '',
  );
  for (const w of chain.warnings) lines.push(`> Warning: ${cell(w.file)}${w.line ? ` line ${w.line}` : ''}: ${cell(w.message)}`, '');

  lines.push('### Rules (from the newest assess)', '');
  if (org.rules.length === 0) lines.push('No `webex-iac assess` recorded up to the end of the period: no rule has been verified against the live org.', '');
  else
    lines.push(
      ...table(
        ['Rule', 'Requires', 'Citation', 'Level', 'Status', 'Last passed', 'Evidence'],
        org.rules.map((r) => [
          r.ruleId,
          r.title,
          r.citations.map((c) => `${c.edition === 'proposed' ? 'proposed ' : ''}45 CFR ${c.section} ${c.title}`).join('; '),
          r.level,
          `${RULE_STATUS_LABEL[r.status]}${r.findings > 0 ? ` (${r.findings} finding(s))` : ''}`,
          r.lastPassed ? `${formatTime(r.lastPassed.time)} (${r.lastPassed.actor})` : 'never',
          `assess ${r.lastAssessed.record}`,
        ]),
      ),
      '',
    );

  lines.push('### Managed settings (from apply and drift)', '');
  if (org.controls.length === 0) lines.push('No apply or drift recorded.', '');
  else
    lines.push(
      ...table(
        ['Setting', 'Target', 'Rules', 'Status', 'Last verified compliant', 'Last observed'],
        org.controls.map((c) => [
          c.control,
          c.target,
          c.ruleIds.join(', ') || '—',
          `${CONTROL_STATUS_LABEL[c.status] ?? c.status}${c.note ? ` (${c.note})` : ''}`,
          c.lastVerifiedCompliant ? `${formatTime(c.lastVerifiedCompliant.time)} (${c.lastVerifiedCompliant.kind}, ${c.lastVerifiedCompliant.actor})` : 'never',
          `${formatTime(c.lastObserved.time)} (${c.lastObserved.kind})`,
        ]),
      ),
      '',
    );

  lines.push('### Changes in the period', '');
  if (org.changes.length === 0) lines.push('No changes were applied in this period.', '');
  else
    lines.push(
      ...table(
        ['Setting', 'Target', 'Fields', 'Writes', 'When', 'Applied by', 'Approval'],
        org.changes.map((g) => [
          g.control,
          g.hosts !== undefined ? `${g.target} (${g.hosts} host(s))` : g.target,
          g.fields.map((f) => `${f.field}: ${f.before} → ${f.after}${g.hosts !== undefined ? ` (${f.count})` : ''}`).join('; '),
          `${g.writes} write(s), ${g.verified} read back${g.trackingIds.length === 1 ? `, ${g.trackingIds[0]}` : ''}`,
          g.first === g.last ? formatTime(g.first) : `${formatTime(g.first)} to ${formatTime(g.last)}`,
          g.actors.join('; '),
          links(g.approvals) || 'none recorded (applied outside CI)',
        ]),
      ),
      '',
    );

  lines.push('### Attestations', '');
  if (org.attestations.length === 0) lines.push('No attestations recorded in this period.', '');
  else lines.push(...table(['Control', 'Attested by', 'On', 'Reference', 'Expires', 'Status'], org.attestations.map((a) => [a.control, a.attestedBy, a.attestedOn, a.reference, a.expires, VALIDITY_LABEL[a.status]])), '');
  if (org.attestationsMissing.length > 0) lines.push(`**Required attestations missing:** ${cell(org.attestationsMissing.join(', '))}`, '');

  lines.push('### Exceptions', '');
  if (org.exceptions.length === 0) lines.push('No exceptions recorded in this period.', '');
  else lines.push(...table(['Rule', 'Decision', 'Reason', 'Owner', 'Expires', 'Status', 'Recorded'], org.exceptions.map((e) => [e.ruleId, e.decision, e.reason, e.owner, e.expires, VALIDITY_LABEL[e.status], formatTime(e.time)])), '');

  lines.push('### Recordings removed before six years (from the newest assess)', '');
  if (org.recordings.length === 0) lines.push('No assess has read the admin recordings list.', '');
  for (const site of org.recordings) {
    const period = site.since && site.until ? `recordings created ${site.since.slice(0, 10)} to ${site.until.slice(0, 10)}, ${site.windows ?? '?'} windows of at most 30 days per status` : 'no period read';
    if (site.error !== undefined) lines.push(`${cell(site.siteUrl)}: **not read** (${cell(site.error)}), ${formatTime(site.assessed.time)}: nothing here is evidence.`, '');
    else if (site.removed.length === 0) lines.push(`${cell(site.siteUrl)}: none deleted or purged (${period}), read ${formatTime(site.assessed.time)}.`, '');
    else lines.push(`${cell(site.siteUrl)}: ${site.removed.length} removed (${period}), read ${formatTime(site.assessed.time)}:`, '', ...table(['Recording', 'Status', 'Created', 'Host'], site.removed.map((r) => [r.id, r.status, r.createTime, r.hostEmail])), '');
  }

  lines.push('### Webex audit events', '');
  const { adminAudit, securityAudit, lastCollected } = org.audit;
  lines.push(`Last collected: ${formatTime(lastCollected)}. Admin audit: ${adminAudit.total} event(s), ${adminAudit.events.length} not made by webex-iac. Security audit (sign-in/out): ${securityAudit.total} event(s).`, '');
  const categories = [...Object.entries(adminAudit.byCategory).map(([k, n]) => ['Admin audit', k, n]), ...Object.entries(securityAudit.byCategory).map(([k, n]) => ['Security audit', k, n])];
  if (categories.length > 0) lines.push(...table(['Source', 'Category', 'Events'], categories as string[][]), '');
  if (adminAudit.events.length > 0) lines.push('Admin changes made outside webex-iac:', '', ...table(['When', 'Who', 'Category', 'Action', 'trackingId'], adminAudit.events.map((e) => [formatTime(e.created), e.actor, e.category, e.action, e.trackingId])), '');

  if (org.otherRecords.length > 0) {
    lines.push('### Other records', '', ...table(['When', 'Kind', 'Who', 'Command', 'Record'], org.otherRecords.map((r) => [formatTime(r.time), r.kind, r.actor, r.command, r.record])), '');
  }
  return lines;
}
