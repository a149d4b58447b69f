import { untrusted, Untrusted } from '../../manifest/text';

/**
 * The admin audit event that explains a change, as Webex recorded it. Every string but `at` came from
 * Webex and is hostile: renderers escape it (manifest/text).
 */
export interface AuditExplanation {
  /** `data.actorName`, the admin's display name. */
  readonly actorName: Untrusted;
  /** `data.actorEmail`. */
  readonly actorEmail: Untrusted;
  /** The event's `actorId`: whether it is the token webex-iac uses is decided from it. */
  readonly actorId: Untrusted;
  /** `created`, ISO 8601. */
  readonly at: Untrusted;
  /** `data.trackingId`. */
  readonly trackingId: Untrusted;
  /** `data.eventCategory` and `data.eventDescription`, as sent. */
  readonly category: Untrusted;
  readonly description: Untrusted;
}

/**
 * Who changed a drifted target, from the admin audit log (GET /v1/adminAudit/events) since webex-iac last
 * applied or verified it (`since`):
 * - `audit-event`: the most recent admin event on the target (`byToken`: made with the token webex-iac uses);
 * - `no-audit-event`: none found (changed by the user, or longer ago than the audit window reaches);
 * - `unknown`: the audit log could not be read; the target is also listed as unknown and the command fails.
 * Not part of the plan that apply re-derives: it explains, it never decides (a saved plan omits it).
 */
export type Attribution =
  | { readonly status: 'audit-event'; readonly since: string; readonly event: AuditExplanation; readonly byToken: boolean }
  | { readonly status: 'no-audit-event'; readonly since: string }
  | { readonly status: 'unknown'; readonly since: string; readonly reason: string };

/**
 * Whether a change's attribution is worth a line of text or markdown: always in `drift`, and for drift in
 * a plan; a plan's change from the declaration (or of unknown origin, e.g. a first plan) that no audit
 * event explains needs no "no audit event found" line. JSON carries every attribution.
 */
export function attributionShown(change: { readonly origin?: string; readonly attribution?: Attribution }, mode: 'plan' | 'drift'): boolean {
  return change.attribution !== undefined && (mode === 'drift' || change.origin === 'drift' || change.attribution.status !== 'no-audit-event');
}

/** One line for a reviewer; callers escape it for their format (every Webex string in it is hostile). */
export function describeAttribution(attribution: Attribution): Untrusted {
  switch (attribution.status) {
    case 'audit-event': {
      const { event } = attribution;
      const who = untrusted(event.actorEmail === '' ? event.actorName : `${event.actorEmail}${event.actorName === '' ? '' : ` (${event.actorName})`}`);
      // The audit log does not say which tool an admin used; an admin other than the token's user is what
      // Control Hub changes look like.
      const how = attribution.byToken ? 'with the token webex-iac uses, by' : 'in Control Hub by';
      return untrusted(`changed ${how} ${who} at ${event.at}, trackingId ${event.trackingId || '(none)'}: ${event.category} "${event.description}"`);
    }
    case 'no-audit-event':
      return untrusted(`no audit event found since ${attribution.since} (changed by the user, or older than the audit window)`);
    default:
      return untrusted(`who changed it is unknown: the admin audit log could not be read (${attribution.reason})`);
  }
}
