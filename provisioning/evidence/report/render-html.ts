import { htmlText } from '../../../manifest/text';
import { isHttpsUrl } from './report-links';
import { ChangeGroup, ControlReport, EvidenceReport, OrgReport, ReportLink, RuleReport } from './report-model';
import { CONTROL_STATUS_LABEL, formatTime, RULE_STATUS_LABEL, VALIDITY_LABEL } from './report-text';
import { fleetSummary } from './fleet-summary';

/** Every value from the log or from Webex is text to show, never markup. */
export const escapeHtml = htmlText;

// One self-contained file: no script, no external font, image or stylesheet, so it opens offline and
// prints the same years later. Print rules: a page per org, table headers repeated on every page, rows
// never split, page numbers in the margin, status in words (colour only helps on screen). No @page size:
// the printer's paper (A4 or Letter) decides, and the layout fits the narrower of the two.
const STYLE = `
:root { color-scheme: light; }
body { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111; margin: 2rem; max-width: 60rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 1rem; font-size: .88em; table-layout: auto; }
th, td { border: 1px solid #bbb; padding: .2rem .35rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #eee; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .4rem 0 1rem; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .82em; }
.hash { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .75em; overflow-wrap: anywhere; }
ul.fields { margin: 0; padding-left: 1rem; }
.status { font-weight: 600; white-space: nowrap; }
.status-compliant, .status-valid, .status-pass, .chain-intact { color: #0a5c1f; }
.status-non-compliant, .status-error, .status-expired, .status-fail, .status-not-evidence, .chain-broken { color: #a00000; }
.status-not-verified, .status-expiring, .status-no-expiry, .status-not-verifiable, .status-excepted { color: #7a5200; }
.chain { padding: .3rem .6rem; border: 1px solid currentColor; display: inline-block; margin: .2rem 0; }
.note { color: #444; font-size: .9em; }
.nowrap { white-space: nowrap; overflow-wrap: normal; }
.retention { border-left: 4px solid #333; padding-left: .6rem; }
table.matrix td.status { text-align: center; }
@page { margin: 14mm 12mm 16mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; } @bottom-left { content: "webex-iac evidence report"; font-size: 8pt; } }
@media print {
  body { margin: 0; font-size: 9pt; max-width: none; }
  .org { break-before: page; page-break-before: always; }
  thead { display: table-header-group; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .status, .chain { color: #000 !important; }
  a { color: #000; text-decoration: none; }
}
`;

