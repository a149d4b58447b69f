import { createHash } from 'node:crypto';
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeCitation, formatCitation } from '../citations';
import { citationsOf, levelOf, PROFILES } from '../profiles';
import type { ComplianceReport, JudgementResult, OrgReport, RuleResult } from '../report';
import type { Rule, Severity } from '../rule';
import { describeTarget, findingId } from '../subject';
import { jsonTextChunks, sarifText } from '../../manifest/text';

/** GitHub code scanning reads `security-severity` (0.0–10.0) to rank security results. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

/** Where a result is shown in the user's repository: a file (repository-relative) and a line. */
export interface SourceLocation {
  readonly uri: string;
  readonly line: number;
  /** Why the location is not the declaration itself (e.g. only the generated manifest was found). */
  readonly note?: string;
}

export interface SarifOptions {
  /**
   * Where a construct path is declared in the user's repository (the program that declared it, else the
   * manifest relative to the repository root). When given, results point there instead of at the
   * manifest, which lives in a generated folder that repositories do not commit.
   */
  readonly locate?: (manifest: string, constructPath: string) => SourceLocation | undefined;
  /**
   * Where a construct path is declared in a manifest file: the 1-based line of its `"path"` entry, so
   * code scanning points at it. Default: line 1.
   */
  readonly lineOf?: (manifest: string, constructPath: string) => number;
}

/**
 * SARIF 2.1.0 (OASIS, errata 01). One run; the driver lists every rule of the pack with its help text
 * and citations under the report's profile. Each judgement is a result located in the manifest file
 * (physical location) and at the construct path (logical location): failures are errors (SHALL) or
 * warnings (SHOULD), accepted by an `external` suppression when an active exception covers them; checks
 * that cannot be verified are notes for review; passes are `kind: pass`.
 */
export function renderSarifReport(report: ComplianceReport, pack: readonly Rule[], options: SarifOptions = {}): string {
  return [...sarifReportChunks(report, pack, options)].join('');
}

/** renderSarifReport in pieces, as it is serialized: a fleet's results are never one string. */
export function* sarifReportChunks(report: ComplianceReport, pack: readonly Rule[], options: SarifOptions = {}): Generator<string> {
  yield* jsonTextChunks(sarifLog(report, pack, options));
  yield '\n';
}

function sarifLog(report: ComplianceReport, pack: readonly Rule[], options: SarifOptions) {
  const ruleIndex = new Map(pack.map((rule, i) => [rule.id, i]));
  const located = (manifest: string, path: string) => options.locate?.(manifest, path);
  const artifacts = [
    ...new Set(report.orgs.flatMap((o) => (o.manifest === undefined ? [] : [located(o.manifest, o.path)?.uri ?? o.manifest, ...o.results.flatMap((r) => r.judgements.map((j) => located(o.manifest!, j.path)?.uri ?? o.manifest!))]))),
  ];
  const results = report.orgs.flatMap((org) => org.results.flatMap((result) => resultsOf(org, result, ruleIndex.get(result.ruleId)!, artifacts, options)));
  const errors = report.orgs.flatMap((org) => org.results.filter((r) => r.status === 'error').map((r) => ({ org: org.org, r })));
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'webex-iac', version: report.tool.version, semanticVersion: report.tool.version, rules: pack.map((rule) => descriptor(rule, report)) } },
        automationDetails: { id: `webex-iac/${report.command}/${report.profile}/` },
        invocations: [
          {
            executionSuccessful: errors.length === 0,
            endTimeUtc: report.generatedAt,
            toolExecutionNotifications: errors.map(({ org, r }) => ({ level: 'error', message: { text: `${r.ruleId} failed to run for ${sarifText(org)}: ${sarifText(r.error ?? '')}` }, descriptor: { id: r.ruleId, index: ruleIndex.get(r.ruleId) } })),
          },
        ],
        artifacts: artifacts.map((file) => ({ location: { uri: toUri(file) }, roles: ['analysisTarget'] })),
        results,
        properties: {
          profile: report.profile,
          mode: report.mode,
          today: report.today,
          compliant: report.compliant,
          summary: report.summary,
          exceptions: report.orgs.flatMap((o) => o.exceptions.map((e) => ({ org: o.org, ...e.exception, state: e.state, matched: e.matched, note: e.note }))),
        },
      },
    ],
  };
  return log;
}

