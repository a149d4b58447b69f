import { HostSelection } from '../../manifest';
import { SessionType } from '../client/schemas/session-types';
import { WebexClient } from '../client/webex-client';
import type { HostReads } from './host-reads';
import { FieldValues } from '../plan';
import type { Impact } from '../security-impact';
import { SettingDiff } from './setting-handler';

/** One host of a site, as the per-host handlers address them. */
export interface HostRef {
  /** Lower-case primary email (the meetingPreferences endpoints take `userEmail`). */
  readonly email: string;
  /** The People API id (the session-type endpoints take `personId`). */
  readonly personId: string;
}

/** What a per-host handler reads once per site; JSON data, part of the observation. */
export interface HostSiteContext {
  /** The site's session types (GET /v1/admin/meeting/config/sessionTypes). */
  readonly sessionTypes?: SessionType[];
}

/**
 * One handler per per-host setting of a site (host lobby, E2EE session type): read → normalize → diff →
 * write → read back, once per selected host. `diff` is pure, so the planner stays pure; `readHost`
 * returns normalized values of the declared fields only, and never a secret such as the host PIN.
 */
export interface HostSettingHandler<Declared> {
  /** The manifest key under a site's `settings`. */
  readonly setting: string;
  /** Which hosts of the site the declaration selects. */
  hosts(declared: Declared): HostSelection | undefined;
  /** Reads what every host's diff needs from the site (once per site and setting). */
  readSite(client: WebexClient, siteUrl: string): Promise<HostSiteContext>;
  /** The plan fields the declaration manages (dotted names), so that a read can skip what is not declared. */
  fields(declared: Declared): string[];
  /**
   * Reads and normalizes the host's live values of `fields` (at least). `reads`, when given, is shared
   * with the host's other controls, so that what they read alike is read once.
   */
  readHost(client: WebexClient, siteUrl: string, host: HostRef, fields: readonly string[], reads?: HostReads): Promise<FieldValues>;
  /** Declared values that differ from the host's; undefined when converged. May throw a PlanError. */
  diff(declared: Declared, observed: FieldValues, site: HostSiteContext): SettingDiff | undefined;
  /**
   * The security impact of one changed field where the generic direction (security-impact.ts) would be
   * wrong because another field gives it meaning; undefined to use the generic one.
   */
  impactOf?(field: string, diff: SettingDiff, observed: FieldValues): Impact | undefined;
  /**
   * Writes `after` for the host (a full-body PUT where Webex requires one, built from `reads`: during an
   * apply, the stale check's read) through `reads.writing`, so that the read back asks Webex again;
   * returns the trackingId(s), and what Webex answered.
   */
  write(client: WebexClient, siteUrl: string, host: HostRef, after: FieldValues, reads?: HostReads): Promise<HostWriteOutcome>;
}

/** What a per-host write returns. */
export interface HostWriteOutcome {
  /** The trackingId of each request sent, comma-separated. */
  readonly trackingId: string;
  /**
   * The written fields as Webex's answers to the write give them (a full-body PUT answers the object it
   * stored): when present, the apply verifies the write against them instead of reading the host again.
   */
  readonly answered?: FieldValues;
}
