import type { CitationRef } from './citations';
import type { Subject, Target } from './subject';

/**
 * A rule is data plus one pure check. The data says what the rule requires, why, which HIPAA paragraphs
 * it serves and how webex-iac can know; the check judges a Subject (the declared manifest, or the live
 * org as provisioning observed it) and never calls an API.
 */

/** SHALL: a finding fails `check`, `synth` and `assess`. SHOULD: a finding is a warning. */
export type Level = 'SHALL' | 'SHOULD';

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/**
 * How webex-iac can know the control's state:
 * - `automated`: read from the Webex API by assess, and declared in the manifest for check;
 * - `write-only`: Webex accepts writes but offers no read; assess reports "enforced by webex-iac on
 *   <date>" from the local enforcement record, or "not verifiable";
 * - `manual-attestation`: Webex has no API; a named person attests it in the manifest.
 */
export type Automation = 'automated' | 'write-only' | 'manual-attestation';

export const AUTOMATIONS: readonly Automation[] = ['automated', 'write-only', 'manual-attestation'];

/** Areas, in the order RULES.md and reports list them. The rule id is `WBX.<AREA>.<n>v<version>`. */
export const AREAS = {
  MEET: 'Site meeting security',
  HOST: 'Host lobby (per host)',
  ENC: 'Encryption',
  AUTH: 'Authentication',
  SESS: 'Sessions',
  PWD: 'Passwords',
  ACCT: 'Accounts',
  ADMIN: 'Administrators',
  AUDIT: 'Audit',
  REC: 'Recordings',
  RET: 'Retention',
  GOV: 'Governance',
} as const;
export type Area = keyof typeof AREAS;

export type RuleScope = 'site' | 'org';

export const RULE_ID_PATTERN = /^WBX\.([A-Z]+)\.(\d+)v(\d+)$/;

/**
 * The verdict on one target (a site, a host, an account, the org):
 * - `pass` / `fail`;
 * - `not-verifiable`: the control cannot be known here (a write-only setting never enforced, an account
 *   whose activity Webex does not report); reported, never counted as a pass.
 */
export type Verdict = 'pass' | 'fail' | 'not-verifiable';

export type JudgedValue = boolean | number | string | null | readonly JudgedValue[] | { readonly [key: string]: JudgedValue };

export interface Judgement {
  readonly target: Target;
  /** Construct path of the declaration judged (the org's or the site's path when nothing is declared). */
  readonly path: string;
  readonly verdict: Verdict;
  /** One line: what was found, naming the field and the value. */
  readonly message: string;
  /** The raw values the verdict is based on (JSON and SARIF reports carry them). */
  readonly values: Readonly<Record<string, JudgedValue>>;
  /** How the state is known when not declared or read: "enforced by webex-iac on …", "attested by …". */
  readonly evidence?: string;
}

/** Why a rule refuses exceptions: the finding can only be fixed, never accepted. */
export interface ExceptionPolicy {
  readonly refused: string;
}

/** What the hipaa-nprm-2025 profile changes: the level and the citations, never the check. */
export interface ProfileOverride {
  readonly level?: Level;
  readonly citations?: readonly CitationRef[];
}

export interface Rule {
  /** Stable, versioned id, e.g. `WBX.MEET.1v1`: a new version when the check's meaning changes. */
  readonly id: string;
  /** PascalCase name, equal to the rule's file name. */
  readonly name: string;
  readonly area: Area;
  /**
   * What the rule judges: each site (`site`), or the org as a whole (`org`: org-level settings, account
   * reviews, attestations). A run limited to some sites (`--site`, `--shard`) runs only `site` rules.
   */
  readonly scope: RuleScope;
  /** What the rule requires, in one sentence. */
  readonly title: string;
  /** Level under hipaa-current. */
  readonly level: Level;
  readonly severity: Severity;
  /** Citations under hipaa-current (45 CFR as in force). */
  readonly citations: readonly CitationRef[];
  /** hipaa-nprm-2025 (90 FR 898): what changes. Absent: the same level and citations. */
  readonly nprm?: ProfileOverride;
  readonly automation: Automation;
  /** Why HIPAA needs it, and why this check shows it. */
  readonly rationale: string;
  /** What to change in code (or attest) to comply. */
  readonly remediation: string;
  /** Present when no exception may suppress a finding of this rule. */
  readonly exceptions?: ExceptionPolicy;
  /** The pure check. Throwing is an error result, never a pass. */
  check(subject: Subject): Judgement[];
}
