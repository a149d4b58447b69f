import type { AdminHolder, IdleAccount, RemovedRecordingsView } from './subject';

/**
 * What provisioning read of one live org, as plain facts: the only input of `assess` that did not come
 * from the manifest. policies/ owns this type and provisioning fills it (provisioning/observed-facts.ts),
 * so that the pure rules never load the HTTP client, the handlers or the state folder.
 */
export type FactValue = boolean | number | string | readonly string[] | null;

/** One control's values as read, by field; nested objects are flattened by the subject. */
export type FactValues = Readonly<Record<string, unknown>>;

/** One host of a site and the values read for one per-host control. */
export interface HostFact {
  readonly email: string;
  readonly values: FactValues;
}

/** A session type of a site, as Webex lists it (GET /v1/admin/meeting/config/sessionTypes). */
export interface SessionTypeFact {
  readonly id: string;
  readonly name?: string;
  readonly shortName?: string;
}

export interface SiteFacts {
  /** Site-wide control key → the values read once for the site. Absent: not read. */
  readonly controls: Readonly<Record<string, FactValues>>;
  /** Per-host control key → every selected host read. Absent: not read. */
  readonly hostControls: Readonly<Record<string, readonly HostFact[]>>;
  /** The site's session types, when a per-host control read them. */
  readonly sessionTypes?: readonly SessionTypeFact[];
  /** The site's recordings removed before six years (admin recordings list), when read (assess). */
  readonly removedRecordings?: RemovedRecordingsView;
}

/**
 * A write-only setting (no GET): how webex-iac's last enforcement of it, recorded in the state folder,
 * relates to the declaration. Never a read of Webex.
 */
export type WriteOnlyFact =
  | { readonly state: 'never-enforced' }
  | { readonly state: 'differs'; readonly enforcedAt: string }
  | { readonly state: 'enforced'; readonly enforcedAt: string; readonly trackingId: string }
  /** Enforced, but the admin audit log shows another admin changed it since (`by`, `at` are Webex's text). */
  | { readonly state: 'changed-since'; readonly enforcedAt: string; readonly by: string; readonly at: string };

export interface ObservedFacts {
  readonly orgId: string;
  /** siteUrl → what was read of the site. A declared site that is absent was not read. */
  readonly sites: Readonly<Record<string, SiteFacts>>;
  /** Write-only org setting key → its enforcement; absent: never enforced. */
  readonly writeOnly: Readonly<Record<string, WriteOnlyFact>>;
  /** Everyone holding an admin role, when read. */
  readonly admins?: readonly AdminHolder[];
  /** Accounts with login on and no activity since the review's cutoff, when read. */
  readonly idle?: readonly IdleAccount[];
  /** Users whose record says MFA is off; `exposed: false` when Webex reports MFA for no user. When read. */
  readonly mfaUsers?: { readonly exposed: boolean; readonly withoutMfa: readonly string[] };
}

/** `facts` with each site's removed recordings (read by assess apart from the controls), by siteUrl. */
export function withRecordings(facts: ObservedFacts, recordings: Readonly<Record<string, RemovedRecordingsView>>): ObservedFacts {
  const sites: Record<string, SiteFacts> = { ...facts.sites };
  for (const [siteUrl, removedRecordings] of Object.entries(recordings)) {
    sites[siteUrl] = { ...(sites[siteUrl] ?? { controls: {}, hostControls: {} }), removedRecordings };
  }
  return { ...facts, sites };
}
