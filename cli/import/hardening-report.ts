import type { Org } from '../../manifest';
import { AuditView, ComplianceReport, complianceReport, describeTarget, evaluateOrg, HIPAA_PACK, observedSubject, ProfileId, RuleResult, summaryLine, utcDay } from '../../policies';
import { observedFacts } from '../../provisioning/observed-facts';
import type { ImportObservation } from './observation';
import { terminalText } from '../../manifest/text';

/**
 * The policy pack over the org as import read it, judged against the imported declaration: the hardening
 * work ahead. Every host is judged, the exempt ones included (import read them all), and every site
 * control, the unmanaged ones included; `webex-iac assess` after adoption judges the managed ones. Pure:
 * no request, no file.
 */
export function hardeningReport(observation: ImportObservation, declared: Org, options: { profile: ProfileId; now: Date; toolVersion: string; audit?: AuditView }): ComplianceReport {
  const subject = observedSubject(declared, observedFacts(declared, observation.observed), { today: utcDay(options.now), ...(options.audit ? { audit: options.audit } : {}) });
  const org = evaluateOrg(HIPAA_PACK, subject, { profile: options.profile, exceptions: declared.exceptions ?? [] });
  return complianceReport({ command: 'assess', profile: options.profile, now: options.now, toolVersion: options.toolVersion, orgs: [org] });
}

const SYMBOL: Partial<Record<RuleResult['status'], string>> = { fail: '✗', 'not-verifiable': '?', error: '!' };
/** Targets named per rule before the rest is counted. */
const SHOWN = 3;

/**
 * The report in a few lines: each rule that fails, cannot be verified or could not be checked, with how
 * many targets and the first few; then the summary line. `webex-iac assess` prints the full report.
 */
export function renderHardeningDigest(report: ComplianceReport): string {
  const lines = [`Hardening ahead: what the org as read fails under ${report.profile}, judged against the imported declaration (every host, the exempt ones included):`];
  for (const org of report.orgs) {
    for (const result of org.results) {
      const symbol = SYMBOL[result.status];
      if (symbol === undefined) continue;
      const status = result.status === 'fail' ? (result.level === 'SHALL' ? 'fail' : 'warning') : result.status;
      if (result.status === 'error') {
        lines.push(`  ${symbol} ${result.ruleId} ${result.level} ${result.title} [error]: ${terminalText(result.error ?? '')}`);
        continue;
      }
      const judged = result.judgements.filter((j) => j.status === result.status);
      const targets = judged.map((j) => terminalText(describeTarget(j.target)));
      const more = targets.length > SHOWN ? ` and ${targets.length - SHOWN} more` : '';
      lines.push(`  ${symbol} ${result.ruleId} ${result.level} ${result.title} [${status}]: ${targets.length} × ${targets.slice(0, SHOWN).join(', ')}${more}`);
    }
  }
  lines.push(summaryLine(report.summary, report.compliant));
  return `${lines.join('\n')}\n`;
}