function table(className: string, headers: string[], rows: string[]): string {
  return `<table class="${className}"><thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function td(value: unknown, className?: string): string {
  return `<td${className ? ` class="${className}"` : ''}>${escapeHtml(value ?? '—')}</td>`;
}

function statusCell(status: string, label: string, note?: string): string {
  return `<td class="status status-${escapeHtml(status)}">${escapeHtml(label)}${note ? `<div class="note">${escapeHtml(note)}</div>` : ''}</td>`;
}

/** A link only for an https URL; anything else is shown as text. The printed URL follows the label. */
function link(l: ReportLink): string {
  return l.url && isHttpsUrl(l.url) ? `<a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a> <span class="mono">${escapeHtml(l.url)}</span>` : escapeHtml(l.label);
}

/** The report as one printable HTML file for an auditor's binder. */
export function renderReportHtml(report: EvidenceReport): string {
  return [...reportHtmlChunks(report)].join('');
}

/** renderReportHtml in pieces, an org at a time, for writing as they are made. */
export function* reportHtmlChunks(report: EvidenceReport): Generator<string> {
  const period = `${formatTime(report.period.from)} to ${formatTime(report.period.to)}`;
  const title = `Webex HIPAA evidence report — ${period}`;
  const signatures = report.signatures.checked
    ? report.signatures.intact
      ? `verified against public key ${report.signatures.keyId ?? ''}`
      : `FAILED: ${report.signatures.problems.map((p) => `${p.file}${p.line ? ` line ${p.line}` : ''}: ${p.message}`).join('; ')}`
    : report.signatures.keyId
      ? `present (key ${report.signatures.keyId}), not verified: run evidence report --public-key FILE`
      : 'none: the log is anchored only by its own head.json (run webex-iac evidence sign)';
  const header = [
    '<header>',
    '<h1>Webex HIPAA evidence report</h1>',
    '<dl class="facts">',
    `<dt>Period</dt><dd data-period>${escapeHtml(period)}</dd>`,
    `<dt>Generated</dt><dd>${escapeHtml(formatTime(report.generatedAt))} by ${escapeHtml(report.producer.actor)}, webex-iac ${escapeHtml(report.producer.toolVersion)}${report.producer.revision ? `, commit <span class="mono">${escapeHtml(report.producer.revision)}</span>` : ''}</dd>`,
    report.producer.links.length > 0 ? `<dt>CI</dt><dd>${report.producer.links.map(link).join('<br>')}</dd>` : '',
    `<dt>Evidence folder</dt><dd class="mono">${escapeHtml(report.dir)}</dd>`,
    `<dt>Evidence chain</dt><dd><span class="chain ${report.chainIntact ? 'chain-intact' : 'chain-broken'}" data-chain="${report.chainIntact ? 'intact' : 'broken'}">Evidence chain: <strong>${report.chainIntact ? 'intact' : 'BROKEN'}</strong></span></dd>`,
    `<dt>Signed checkpoints</dt><dd data-signatures="${report.signatures.checked ? (report.signatures.intact ? 'verified' : 'failed') : 'unchecked'}">${escapeHtml(signatures)}</dd>`,
    '</dl>',
    `<p class="retention">${escapeHtml(report.retention)}</p>`,
    '</header>',
  ].join('\n');
  yield `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n`;
  yield `${header}\n${report.orgs.length > 1 ? fleetSection(report) : ''}\n`;
  if (report.orgs.length === 0) yield '<p>No evidence records.</p>';
  for (let i = 0; i < report.orgs.length; i++) yield `${i === 0 ? '' : '\n'}${orgSection(report.orgs[i]!)}`;
  yield '\n</body>\n</html>\n';
}

/** The fleet page: every org's rules side by side, then what is due. */
function fleetSection(report: EvidenceReport): string {
  const fleet = fleetSummary(report);
  const parts = ['<section class="fleet">', `<h2>Fleet summary: ${report.orgs.length} orgs</h2>`];
  parts.push(
    table(
      'fleet-orgs',
      ['Org', 'Org id', 'Sites', 'Chain', 'Rules failing', 'Changes in period', 'Last assessed'],
      fleet.orgs.map((o) => `<tr data-org="${escapeHtml(o.org)}">${td(o.org)}${td(o.orgId, 'mono')}${td(o.sites)}${statusCell(o.chainIntact ? 'pass' : 'fail', o.chainIntact ? 'intact' : 'BROKEN')}${td(o.failing)}${td(o.changes)}${td(formatTime(o.lastAssessed))}</tr>`),
    ),
  );
  parts.push('<h3>Rules by org</h3>');
  parts.push(
    table(
      'matrix',
      ['Rule', 'Citation', ...report.orgs.map((o) => o.org)],
      fleet.rules.map((r) => `<tr data-rule="${escapeHtml(r.ruleId)}">${td(r.ruleId, 'mono')}${td(r.citations)}${r.statuses.map((s) => (s ? statusCell(s, RULE_STATUS_LABEL[s]) : td('not assessed'))).join('')}</tr>`),
    ),
  );
  parts.push('<h3>Attestations due or not evidence</h3>');
  parts.push(
    fleet.attestationsDue.length === 0
      ? '<p>None.</p>'
      : table('fleet-attestations', ['Org', 'Control', 'Owner', 'Reference', 'Expires', 'Status'], fleet.attestationsDue.map((a) => `<tr>${td(a.org)}${td(a.control)}${td(a.attestedBy)}${td(a.reference)}${td(a.expires, 'nowrap')}${statusCell(a.status, VALIDITY_LABEL[a.status])}</tr>`)),
  );
  parts.push('<h3>Exceptions expiring or expired</h3>');
  parts.push(
    fleet.exceptionsDue.length === 0
      ? '<p>None.</p>'
      : table('fleet-exceptions', ['Org', 'Rule', 'Owner', 'Expires', 'Status'], fleet.exceptionsDue.map((e) => `<tr>${td(e.org)}${td(e.ruleId)}${td(e.owner)}${td(e.expires)}${statusCell(e.status, VALIDITY_LABEL[e.status])}</tr>`)),
  );
  parts.push('</section>');
  return parts.join('\n');
}

function ruleRow(r: RuleReport): string {
  const citations = r.citations.map((c) => `${c.edition === 'proposed' ? 'proposed ' : ''}45 CFR ${c.section} ${c.title}`).join('; ');
  // The date only: the assess record beside it has the time and who ran it.
  const verified = r.lastPassed ? r.lastPassed.time.slice(0, 10) : 'never';
  return `<tr data-rule="${escapeHtml(r.ruleId)}" data-status="${escapeHtml(r.status)}">${td(r.ruleId, 'mono nowrap')}${td(r.title)}${td(citations)}${td(r.level, 'nowrap')}${statusCell(r.status, RULE_STATUS_LABEL[r.status], r.findings > 0 ? `${r.findings} finding(s)` : undefined)}${td(verified, 'nowrap')}${td(`${formatTime(r.lastAssessed.time)}, ${r.lastAssessed.record}, ${r.lastAssessed.actor}`, 'hash')}</tr>`;
}

function controlRow(c: ControlReport): string {
  const verified = c.lastVerifiedCompliant ? `${formatTime(c.lastVerifiedCompliant.time)} (${c.lastVerifiedCompliant.kind}, ${c.lastVerifiedCompliant.actor})` : 'never';
  return `<tr data-control="${escapeHtml(c.control)}" data-target="${escapeHtml(c.target)}" data-status="${escapeHtml(c.status)}">${td(c.control)}${td(c.target)}${td(c.ruleIds.join(', ') || '—', 'mono')}${statusCell(c.status, CONTROL_STATUS_LABEL[c.status] ?? c.status, c.note)}${td(verified)}${td(`${formatTime(c.lastObserved.time)} (${c.lastObserved.kind} ${c.lastObserved.record})`)}</tr>`;
}

function changeRow(g: ChangeGroup): string {
  const fields = `<ul class="fields">${g.fields.map((f) => `<li><code>${escapeHtml(f.field)}</code>: ${escapeHtml(f.before)} → ${escapeHtml(f.after)}${g.hosts !== undefined ? ` (${f.count} host(s))` : ''}</li>`).join('')}</ul>`;
  const when = g.first === g.last ? formatTime(g.first) : `${formatTime(g.first)} to ${formatTime(g.last)}`;
  const approvals = g.approvals.length > 0 ? g.approvals.map(link).join('<br>') : 'none recorded (applied outside CI)';
  const target = g.hosts !== undefined ? `${g.target} (${g.hosts} host(s))` : g.target;
  return `<tr data-change="${escapeHtml(g.control)}" data-target="${escapeHtml(g.target)}">${td(g.control)}${td(target)}<td>${fields}</td>${td(`${g.writes} write(s), ${g.verified} read back, ${g.trackingIds.length} trackingId(s)${g.trackingIds.length === 1 ? ` ${g.trackingIds[0]}` : ''}`)}${td(when)}${td(g.actors.join('; '))}<td>${approvals}</td></tr>`;
}

function orgSection(org: OrgReport): string {
  const { chain } = org;
  const parts: string[] = [`<section class="org" data-org="${escapeHtml(org.org)}">`, `<h2>Org ${escapeHtml(org.org)}</h2>`];
  parts.push(
    '<dl class="facts">',
    `<dt>Covered entity</dt><dd>${escapeHtml(org.coveredEntity)}</dd>`,
    `<dt>Org id</dt><dd class="mono" data-org-id>${escapeHtml(org.orgId ?? 'not recorded')}</dd>`,
    `<dt>Sites</dt><dd>${escapeHtml(org.sites.join(', ') || 'none recorded')}</dd>`,
    `<dt>Policy profile</dt><dd>${escapeHtml(org.profile ?? 'no assess recorded')}</dd>`,
    `<dt>Records in period</dt><dd>${escapeHtml(Object.entries(org.recordsInPeriod).map(([k, n]) => `${k} ${n}`).join(', ') || 'none')}</dd>`,
    '</dl>',
  );
  parts.push(
    chain.intact
      ? `<p class="chain chain-intact" data-chain="intact">Evidence chain: <strong>intact</strong> — ${chain.records} record(s) in ${chain.files.length} file(s), ${escapeHtml(formatTime(chain.firstTime))} to ${escapeHtml(formatTime(chain.lastTime))}</p>`
      : `<p class="chain chain-broken" data-chain="broken">Evidence chain: <strong>BROKEN</strong> at ${escapeHtml(chain.error?.file)}${chain.error?.line ? ` line ${chain.error.line}` : ''}: ${escapeHtml(chain.error?.message)}</p>`,
  );
  parts.push(
    table(
      'heads',
      ['Log file', 'Records', 'Head (sha256 of the last line)', 'Signed checkpoint'],
      chain.files.map((f) => {
        const c = f.checkpoint;
        const signed = c ? `line ${c.line}, ${formatTime(c.signedAt)}, key ${c.keyId}${c.verified === undefined ? ' (not verified here)' : c.verified ? ' (verified)' : ' (FAILED)'}` : 'not signed';
        return `<tr data-file="${escapeHtml(f.file)}">${td(f.file, 'mono')}${td(f.records)}${td(f.headSha256, 'hash')}${td(signed)}</tr>`;
      }),
    ),
  );
  for (const w of chain.warnings) parts.push(`<p class="note">Warning: ${escapeHtml(w.file)}${w.line ? ` line ${w.line}` : ''}: ${escapeHtml(w.message)}</p>`);

  parts.push('<h3>Rules (from the newest assess)</h3>');
  parts.push(
    org.rules.length === 0
      ? '<p>No <code>webex-iac assess</code> recorded up to the end of the period: no rule has been verified against the live org.</p>'
      : table('rules', ['Rule', 'Requires', 'Citation', 'Level', 'Status', 'Last passed', 'Assess record'], org.rules.map(ruleRow)),
  );
  parts.push('<h3>Managed settings (from apply and drift)</h3>');
  parts.push(org.controls.length === 0 ? '<p>No apply or drift recorded.</p>' : table('controls', ['Setting', 'Target', 'Rules', 'Status', 'Last verified compliant', 'Last observed'], org.controls.map(controlRow)));

  parts.push('<h3>Changes in the period</h3>');
  parts.push(org.changes.length === 0 ? '<p>No changes were applied in this period.</p>' : table('changes', ['Setting', 'Target', 'Fields', 'Writes', 'When', 'Applied by', 'Approval'], org.changes.map(changeRow)));

  parts.push('<h3>Attestations</h3>');
  parts.push(
    org.attestations.length === 0
      ? '<p>No attestations recorded in this period.</p>'
      : table(
          'attestations',
          ['Control', 'Attested by', 'On', 'Reference', 'Expires', 'Status'],
          org.attestations.map((a) => `<tr data-attestation="${escapeHtml(a.control)}" data-status="${a.status}">${td(a.control)}${td(a.attestedBy)}${td(a.attestedOn, 'nowrap')}${td(a.reference)}${td(a.expires, 'nowrap')}${statusCell(a.status, VALIDITY_LABEL[a.status])}</tr>`),
        ),
  );
  if (org.attestationsMissing.length > 0) parts.push(`<p class="status status-expired">Required attestations missing: ${escapeHtml(org.attestationsMissing.join(', '))}</p>`);

  parts.push('<h3>Exceptions</h3>');
  parts.push(
    org.exceptions.length === 0
      ? '<p>No exceptions recorded in this period.</p>'
      : table(
          'exceptions',
          ['Rule', 'Decision', 'Reason', 'Owner', 'Expires', 'Status', 'Recorded'],
          org.exceptions.map((e) => `<tr data-exception="${escapeHtml(e.ruleId)}">${td(e.ruleId)}${td(e.decision)}${td(e.reason)}${td(e.owner)}${td(e.expires)}${statusCell(e.status, VALIDITY_LABEL[e.status])}${td(formatTime(e.time))}</tr>`),
        ),
  );

  parts.push('<h3>Recordings removed before six years (from the newest assess)</h3>');
  if (org.recordings.length === 0) parts.push('<p>No assess has read the admin recordings list.</p>');
  for (const site of org.recordings) {
    const period = site.since && site.until ? `recordings created ${site.since.slice(0, 10)} to ${site.until.slice(0, 10)}, ${site.windows ?? '?'} windows of at most 30 days per status` : 'no period read';
    if (site.error !== undefined) parts.push(`<p class="status status-expired" data-recordings="${escapeHtml(site.siteUrl)}">${escapeHtml(site.siteUrl)}: not read (${escapeHtml(site.error)}), ${escapeHtml(formatTime(site.assessed.time))}: nothing here is evidence.</p>`);
    else if (site.removed.length === 0) parts.push(`<p data-recordings="${escapeHtml(site.siteUrl)}">${escapeHtml(site.siteUrl)}: none deleted or purged (${escapeHtml(period)}), read ${escapeHtml(formatTime(site.assessed.time))}.</p>`);
    else {
      parts.push(`<p data-recordings="${escapeHtml(site.siteUrl)}">${escapeHtml(site.siteUrl)}: ${site.removed.length} removed (${escapeHtml(period)}), read ${escapeHtml(formatTime(site.assessed.time))}:</p>`);
      parts.push(table('recordings', ['Recording', 'Status', 'Created', 'Host'], site.removed.map((r) => `<tr data-recording="${escapeHtml(r.id)}">${td(r.id)}${td(r.status)}${td(r.createTime, 'nowrap')}${td(r.hostEmail)}</tr>`)));
    }
  }

  const { adminAudit, securityAudit, lastCollected } = org.audit;
  parts.push('<h3>Webex audit events</h3>');
  parts.push(`<p>Last collected: ${escapeHtml(formatTime(lastCollected))}. Admin audit: <strong data-audit="admin">${adminAudit.total}</strong> event(s), ${adminAudit.events.length} not made by webex-iac. Security audit (sign-in/out): <strong data-audit="security">${securityAudit.total}</strong> event(s).</p>`);
  const categories = [...Object.entries(adminAudit.byCategory).map(([k, n]) => ['Admin audit', k, n] as const), ...Object.entries(securityAudit.byCategory).map(([k, n]) => ['Security audit', k, n] as const)];
  if (categories.length > 0) parts.push(table('audit-categories', ['Source', 'Category', 'Events'], categories.map(([s, k, n]) => `<tr>${td(s)}${td(k)}${td(n)}</tr>`)));
  if (adminAudit.events.length > 0) {
    parts.push('<p>Admin changes made outside webex-iac (no matching write in this log):</p>');
    parts.push(table('admin-audit', ['When', 'Who', 'Category', 'Action', 'trackingId'], adminAudit.events.map((e) => `<tr>${td(formatTime(e.created))}${td(e.actor)}${td(e.category)}${td(e.action)}${td(e.trackingId, 'mono')}</tr>`)));
  }

  if (org.otherRecords.length > 0) {
    parts.push('<h3>Other records</h3>');
    parts.push(table('other-records', ['When', 'Kind', 'Who', 'Command', 'Record'], org.otherRecords.map((r) => `<tr>${td(formatTime(r.time))}${td(r.kind)}${td(r.actor)}${td(r.command, 'mono')}${td(r.record, 'mono')}</tr>`)));
  }
  parts.push('</section>');
  return parts.join('\n');
}