function descriptor(rule: Rule, report: ComplianceReport) {
  const level = levelOf(rule, report.profile);
  const citations = citationsOf(rule, report.profile);
  const cites = citations.map(describeCitation);
  const text = `${rule.rationale}\n\nRemediation: ${rule.remediation}\n\nCites (${PROFILES[report.profile].title}): ${cites.join('; ')}.${rule.exceptions ? `\n\nExceptions are refused: ${rule.exceptions.refused}.` : ''}`;
  const markdown = [`**${rule.title}** (${level}, ${rule.automation})`, '', rule.rationale, '', `**Remediation:** ${rule.remediation}`, '', '**HIPAA:**', ...cites.map((c) => `- ${c}`), ...(rule.exceptions ? ['', `Exceptions are refused: ${rule.exceptions.refused}.`] : [])].join('\n');
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text, markdown },
    defaultConfiguration: { level: level === 'SHALL' ? 'error' : 'warning' },
    properties: {
      tags: ['security', 'hipaa', report.profile, `${rule.area.toLowerCase()}`, rule.automation],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: 'very-high',
      level,
      automation: rule.automation,
      citations: citations.map(formatCitation),
    },
  };
}

function resultsOf(org: OrgReport, result: RuleResult, ruleIndex: number, artifacts: readonly string[], options: SarifOptions) {
  const base = { ruleId: result.ruleId, ruleIndex };
  const cites = result.citations.map(formatCitation).join(', ');
  if (result.status === 'error') {
    return [{ ...base, kind: 'fail', level: 'error', message: { text: `${sarifText(org.org)}: the check of ${result.ruleId} failed: ${sarifText(result.error ?? '')} (${cites})` }, locations: [location(org, org.path, artifacts, options)] }];
  }
  return result.judgements.map((j) => ({
    ...base,
    ...kindAndLevel(result, j),
    message: { text: `${sarifText(org.org)}, ${sarifText(describeTarget(j.target))}: ${sarifText(j.message)} (${result.level}; ${cites})` },
    locations: [location(org, j.path, artifacts, options)],
    partialFingerprints: { 'webexIacFinding/v1': createHash('sha256').update(`${org.org}\u0000${j.finding}`).digest('hex') },
    ...(j.status === 'excepted' && j.exception
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: j.exception.reason, properties: { owner: j.exception.owner, expires: j.exception.expires, path: j.exception.path, appliesTo: j.exception.appliesTo ?? null } }] }
      : {}),
    properties: { org: org.org, target: describeTarget(j.target), finding: findingId(j.target) ?? null, status: j.status, values: j.values, evidence: j.evidence ?? null, exception: j.exception ?? null },
  }));
}

function kindAndLevel(result: RuleResult, j: JudgementResult): { kind: string; level: string } {
  switch (j.status) {
    case 'pass':
      return { kind: 'pass', level: 'none' };
    case 'not-verifiable':
      return { kind: 'review', level: 'note' };
    default:
      return { kind: 'fail', level: result.level === 'SHALL' ? 'error' : 'warning' };
  }
}

function location(org: OrgReport, constructPath: string, artifacts: readonly string[], options: SarifOptions) {
  const logicalLocations = [{ fullyQualifiedName: constructPath, name: constructPath.split('/').pop() ?? constructPath, kind: 'object' }];
  if (org.manifest === undefined) return { logicalLocations };
  const source = options.locate?.(org.manifest, constructPath);
  if (source !== undefined) {
    const physicalLocation = { artifactLocation: { uri: toUri(source.uri), index: artifacts.indexOf(source.uri) }, region: { startLine: Math.max(1, source.line) } };
    return { physicalLocation, logicalLocations, ...(source.note ? { message: { text: source.note } } : {}) };
  }
  const startLine = Math.max(1, options.lineOf?.(org.manifest, constructPath) ?? 1);
  return { physicalLocation: { artifactLocation: { uri: toUri(org.manifest), index: artifacts.indexOf(org.manifest) }, region: { startLine } }, logicalLocations };
}

/** A file path as a SARIF URI: relative paths stay relative (forward slashes), absolute ones become file: URIs. */
export function toUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  // A lone surrogate cannot be percent-encoded: it becomes U+FFFD rather than a crash.
  return file.replace(/\p{Cs}/gu, '\ufffd').split(sep).map(encodeURIComponent).join('/');
}
