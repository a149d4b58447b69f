import type { AdminAccess, Attestations, InactiveAccounts, SiteControlKey, WriteOnlyControlKey } from '../manifest';
import type { JudgedValue } from './rule';

/**
 * What a rule judges: one org, either as declared (`check`: the manifest) or as observed (`assess`: the
 * live org read through provisioning's handlers). Both modes fill the same shapes with the same field
 * names, so a rule's check reads values without caring where they came from; where a mode simply cannot
 * know something (the live state of an attestation, the admins of a declaration) the shape says so.
 */
export type Mode = 'declared' | 'observed';

/** What a judgement is about. Its finding id (see findingId) is what an exception's `appliesTo` names. */
export type Target =
  | { readonly kind: 'org' }
  | { readonly kind: 'site'; readonly siteUrl: string }
  | { readonly kind: 'host'; readonly siteUrl: string; readonly email: string }
  | { readonly kind: 'account'; readonly email: string };

export type Values = Readonly<Record<string, JudgedValue>>;

/**
 * One instance of a setting-like control. Declared: the declaration itself (target: the site or the
 * org; for a per-host control, the site, standing for every selected host). Observed: one per site,
 * host or org as read, or as last enforced for a write-only setting.
 */
export interface Instance {
  readonly target: Target;
  /** Dotted field names as in the manifest, e.g. `passwordCriteria.minLength`, `personalMeetingRoom.enabledAutoLock`. */
  readonly values: Values;
  /** How the values are known when not declared or read, e.g. "enforced by webex-iac on 2026-11-25". */
  readonly evidence?: string;
  /** Set when the live values cannot be known; the rule reports `not-verifiable` with this reason. */
  readonly unverifiable?: string;
}

export interface ControlView {
  /** Construct path of the declaration. */
  readonly path: string;
  readonly instances: readonly Instance[];
}

export type { SiteControlKey };
/** The org controls a subject holds as setting-like controls: the write-only ones (catalogue). */
export type OrgControlKey = WriteOnlyControlKey;

export interface SiteSubject {
  readonly siteUrl: string;
  readonly path: string;
  /** Absent: not declared (check), or not observed (assess). */
  readonly controls: Readonly<Partial<Record<SiteControlKey, ControlView>>>;
  /** Observed: the site's session types that are end-to-end encrypted (by the declared or default match). */
  readonly e2eeSessionTypeIds?: readonly string[];
  /** Observed (assess): the site's recordings removed before six years, from the admin recordings list. */
  readonly removedRecordings?: RemovedRecordingsView;
}

/** A recording in the recycle bin (`deleted`) or gone for good (`purged`). No topic, no link: they may name a patient or open the recording. */
export interface RemovedRecording {
  readonly id: string;
  readonly status: 'deleted' | 'purged';
  /** ISO 8601, when Webex created the recording. */
  readonly createTime: string;
  readonly hostEmail?: string;
}

/** What the admin recordings list shows about one site's removed recordings: every window of the period read. */
export interface RemovedRecordingsView {
  /** The period read, ISO 8601 (recordings created from `since` until `until`). */
  readonly since: string;
  readonly until: string;
  /** How many windows of at most 30 days were read, per status. */
  readonly windows: number;
  /** Removed recordings created in the period, oldest first. */
  readonly removed: readonly RemovedRecording[];
}

/** A person holding at least one admin role (role names as GET /v1/roles gives them). */
export interface AdminHolder {
  readonly email: string;
  readonly roles: readonly string[];
}

/** An account with login enabled and no activity since the review's cutoff; `null`: Webex reports none. */
export interface IdleAccount {
  readonly email: string;
  readonly lastActivity: string | null;
}

/**
 * What the live org shows about its accounts (assess only): facts, which the rules judge. A review that
 * was not observed is absent; an observed review with nothing to report is an empty list.
 */
export interface AccountsView {
  /** Everyone holding an admin role (observed when adminAccess is declared). */
  readonly admins?: readonly AdminHolder[];
  /** Accounts inactive since the declared cutoff, or with unknown activity (observed when inactiveAccounts is declared). */
  readonly idle?: readonly IdleAccount[];
  /** Users whose record says MFA is off; `exposed: false` when Webex reports MFA for no user at all. */
  readonly mfa?: { readonly exposed: boolean; readonly withoutMfa: readonly string[] };
}

/** The org's audit events as the evidence log holds them (assess only). */
export interface AuditView {
  /** End of the last collection of each source (`admin-audit`, `security-audit`), ISO 8601. */
  readonly collectedTo: Readonly<Record<string, string>>;
  /** Why the evidence log could not be read, when it could not. */
  readonly error?: string;
}

export interface Subject {
  readonly mode: Mode;
  /** The day judgements are made on (UTC, YYYY-MM-DD): attestations and exceptions expire against it. */
  readonly today: string;
  readonly org: { readonly name: string; readonly path: string; readonly orgId?: string };
  readonly sites: readonly SiteSubject[];
  readonly controls: Readonly<Partial<Record<OrgControlKey, ControlView>>>;
  /** The declared account reviews, in both modes. */
  readonly adminAccess?: AdminAccess;
  readonly inactiveAccounts?: InactiveAccounts;
  /** Whether the declaration asks for the users without MFA to be reported (mfa.reportUsersWithoutMfa). */
  readonly reportUsersWithoutMfa?: boolean;
  /** The declared attestations, in both modes: Webex has no API for these controls. */
  readonly attestations?: Attestations;
  /** Assess only. */
  readonly accounts?: AccountsView;
  /** Assess only. */
  readonly audit?: AuditView;
}

/** The text an exception's `appliesTo` names: a siteUrl, `siteUrl/email` for a host, an email; none for the org. */
export function findingId(target: Target): string | undefined {
  switch (target.kind) {
    case 'org':
      return undefined;
    case 'site':
      return target.siteUrl;
    case 'host':
      return `${target.siteUrl}/${target.email}`;
    case 'account':
      return target.email;
  }
}

/** `site a.webex.com`, `host dr.lee@x on a.webex.com`, `account x@y`, `org`. */
export function describeTarget(target: Target): string {
  switch (target.kind) {
    case 'org':
      return 'org';
    case 'site':
      return `site ${target.siteUrl}`;
    case 'host':
      return `host ${target.email} on ${target.siteUrl}`;
    case 'account':
      return `account ${target.email}`;
  }
}

/** The site a target belongs to, if any. */
export function siteOf(target: Target): string | undefined {
  return target.kind === 'site' || target.kind === 'host' ? target.siteUrl : undefined;
}
