import { EvidenceReport, OrgReport } from './report-model';
import { CONTROL_STATUS_LABEL, fieldChanges, formatTime, VALIDITY_LABEL } from './report-text';

/** Markdown table cell: pipes and newlines would break the table, and HTML would be interpreted. */
function cell(value: string | number | undefined): string {
  return String(value ?? '—')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

function table(headers: string[], rows: (string | number | undefined)[][]): string[] {
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

/** The report as Markdown: a section per org, tables an auditor can paste into a ticket or a binder. */
export function renderReportMarkdown(report: EvidenceReport): string {
  const lines: string[] = [
    '# Webex HIPAA evidence report',
    '',
    `Generated ${formatTime(report.generatedAt)} by webex-iac ${cell(report.toolVersion)} from \`${report.dir}\`; period ${report.period.from ? formatTime(report.period.from) : 'all records'} to ${formatTime(report.period.to)}.`,
    '',
    `**Evidence chain: ${report.chainIntact ? 'intact' : 'BROKEN'}.** ${report.retention}`,
    '',
  ];
  if (report.orgs.length === 0) lines.push('No evidence records.', '');
  for (const org of report.orgs) lines.push(...orgSection(org));
  return `${lines.join('\n')}\n`;
}

function orgSection(org: OrgReport): string[] {
  const { chain } = org;
  const lines = [`## Org ${cell(org.org)}`, ''];
  lines.push(
    chain.intact
      ? `Evidence chain: **intact**, ${chain.records} record(s) in ${chain.files} file(s), ${formatTime(chain.firstTime)} to ${formatTime(chain.lastTime)}.`
      : `Evidence chain: **BROKEN** at ${cell(chain.error?.file)}${chain.error?.line ? ` line ${chain.error.line}` : ''}: ${cell(chain.error?.message)}`,
    '',
  );
  for (const w of chain.warnings) lines.push(`- Warning: ${cell(w.message)}`);
  if (chain.warnings.length > 0) lines.push('');

  lines.push('### Controls', '');
  if (org.controls.length === 0) lines.push('No control has been observed yet (run `webex-iac plan` or `drift`).', '');
  else {
    lines.push(
      ...table(
        ['Control', 'Target', 'Status', 'Last verified compliant', 'Last observed', 'Declared at'],
        org.controls.map((c) => [
          c.control,
          c.target,
          `${CONTROL_STATUS_LABEL[c.status] ?? c.status}${c.note ? ` (${c.note})` : ''}`,
          c.lastVerifiedCompliant ? `${formatTime(c.lastVerifiedCompliant.time)} (${c.lastVerifiedCompliant.kind}, ${c.lastVerifiedCompliant.actor})` : 'never',
          `${formatTime(c.lastObserved.time)} (${c.lastObserved.kind})`,
          c.path,
        ]),
      ),
      '',
    );
  }

  lines.push('### Changes applied', '');
  if (org.changes.length === 0) lines.push('No change was applied in this period.', '');
  else {
    lines.push(
      ...table(
        ['When', 'Who', 'Control', 'Target', 'Field', 'Before', 'After', 'trackingId', 'Verified'],
        org.changes.flatMap((c) =>
          fieldChanges(c.before, c.after).map((f) => [formatTime(c.time), c.actor, c.control, c.target, f.field, f.before, f.after, c.trackingId, c.verified === undefined ? undefined : c.verified ? 'read back' : 'NOT confirmed']),
        ),
      ),
      '',
    );
  }

  lines.push('### Attestations', '');
  if (org.attestations.length === 0 && org.attestationsMissing.length === 0) lines.push('No attestation recorded.', '');
  else {
    if (org.attestations.length > 0) {
      lines.push(...table(['Control', 'Attested by', 'On', 'Reference', 'Expires', 'Status', 'Recorded'], org.attestations.map((a) => [a.control, a.attestedBy, a.attestedOn, a.reference, a.expires, VALIDITY_LABEL[a.status], formatTime(a.time)])), '');
    }
    if (org.attestationsMissing.length > 0) lines.push(`Required but not attested: ${org.attestationsMissing.map(cell).join(', ')}.`, '');
  }

  lines.push('### Exceptions', '');
  if (org.exceptions.length === 0) lines.push('No exception recorded.', '');
  else lines.push(...table(['Rule', 'Decision', 'Reason', 'Owner', 'Expires', 'Status', 'Recorded'], org.exceptions.map((e) => [e.ruleId, e.decision, e.reason, e.owner, e.expires, VALIDITY_LABEL[e.status], formatTime(e.time)])), '');

  lines.push('### Webex audit events', '');
  const { adminAudit, securityAudit, lastCollected } = org.audit;
  lines.push(`Last collected: ${formatTime(lastCollected)}. Admin audit: ${adminAudit.total} event(s). Security audit (sign-in/out): ${securityAudit.total} event(s).`, '');
  const categories = [...Object.entries(adminAudit.byCategory).map(([k, n]) => ['Admin audit', k, n]), ...Object.entries(securityAudit.byCategory).map(([k, n]) => ['Security audit', k, n])];
  if (categories.length > 0) lines.push(...table(['Source', 'Category', 'Events'], categories as string[][]), '');
  if (adminAudit.events.length > 0) lines.push(...table(['When', 'Who', 'Category', 'Action', 'trackingId'], adminAudit.events.map((e) => [formatTime(e.created), e.actor, e.category, e.action, e.trackingId])), '');

  if (org.otherRecords.length > 0) {
    lines.push('### Other records', '', ...table(['When', 'Kind', 'Who', 'Command', 'Record'], org.otherRecords.map((r) => [formatTime(r.time), r.kind, r.actor, r.command, r.record])), '');
  }
  return lines;
}
