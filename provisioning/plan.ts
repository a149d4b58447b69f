import { untrusted, Untrusted } from '../manifest/text';
/**
 * The plan: what must change for the live org to match the manifest. Data only; renderers format it and
 * the applier executes it. Its JSON form is versioned by PLAN_FORMAT_VERSION (see README "Plan JSON").
 */
export const PLAN_FORMAT_VERSION = 1;

import type { ChangeOrigin, FieldOrigin } from './change-origin';
import type { ValueRule } from './floors';
import type { BaselineSource } from './plan-baseline';
import type { Impact } from './security-impact';
import type { Attribution } from './audit/attribution';

export type { ChangeOrigin, FieldOrigin } from './change-origin';

/** A scalar or list value of one managed field, as read from or written to Webex. */
export type FieldValue = boolean | number | string | string[] | null;

/** Managed fields of one setting, keyed by dotted field name (e.g. `passwordCriteria.minLength`). */
export type FieldValues = Record<string, FieldValue>;

/**
 * What a change or finding is about: a Meetings site, a person (a host on a site, or an account of the
 * org), or the org itself (write-only identity settings, org-wide findings).
 */
export type Target =
  | { readonly kind: 'site'; readonly siteUrl: string }
  | { readonly kind: 'person'; readonly email: Untrusted; readonly siteUrl?: string; readonly personId?: string; readonly orgId?: string }
  | { readonly kind: 'org'; readonly orgId: string };

type PersonTarget = Extract<Target, { kind: 'person' }>;

/** A person as a target: the email came from Webex, so it is marked untrusted (renderers must escape it). */
export function personTarget(email: string, more: Omit<PersonTarget, 'kind' | 'email'> = {}): PersonTarget {
  return { kind: 'person', email: untrusted(email), ...more };
}

/**
 * - `update`: read, diff, write the changed fields, read back;
 * - `enforce`: write a write-only setting that Webex cannot read back (see `writeOnly`);
 * - `revoke`: take admin roles away from a person (opt-in);
 * - `deactivate`: turn an inactive account's login off (opt-in).
 */
export type ChangeAction = 'update' | 'enforce' | 'revoke' | 'deactivate';
export const CHANGE_ACTIONS: readonly ChangeAction[] = ['update', 'enforce', 'revoke', 'deactivate'];

export interface Change {
  /** Org display name, as in the manifest. */
  readonly org: string;
  readonly target: Target;
  /** Manifest setting key, e.g. `meetingSecurity`. */
  readonly setting: string;
  readonly action: ChangeAction;
  /** Construct path that declared the setting, so a reviewer can find it in code. */
  readonly path: string;
  /** Current values of the fields that change; empty for a write-only setting, which cannot be read. */
  readonly before: FieldValues;
  /** Values after apply, same keys as `before`. */
  readonly after: FieldValues;
  /** Declared fields that already match. */
  readonly unchangedFields: number;
  /** Why a field changes that was not declared (e.g. a dependency Cisco enforces). */
  readonly notes: string[];
  /**
   * Present (true) when Webex offers no way to read the setting: `before` is empty, and the change is
   * planned from what webex-iac last enforced (recorded locally), never from a read of the org.
   */
  readonly writeOnly?: true;
  /**
   * Other live values the change was planned from (e.g. an account's `lastActivity`); apply refuses the
   * plan when one of them has changed, as it does for `before`.
   */
  readonly plannedFrom?: FieldValues;
  /**
   * Which rule decided each value of `after`: `declared`, `floor` (the stricter live value kept, or a
   * deny-list kept as a superset), `exact` (pinned by the declaration's exactFields) or `dependency`
   * (forced by a rule of Cisco's between fields). Present on updates of readable settings.
   */
  readonly valueRules?: Record<string, ValueRule>;
  /** Security impact of each changed field. */
  readonly fieldImpacts: Record<string, Impact>;
  /** Weakens if any field weakens; plans list weakening changes first. */
  readonly impact: Impact;
  /**
   * Who made the drift, from the admin audit log (drift and plan add it after planning; see
   * provisioning/audit/attribute-changes.ts). Never part of a saved plan: it explains, it decides nothing.
   */
  readonly attribution?: Attribution;
  /**
   * Where the change comes from, judged against the plan's `baseline`: `declaration` (the declared value
   * changed), `drift` (changed outside webex-iac: the declaration did not change the value, the live org
   * did; any drifted field makes the change `drift`) or `unknown` (no baseline covers it; never guessed).
   */
  readonly origin: ChangeOrigin;
  /** The origin of each changed field, when a baseline covers the change. */
  readonly fieldOrigins?: Record<string, FieldOrigin>;
  /**
   * How the live value stands against what the plan writes: `weakens` when the live org is weaker than
   * declared (what `drift` counts as weakening); `neutral` for write-only settings, which cannot be read.
   */
  readonly liveImpact: Impact;
}

