import type { CitationRef } from './citations';
import type { ExceptionOutcome, ExceptionState } from './exceptions';
import type { ProfileId } from './profiles';
import type { Area, Automation, Judgement, Level, Severity } from './rule';
import type { Mode } from './subject';

/**
 * The result of evaluating the pack over one or more orgs: data only; the renderers (policies/render/)
 * format it. Its JSON form is versioned by REPORT_FORMAT_VERSION.
 */
export const REPORT_FORMAT_VERSION = 1;

export type ComplianceCommand = 'check' | 'assess';

/** A judgement after exceptions: `excepted` is a failure an active exception accepts. */
export type JudgementStatus = 'pass' | 'fail' | 'excepted' | 'not-verifiable';

/**
 * A rule's result over one org: `error` when its check threw (never a pass), `not-applicable` when it
 * judged nothing (e.g. no sites), else the worst of its judgements (fail > not-verifiable > excepted > pass).
 */
export type ResultStatus = 'pass' | 'fail' | 'excepted' | 'not-verifiable' | 'not-applicable' | 'error';

export interface ExceptionRef {
  readonly ruleId: string;
  readonly reason: string;
  readonly owner: string;
  readonly expires: string;
  readonly path: string;
  readonly appliesTo?: string;
  readonly state: ExceptionState;
}

export interface JudgementResult extends Judgement {
  readonly status: JudgementStatus;
  /** `ruleId[finding]`: the label an exception's appliesTo and SARIF fingerprints use. */
  readonly finding: string;
  /** The exception that suppressed this finding, or that matches it but could not (expired, refused). */
  readonly exception?: ExceptionRef;
}

export interface RuleResult {
  readonly ruleId: string;
  readonly name: string;
  readonly area: Area;
  readonly title: string;
  /** Under the report's profile. */
  readonly level: Level;
  readonly severity: Severity;
  readonly automation: Automation;
  /** Under the report's profile. */
  readonly citations: readonly CitationRef[];
  /** What to change (or attest) to comply. */
  readonly remediation: string;
  readonly status: ResultStatus;
  readonly judgements: readonly JudgementResult[];
  /** The message of what the check threw (status `error`). */
  readonly error?: string;
}

export interface Summary {
  readonly rules: number;
  readonly pass: number;
  /** SHALL rules that fail: each makes the report non-compliant. */
  readonly fail: number;
  /** SHOULD rules that fail: warnings. */
  readonly warn: number;
  readonly excepted: number;
  readonly notVerifiable: number;
  readonly notApplicable: number;
  /** Checks that threw: each makes the report non-compliant. */
  readonly error: number;
  readonly exceptions: Readonly<Record<ExceptionState, number>>;
}

export interface OrgReport {
  readonly org: string;
  readonly orgId?: string;
  /** Construct path of the org. */
  readonly path: string;
  /** The manifest file the org was declared in, when known. */
  readonly manifest?: string;
  readonly results: readonly RuleResult[];
  readonly exceptions: readonly ExceptionOutcome[];
  readonly summary: Summary;
  readonly compliant: boolean;
}

export interface ComplianceReport {
  readonly formatVersion: typeof REPORT_FORMAT_VERSION;
  readonly tool: { readonly name: 'webex-iac'; readonly version: string };
  readonly command: ComplianceCommand;
  readonly mode: Mode;
  readonly profile: ProfileId;
  /** When the report was made (UTC, ISO 8601). */
  readonly generatedAt: string;
  /** The day expiries were judged against (UTC). */
  readonly today: string;
  readonly orgs: readonly OrgReport[];
  readonly summary: Summary;
  /** No failing SHALL rule, no error, no exception naming an unknown rule, in any org. */
  readonly compliant: boolean;
}

export function summarize(results: readonly RuleResult[], exceptions: readonly ExceptionOutcome[]): Summary {
  const count = (predicate: (r: RuleResult) => boolean) => results.filter(predicate).length;
  const states: Record<ExceptionState, number> = { active: 0, expired: 0, refused: 0, 'unknown-rule': 0 };
  for (const e of exceptions) states[e.state]++;
  return {
    rules: results.length,
    pass: count((r) => r.status === 'pass'),
    fail: count((r) => r.status === 'fail' && r.level === 'SHALL'),
    warn: count((r) => r.status === 'fail' && r.level === 'SHOULD'),
    excepted: count((r) => r.status === 'excepted'),
    notVerifiable: count((r) => r.status === 'not-verifiable'),
    notApplicable: count((r) => r.status === 'not-applicable'),
    error: count((r) => r.status === 'error'),
    exceptions: states,
  };
}

export function addSummaries(summaries: readonly Summary[]): Summary {
  const zero: Summary = { rules: 0, pass: 0, fail: 0, warn: 0, excepted: 0, notVerifiable: 0, notApplicable: 0, error: 0, exceptions: { active: 0, expired: 0, refused: 0, 'unknown-rule': 0 } };
  return summaries.reduce(
    (a, b) => ({
      rules: a.rules + b.rules,
      pass: a.pass + b.pass,
      fail: a.fail + b.fail,
      warn: a.warn + b.warn,
      excepted: a.excepted + b.excepted,
      notVerifiable: a.notVerifiable + b.notVerifiable,
      notApplicable: a.notApplicable + b.notApplicable,
      error: a.error + b.error,
      exceptions: {
        active: a.exceptions.active + b.exceptions.active,
        expired: a.exceptions.expired + b.exceptions.expired,
        refused: a.exceptions.refused + b.exceptions.refused,
        'unknown-rule': a.exceptions['unknown-rule'] + b.exceptions['unknown-rule'],
      },
    }),
    zero,
  );
}

export function isCompliant(summary: Summary): boolean {
  return summary.fail === 0 && summary.error === 0 && summary.exceptions['unknown-rule'] === 0;
}
