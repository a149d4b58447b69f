/**
 * The plan: what must change for the live org to match the manifest. Data only; renderers format it and
 * the applier executes it. Its JSON form is versioned by PLAN_FORMAT_VERSION (see README "Plan JSON").
 */
export const PLAN_FORMAT_VERSION = 1;

import type { Impact } from './security-impact';

/** A scalar or list value of one managed field, as read from or written to Webex. */
export type FieldValue = boolean | number | string | string[] | null;

/** Managed fields of one setting, keyed by dotted field name (e.g. `passwordCriteria.minLength`). */
export type FieldValues = Record<string, FieldValue>;

export type Target = { readonly kind: 'site'; readonly siteUrl: string } | { readonly kind: 'person'; readonly email: string; readonly siteUrl?: string };

export interface Change {
  /** Org display name, as in the manifest. */
  readonly org: string;
  readonly target: Target;
  /** Manifest setting key, e.g. `meetingSecurity`. */
  readonly setting: string;
  readonly action: 'update';
  /** Construct path that declared the setting, so a reviewer can find it in code. */
  readonly path: string;
  /** Current values of the fields that change. */
  readonly before: FieldValues;
  /** Values after apply, same keys as `before`. */
  readonly after: FieldValues;
  /** Declared fields that already match. */
  readonly unchangedFields: number;
  /** Why a field changes that was not declared (e.g. a dependency Cisco enforces). */
  readonly notes: string[];
  /** Security impact of each changed field. */
  readonly fieldImpacts: Record<string, Impact>;
  /** Weakens if any field weakens; plans list weakening changes first. */
  readonly impact: Impact;
}

export interface Plan {
  readonly formatVersion: typeof PLAN_FORMAT_VERSION;
  readonly orgs: string[];
  /** Weakening changes first, then in declaration order. */
  readonly changes: Change[];
  readonly summary: { readonly changes: number; readonly weakening: number; readonly fields: number; readonly unchangedSettings: number };
  /** sha256 of everything read from Webex to make this plan; a saved plan is stale when it no longer matches. */
  readonly observedHash: string;
}

export function describeTarget(target: Target): string {
  return target.kind === 'site' ? `site ${target.siteUrl}` : `person ${target.email}${target.siteUrl ? ` on ${target.siteUrl}` : ''}`;
}
