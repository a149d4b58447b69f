import type { AdminAuditEvent } from '../client/schemas/audit-events';
import type { WebexClient } from '../client/webex-client';
import { splitWindows } from '../evidence/audit-windows';
import type { EnforcementRecord } from '../state/enforcement-state';
import { adminAuditPages, CLOCK_SKEW_MS } from './admin-audit-pages';
import { eventTime, explanationOf, mostRecent } from './audit-event-fields';
import type { AuditExplanation } from './attribution';
import { changesWriteOnly } from './write-only-audit-events';

/**
 * How far back the admin audit log is assumed to reach. ASSUMPTION, to check against a real org: Cisco's
 * spec states only that one request returns at most a year of events; Control Hub keeps admin events for
 * about that long. A write-only setting enforced longer ago than this cannot be vouched for.
 */
export const ADMIN_AUDIT_REACH_DAYS = 365;
const DAY_MS = 86_400_000;

/**
 * What the admin audit log says of a write-only setting since webex-iac last enforced it:
 * - `changed`: an admin other than the token's user changed the org's security or authentication settings
 *   (WRITE_ONLY_AUDIT_EVENTS), the most recent such event;
 * - `not-covered`: it was enforced longer ago than the audit log reaches: no event proves it unchanged;
 * - `unchanged`: the log covers the whole time and holds no such event.
 * It holds no time of reading, so reading an unchanged org twice gives the same observation.
 */
export type WriteOnlyAudit =
  | { readonly state: 'changed'; readonly event: AuditExplanation }
  | { readonly state: 'not-covered'; readonly reachDays: number }
  | { readonly state: 'unchanged' };

/**
 * Reads the org's admin audit events since the oldest enforcement (as far back as the log reaches) and
 * judges each enforced write-only setting. Settings never enforced are left out (they are enforced anyway).
 * A page Webex answers outside its spec throws (the caller makes the settings unknown).
 */
export async function readWriteOnlyAudit(
  client: WebexClient,
  orgId: string,
  enforced: Readonly<Record<string, EnforcementRecord | null>>,
  tokenPersonId: string,
  now: Date,
): Promise<Record<string, WriteOnlyAudit>> {
  const reachStart = now.getTime() - ADMIN_AUDIT_REACH_DAYS * DAY_MS;
  const records = Object.entries(enforced).filter((entry): entry is [string, EnforcementRecord] => entry[1] !== null);
  if (records.length === 0) return {};
  const since = Math.max(reachStart, Math.min(...records.map(([, record]) => enforcedTime(record))));
  const events: AdminAuditEvent[] = [];
  for (const window of splitWindows(new Date(since), new Date(now.getTime() + CLOCK_SKEW_MS))) {
    for await (const page of adminAuditPages(client, orgId, window)) events.push(...page);
  }
  const result: Record<string, WriteOnlyAudit> = {};
  for (const [setting, record] of records) {
    const after = enforcedTime(record);
    const changes = events.filter((event) => eventTime(event) > after && event.actorId !== tokenPersonId && changesWriteOnly(event, orgId, setting));
    const latest = mostRecent(changes);
    if (latest !== undefined) result[setting] = { state: 'changed', event: explanationOf(latest) };
    else if (after < reachStart) result[setting] = { state: 'not-covered', reachDays: ADMIN_AUDIT_REACH_DAYS };
    else result[setting] = { state: 'unchanged' };
  }
  return result;
}

/** When the state file says the setting was enforced; an unreadable time counts as too long ago to vouch for. */
function enforcedTime(record: EnforcementRecord): number {
  const time = Date.parse(record.enforcedAt);
  return Number.isNaN(time) ? -Infinity : time;
}
