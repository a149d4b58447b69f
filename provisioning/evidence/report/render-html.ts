import { ControlReport, EvidenceReport, OrgReport } from './report-model';
import { CONTROL_STATUS_LABEL, fieldChanges, formatTime, VALIDITY_LABEL } from './report-text';

/** Every value from the log is text to show, never markup. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// One self-contained file: no script, no external font, image or stylesheet, so it opens offline and
// prints the same years later. Print rules: a page per org, table headers repeated on every page, rows
// never split, and status in words (colour only helps on screen).
const STYLE = `
:root { color-scheme: light; }
body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111; margin: 2rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.3rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 1rem; font-size: .9em; }
th, td { border: 1px solid #bbb; padding: .25rem .4rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #eee; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; }
.status { font-weight: 600; white-space: nowrap; }
.status-compliant, .status-valid, .chain-intact { color: #0a5c1f; }
.status-non-compliant, .status-error, .status-expired, .chain-broken { color: #a00000; }
.status-not-verified, .status-expiring, .status-no-expiry { color: #7a5200; }
.chain { padding: .4rem .6rem; border: 1px solid currentColor; display: inline-block; }
.note { color: #444; font-size: .9em; }
.retention { border-left: 4px solid #333; padding-left: .6rem; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; font-size: 9.5pt; }
  .org { break-before: page; page-break-before: always; }
  thead { display: table-header-group; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .status, .chain { color: #000 !important; }
}
`;

function table(className: string, headers: string[], rows: string[]): string {
  return `<table class="${className}"><thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function td(value: unknown, className?: string): string {
  return `<td${className ? ` class="${className}"` : ''}>${escapeHtml(value ?? '—')}</td>`;
}

/** The report as one printable HTML file for an auditor's binder. */
export function renderReportHtml(report: EvidenceReport): string {
  const title = `Webex HIPAA evidence report — ${formatTime(report.generatedAt)}`;
  const body = [
    '<header>',
    '<h1>Webex HIPAA evidence report</h1>',
    `<p>Generated ${escapeHtml(formatTime(report.generatedAt))} by webex-iac ${escapeHtml(report.toolVersion)} from <code>${escapeHtml(report.dir)}</code>; period ${escapeHtml(report.period.from ? formatTime(report.period.from) : 'all records')} to ${escapeHtml(formatTime(report.period.to))}.</p>`,
    `<p class="chain ${report.chainIntact ? 'chain-intact' : 'chain-broken'}" data-chain="${report.chainIntact ? 'intact' : 'broken'}">Evidence chain: <strong>${report.chainIntact ? 'intact' : 'BROKEN'}</strong></p>`,
    `<p class="retention">${escapeHtml(report.retention)}</p>`,
    '</header>',
    report.orgs.length === 0 ? '<p>No evidence records.</p>' : report.orgs.map(orgSection).join('\n'),
  ].join('\n');
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function controlRow(c: ControlReport): string {
  const verified = c.lastVerifiedCompliant ? `${formatTime(c.lastVerifiedCompliant.time)} (${c.lastVerifiedCompliant.kind}, ${c.lastVerifiedCompliant.actor})` : 'never';
  const status = `${CONTROL_STATUS_LABEL[c.status] ?? c.status}`;
  return `<tr data-control="${escapeHtml(c.control)}" data-target="${escapeHtml(c.target)}" data-status="${escapeHtml(c.status)}">${td(c.control)}${td(c.target)}<td class="status status-${escapeHtml(c.status)}">${escapeHtml(status)}${c.note ? `<div class="note">${escapeHtml(c.note)}</div>` : ''}</td>${td(verified)}${td(`${formatTime(c.lastObserved.time)} (${c.lastObserved.kind})`)}${td(c.path, 'mono')}</tr>`;
}

function orgSection(org: OrgReport): string {
  const { chain } = org;
  const parts: string[] = [`<section class="org" data-org="${escapeHtml(org.org)}">`, `<h2>Org ${escapeHtml(org.org)}</h2>`];
  parts.push(
    chain.intact
      ? `<p class="chain chain-intact" data-chain="intact">Evidence chain: <strong>intact</strong> — ${chain.records} record(s) in ${chain.files} file(s), ${escapeHtml(formatTime(chain.firstTime))} to ${escapeHtml(formatTime(chain.lastTime))}</p>`
      : `<p class="chain chain-broken" data-chain="broken">Evidence chain: <strong>BROKEN</strong> at <code>${escapeHtml(chain.error?.file)}</code>${chain.error?.line ? ` line ${chain.error.line}` : ''}: ${escapeHtml(chain.error?.message)}</p>`,
  );
  if (chain.warnings.length > 0) parts.push(`<ul>${chain.warnings.map((w) => `<li>Warning: ${escapeHtml(w.message)}</li>`).join('')}</ul>`);

  parts.push('<h3>Controls</h3>');
  parts.push(
    org.controls.length === 0
      ? '<p>No control has been observed yet (run <code>webex-iac plan</code> or <code>drift</code>).</p>'
      : table('controls', ['Control', 'Target', 'Status', 'Last verified compliant', 'Last observed', 'Declared at'], org.controls.map(controlRow)),
  );

  parts.push('<h3>Changes applied</h3>');
  parts.push(
    org.changes.length === 0
      ? '<p>No change was applied in this period.</p>'
      : table(
          'changes',
          ['When', 'Who', 'Control', 'Target', 'Field', 'Before', 'After', 'trackingId', 'Verified'],
          org.changes.flatMap((c) =>
            fieldChanges(c.before, c.after).map(
              (f) =>
                `<tr>${td(formatTime(c.time))}${td(c.actor)}${td(c.control)}${td(c.target)}${td(f.field, 'mono')}${td(f.before, 'mono')}${td(f.after, 'mono')}${td(c.trackingId, 'mono')}${td(c.verified === undefined ? undefined : c.verified ? 'read back' : 'NOT confirmed')}</tr>`,
            ),
          ),
        ),
  );

  parts.push('<h3>Attestations</h3>');
  if (org.attestations.length === 0 && org.attestationsMissing.length === 0) parts.push('<p>No attestation recorded.</p>');
  if (org.attestations.length > 0) {
    parts.push(
      table(
        'attestations',
        ['Control', 'Attested by', 'On', 'Reference', 'Expires', 'Status', 'Recorded'],
        org.attestations.map((a) => `<tr data-attestation="${escapeHtml(a.control)}">${td(a.control)}${td(a.attestedBy)}${td(a.attestedOn)}${td(a.reference)}${td(a.expires)}<td class="status status-${a.status}">${escapeHtml(VALIDITY_LABEL[a.status])}</td>${td(formatTime(a.time))}</tr>`),
      ),
    );
  }
  if (org.attestationsMissing.length > 0) parts.push(`<p class="status status-non-compliant">Required but not attested: ${org.attestationsMissing.map(escapeHtml).join(', ')}</p>`);

  parts.push('<h3>Exceptions</h3>');
  parts.push(
    org.exceptions.length === 0
      ? '<p>No exception recorded.</p>'
      : table(
          'exceptions',
          ['Rule', 'Decision', 'Reason', 'Owner', 'Expires', 'Status', 'Recorded'],
          org.exceptions.map((e) => `<tr data-exception="${escapeHtml(e.ruleId)}">${td(e.ruleId)}${td(e.decision)}${td(e.reason)}${td(e.owner)}${td(e.expires)}<td class="status status-${e.status}">${escapeHtml(VALIDITY_LABEL[e.status])}</td>${td(formatTime(e.time))}</tr>`),
        ),
  );

  const { adminAudit, securityAudit, lastCollected } = org.audit;
  parts.push('<h3>Webex audit events</h3>');
  parts.push(`<p>Last collected: ${escapeHtml(formatTime(lastCollected))}. Admin audit: <strong data-audit="admin">${adminAudit.total}</strong> event(s). Security audit (sign-in/out): <strong data-audit="security">${securityAudit.total}</strong> event(s).</p>`);
  const categories = [...Object.entries(adminAudit.byCategory).map(([k, n]) => ['Admin audit', k, n] as const), ...Object.entries(securityAudit.byCategory).map(([k, n]) => ['Security audit', k, n] as const)];
  if (categories.length > 0) parts.push(table('audit-categories', ['Source', 'Category', 'Events'], categories.map(([s, k, n]) => `<tr>${td(s)}${td(k)}${td(n)}</tr>`)));
  if (adminAudit.events.length > 0) {
    parts.push(table('admin-audit', ['When', 'Who', 'Category', 'Action', 'trackingId'], adminAudit.events.map((e) => `<tr>${td(formatTime(e.created))}${td(e.actor)}${td(e.category)}${td(e.action)}${td(e.trackingId, 'mono')}</tr>`)));
  }

  if (org.otherRecords.length > 0) {
    parts.push('<h3>Other records</h3>');
    parts.push(table('other-records', ['When', 'Kind', 'Who', 'Command', 'Record'], org.otherRecords.map((r) => `<tr>${td(formatTime(r.time))}${td(r.kind)}${td(r.actor)}${td(r.command, 'mono')}${td(r.record, 'mono')}</tr>`)));
  }
  parts.push('</section>');
  return parts.join('\n');
}