/**
 * Something found in the live org that a declared control cares about but that the plan does not change:
 * an opt-in action not opted in (unexpected admin, inactive account), or a fact only a person can act on
 * (users without MFA, more Full Administrators than allowed). Findings never make a plan non-empty.
 */
export interface Finding {
  readonly org: string;
  readonly kind: FindingKind;
  readonly target: Target;
  /** The control that reported it (manifest setting key). */
  readonly setting: string;
  /** One line for a reviewer. */
  readonly detail: Untrusted;
  /** Construct path of the control, so a reviewer can find it in code. */
  readonly path: string;
}

export type FindingKind = 'unexpected-admin' | 'too-many-full-admins' | 'inactive-account' | 'activity-unknown' | 'mfa-off' | 'not-a-host';

/** The state of one manual attestation (a control Webex has no API for): never "applied". */
export type AttestationState = 'valid' | 'expiring' | 'expired' | 'missing';

export interface AttestationStatus {
  readonly org: string;
  /** The attestation control, e.g. `messageRetention`. */
  readonly control: string;
  readonly title: string;
  readonly status: AttestationState;
  readonly attestedBy?: string;
  readonly attestedOn?: string;
  readonly expires?: string;
  readonly reference?: string;
  /** Control-specific facts attested (e.g. `retentionDays`). */
  readonly details?: FieldValues;
  /** Whether the control must be attested (a missing optional one is not listed). */
  readonly required: boolean;
  readonly path: string;
}

/** A declared policy exception, listed in every plan so reviewers see what is accepted and until when. */
export interface ExceptionStatus {
  readonly org: string;
  readonly ruleId: string;
  readonly reason: string;
  readonly owner: string;
  readonly expires: string;
  readonly appliesTo?: string;
  readonly path: string;
  /** `expired` from its expiry day on (it suppresses nothing then); `expiring` within 30 days before. */
  readonly status: 'active' | 'expiring' | 'expired';
}

/**
 * A declared target whose live state could not be understood (a record outside Cisco's spec, a body
 * that is not JSON): it is neither converged nor changed. A plan with any is not a clean plan: the CLI
 * exits 1, and `--detailed-exitcode` never reports 0.
 */
export interface UnknownTarget {
  readonly org: string;
  readonly target: Target;
  /** The control whose read failed (manifest setting key), or `people` for the org's people list. */
  readonly setting: string;
  /** One line: what could not be read and why, with Webex's trackingId where there was one. */
  readonly reason: Untrusted;
}

export interface Plan {
  readonly formatVersion: typeof PLAN_FORMAT_VERSION;
  readonly orgs: string[];
  /**
   * What the origin of each change was judged against: the declaration last `applied` (state folder), a
   * `--baseline` `manifest`, or `none` (every origin is unknown).
   */
  readonly baseline: BaselineSource | 'none';
  /** Weakening changes first, then in declaration order. */
  readonly changes: Change[];
  /** What the declared controls found but do not change, listed after the changes. */
  readonly findings: Finding[];
  /** Targets that could not be read: never counted as converged (see UnknownTarget). */
  readonly unknown: UnknownTarget[];
  /** Every declared or required manual attestation, with its state. */
  readonly attestations: AttestationStatus[];
  /** Every declared policy exception, with its state. */
  readonly exceptions: ExceptionStatus[];
  readonly summary: {
    readonly changes: number;
    /** Changes that make the org weaker when applied. */
    readonly weakening: number;
    /** Changes caused by drift (origin `drift`). */
    readonly drift: number;
    /** Changes caused by drift whose live value is weaker than declared: someone weakened the org outside webex-iac. */
    readonly driftWeakening: number;
    /** Changes whose live value is weaker than declared, whatever their origin (`drift` counts these as weakening). */
    readonly weakerThanDeclared: number;
    /** Changes whose origin is unknown. */
    readonly originUnknown: number;
    readonly fields: number;
    readonly unchangedSettings: number;
    /** Changes by action; `changes` is their sum. */
    readonly actions: Readonly<Record<ChangeAction, number>>;
    readonly findings: number;
    /** Targets that could not be read. */
    readonly unknown: number;
    /** Attestations by state. */
    readonly attestations: Readonly<Record<AttestationState, number>>;
  };
  /** sha256 of everything read from Webex to make this plan; a saved plan is stale when it no longer matches. */
  readonly observedHash: string;
}

/** A target in words, e.g. `person dr.lee@… on clinic.webex.com`: it holds an email from Webex, so it is untrusted. */
export function describeTarget(target: Target): Untrusted {
  switch (target.kind) {
    case 'site':
      return untrusted(`site ${target.siteUrl}`);
    case 'org':
      return untrusted('org');
    default:
      return untrusted(`person ${target.email}${target.siteUrl ? ` on ${target.siteUrl}` : ''}`);
  }
}
