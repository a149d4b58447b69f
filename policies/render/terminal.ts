import { createColors } from 'picocolors';
import { describeCitation, formatCitation } from '../citations';
import { PROFILES } from '../profiles';
import type { ComplianceReport, OrgReport, ResultStatus, RuleResult, Summary } from '../report';
import { terminalText as t } from '../../manifest/text';
import { describeTarget } from '../subject';

type Colors = ReturnType<typeof createColors>;

const SYMBOL: Record<ResultStatus, string> = { pass: '✓', fail: '✗', excepted: '~', 'not-verifiable': '?', 'not-applicable': '-', error: '!' };

/**
 * The report for a person at a terminal: every rule on one line, and under each one that is not a pass
 * what was found, where (construct path), what it cites and how to fix it; then the exceptions, every
 * one of them, and a summary line. Colour only when asked (a TTY without NO_COLOR, see cli/output.ts).
 */
export function renderTerminalReport(report: ComplianceReport, options: { color?: boolean } = {}): string {
  return [...terminalReportChunks(report, options)].join('');
}

/** renderTerminalReport in pieces, an org at a time, for writing as they are made. */
export function* terminalReportChunks(report: ComplianceReport, options: { color?: boolean } = {}): Generator<string> {
  const c = createColors(options.color ?? false);
  const profile = PROFILES[report.profile];
  yield linesText([`webex-iac ${report.command}: profile ${report.profile} (${profile.title}), ${report.today}`, '']);
  for (const org of report.orgs) yield linesText([...renderOrg(org, c), '']);
  yield linesText([summaryLine(report.summary, report.compliant, c)]);
}

/** Lines as text, each ended by a newline. */
function linesText(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

function renderOrg(org: OrgReport, c: Colors): string[] {
  const lines = [c.bold(`${t(org.org)}${org.manifest ? ` (${t(org.manifest)})` : ''}`)];
  for (const result of org.results) lines.push(...renderResult(result, c));
  if (org.exceptions.length > 0) {
    lines.push('', '  Exceptions:');
    for (const { exception, state, note } of org.exceptions) {
      const scope = exception.appliesTo ? `[${t(exception.appliesTo)}]` : '';
      const color = state === 'active' ? c.yellow : c.red;
      lines.push(`    ${color(`${t(exception.ruleId)}${scope} ${state}`)}: "${t(exception.reason)}" ${t(note)}`);
    }
  }
  return lines;
}

function renderResult(result: RuleResult, c: Colors): string[] {
  const shall = result.level === 'SHALL';
  const color = colorOf(result.status, shall, c);
  const status = result.status === 'fail' && !shall ? 'warning' : result.status;
  const evidence = result.status === 'pass' ? result.judgements.find((j) => j.evidence)?.evidence : undefined;
  const head = `  ${color(`${SYMBOL[result.status]} ${result.ruleId}`)} ${result.level.padEnd(6)} ${t(result.title)}${result.status === 'pass' ? '' : color(` [${status}]`)}`;
  const lines = [evidence ? `${head} ${c.dim(`(${t(evidence)})`)}` : head];
  if (result.status === 'error') lines.push(`      the check failed: ${t(result.error ?? '')}`);
  for (const j of result.judgements.filter((j) => j.status !== 'pass')) {
    lines.push(`      ${t(describeTarget(j.target))}: ${t(j.message)}`);
    lines.push(c.dim(`        at ${t(j.path)}`));
    if (j.exception) {
      const e = j.exception;
      lines.push(`        ${e.state === 'active' ? 'excepted' : `exception ${e.state}`}: "${t(e.reason)}" (owner ${t(e.owner)}, until ${t(e.expires)})`);
    }
  }
  if (result.status === 'fail' || result.status === 'error') {
    lines.push(c.dim(`      cites ${result.citations.map(describeCitation).join('; ')}`));
    lines.push(c.dim(`      fix: ${result.remediation}`));
  }
  return lines;
}

function colorOf(status: ResultStatus, shall: boolean, c: Colors): (text: string) => string {
  switch (status) {
    case 'pass':
      return c.green;
    case 'fail':
      return shall ? c.red : c.yellow;
    case 'error':
      return c.red;
    case 'excepted':
    case 'not-verifiable':
      return c.yellow;
    default:
      return c.dim;
  }
}

export function summaryLine(s: Summary, compliant: boolean, c: Colors = createColors(false)): string {
  const verdict = compliant ? c.green('Compliant') : c.red('Not compliant');
  const exceptions = `${s.exceptions.active} active, ${s.exceptions.expired} expired, ${s.exceptions.refused} refused, ${s.exceptions['unknown-rule']} unknown`;
  return `${verdict}: ${s.pass} pass, ${s.fail} fail (SHALL), ${s.warn} warning(s) (SHOULD), ${s.excepted} excepted, ${s.notVerifiable} not verifiable, ${s.notApplicable} not applicable, ${s.error} error(s); exceptions: ${exceptions}.`;
}

/** `WBX.MEET.1v1 (45 CFR 164.312(a)(1)) at <path>: <target>: <message>` for a one-line error. */
export function describeFinding(result: RuleResult, judgement: RuleResult['judgements'][number]): string {
  return `${result.ruleId} (${result.citations.map(formatCitation).join(', ')}) at ${t(judgement.path)}: ${t(describeTarget(judgement.target))}: ${t(judgement.message)}`;
}
