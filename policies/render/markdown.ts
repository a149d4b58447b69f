import { formatCitation, shortCitation } from '../citations';
import { PROFILES } from '../profiles';
import type { ComplianceReport, OrgReport, ResultStatus, RuleResult } from '../report';
import { markdownCode, markdownText as escape } from '../../manifest/text';
import { describeTarget } from '../subject';
import { summaryLine } from './terminal';

const ICON: Record<ResultStatus, string> = { pass: '✅', fail: '❌', excepted: '🟡', 'not-verifiable': '❔', 'not-applicable': '➖', error: '💥' };

/** Markdown for a pull request or an auditor: failures first, then exceptions, then every rule folded. */
export function renderMarkdownReport(report: ComplianceReport): string {
  return [...markdownReportChunks(report)].join('');
}

/** renderMarkdownReport in pieces, an org at a time, for writing as they are made. */
export function* markdownReportChunks(report: ComplianceReport): Generator<string> {
  const profile = PROFILES[report.profile];
  const head = [
    `## webex-iac ${report.command}: ${report.compliant ? '✅ compliant' : '❌ not compliant'}`,
    '',
    `Profile **${report.profile}** (${profile.title}) · webex-iac ${report.tool.version} · ${report.generatedAt}`,
    '',
    summaryLine(report.summary, report.compliant),
  ];
  yield `${head.join('\n')}\n`;
  for (const org of report.orgs) yield `\n${renderOrg(org).join('\n')}\n`;
}

function renderOrg(org: OrgReport): string[] {
  const out = [`### ${escape(org.org)}${org.manifest ? ` (${markdownCode(org.manifest)})` : ''}`, ''];
  const open = org.results.flatMap((r) => r.judgements.filter((j) => j.status !== 'pass').map((j) => ({ r, j })));
  const errors = org.results.filter((r) => r.status === 'error');
  if (open.length === 0 && errors.length === 0) {
    out.push('No findings.');
  } else {
    out.push('| | Rule | Level | Target | Finding | Construct | Cites |', '|---|---|---|---|---|---|---|');
    for (const r of errors) out.push(`| ${ICON.error} | ${r.ruleId} | ${r.level} | | the check failed: ${escape(r.error ?? '')} | | ${cites(r)} |`);
    for (const { r, j } of open) {
      const icon = j.status === 'fail' && r.level === 'SHOULD' ? '⚠️' : ICON[j.status];
      const excepted = j.exception ? ` (exception ${j.exception.state}: ${escape(j.exception.reason)})` : '';
      out.push(`| ${icon} | ${r.ruleId} | ${r.level} | ${escape(describeTarget(j.target))} | ${escape(j.message)}${excepted} | ${markdownCode(j.path)} | ${cites(r)} |`);
    }
  }
  out.push('', '#### Exceptions', '');
  if (org.exceptions.length === 0) {
    out.push('None declared.');
  } else {
    out.push('| Rule | Scope | State | Owner | Expires | Reason | Note |', '|---|---|---|---|---|---|---|');
    for (const { exception: e, state, note } of org.exceptions) {
      out.push(`| ${escape(e.ruleId)} | ${escape(e.appliesTo ?? 'whole org')} | ${state} | ${escape(e.owner)} | ${escape(e.expires)} | ${escape(e.reason)} | ${escape(note)} |`);
    }
  }
  out.push('', `<details><summary>All ${org.results.length} rules</summary>`, '', '| | Rule | Level | Automation | Title | Cites |', '|---|---|---|---|---|---|');
  for (const r of org.results) out.push(`| ${ICON[r.status]} | ${r.ruleId} | ${r.level} | ${r.automation} | ${escape(r.title)} | ${r.citations.map(shortCitation).join(', ')} |`);
  out.push('', '</details>');
  return out;
}

function cites(result: RuleResult): string {
  return result.citations.map(formatCitation).join('; ');
}
