import { untrusted } from '../../manifest/text';
import type { AdminAuditEvent } from '../client/schemas/audit-events';
import type { AuditExplanation } from './attribution';

/**
 * Cisco's spec shows enum-like values with their type's prefix (`EventCategory.LOGINS`,
 * `TargetResourceType.ORG`) and `GET /v1/adminAudit/eventCategories` lists them bare (`LOGINS`): compare
 * them bare and upper-case.
 */
export function bareEnum(value: string | undefined): string {
  return (value ?? '').replace(/^[A-Za-z]+\./, '').toUpperCase();
}

/** When the event happened (epoch ms), or NaN when Webex sent no usable `created`. */
export function eventTime(event: AdminAuditEvent): number {
  return event.created === undefined ? NaN : Date.parse(event.created);
}

/** The fields a reviewer is shown, each marked as text from Webex. */
export function explanationOf(event: AdminAuditEvent): AuditExplanation {
  const data = event.data ?? {};
  return {
    actorName: untrusted(data.actorName ?? ''),
    actorEmail: untrusted(data.actorEmail ?? ''),
    actorId: untrusted(event.actorId ?? ''),
    at: untrusted(event.created ?? ''),
    trackingId: untrusted(data.trackingId ?? ''),
    category: untrusted(data.eventCategory ?? ''),
    description: untrusted(data.eventDescription ?? ''),
  };
}

/** The most recent event of `events` (newest `created`); events without a time never explain anything. */
export function mostRecent(events: Iterable<AdminAuditEvent>): AdminAuditEvent | undefined {
  let best: AdminAuditEvent | undefined;
  for (const event of events) {
    const time = eventTime(event);
    if (Number.isNaN(time)) continue;
    if (best === undefined || time > eventTime(best)) best = event;
  }
  return best;
}
