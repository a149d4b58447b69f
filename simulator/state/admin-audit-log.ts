import type { Organization } from './organization';
import type { Person } from './person';

/** An admin audit event (schema `AuditEvent`, webex-admin.json), as `/v1/adminAudit/events` lists it. */
export interface AdminAuditEvent {
  id: string;
  created: string;
  actorId: string;
  actorOrgId: string;
  data: {
    actorName: string;
    actorEmail: string;
    actorOrgName: string;
    adminRoles: ('User' | 'Full_Admin' | 'id_full_admin')[];
    eventCategory: string;
    eventDescription: string;
    actionText: string;
    targetId: string;
    targetName: string;
    targetType: string;
    targetOrgId: string;
    targetOrgName: string;
    trackingId: string;
  };
}

/** One successful write, described by whoever performed it. */
export interface AdminAction {
  actor: Person;
  actorOrg: Organization;
  adminRoles: AdminAuditEvent['data']['adminRoles'];
  eventCategory: string;
  eventDescription: string;
  actionText: string;
  target: { id: string; name: string; type: string; org: Organization };
  trackingId: string;
}

/** Append-only record of admin writes, oldest first. */
export class AdminAuditLog {
  private readonly events: AdminAuditEvent[] = [];

  constructor(private readonly clock: () => Date) {}

  record(action: AdminAction): AdminAuditEvent {
    const event: AdminAuditEvent = {
      id: eventId(this.events.length + 1),
      created: this.clock().toISOString(),
      actorId: action.actor.id,
      actorOrgId: action.actorOrg.id,
      data: {
        actorName: action.actor.displayName,
        actorEmail: action.actor.emails[0] ?? '',
        actorOrgName: action.actorOrg.displayName,
        adminRoles: action.adminRoles,
        eventCategory: action.eventCategory,
        eventDescription: action.eventDescription,
        actionText: action.actionText,
        targetId: action.target.id,
        targetName: action.target.name,
        targetType: action.target.type,
        targetOrgId: action.target.org.id,
        targetOrgName: action.target.org.displayName,
        trackingId: action.trackingId,
      },
    };
    this.events.push(event);
    return event;
  }

  /** Every event, oldest first. */
  list(): readonly AdminAuditEvent[] {
    return this.events;
  }

  /** The events matching `filter`, newest first, as `/v1/adminAudit/events` lists them. */
  query(filter: AuditFilter): AdminAuditEvent[] {
    const matching: AdminAuditEvent[] = [];
    for (let i = this.events.length - 1; i >= 0; i -= 1) {
      const event = this.events[i];
      const created = Date.parse(event.created);
      if (
        event.data.targetOrgId === filter.orgId &&
        created >= filter.from.getTime() &&
        created < filter.to.getTime() &&
        (filter.actorId === undefined || event.actorId === filter.actorId) &&
        (filter.categories === undefined || filter.categories.has(event.data.eventCategory))
      ) {
        matching.push(event);
      }
    }
    return matching;
  }
}

/** Which events a caller asks for: an org's events in [from, to), optionally by one actor and some categories. */
export interface AuditFilter {
  orgId: string;
  from: Date;
  to: Date;
  actorId?: string;
  categories?: ReadonlySet<string>;
}

/** Sequential, so runs are reproducible; encoded like Cisco's example ids (base64 of a UUID). */
function eventId(sequence: number): string {
  const uuid = `00000000-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;
  return Buffer.from(uuid, 'utf8').toString('base64url');
}
