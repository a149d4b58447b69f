import type { AuditFilter } from './admin-audit-log';
import type { Organization } from './organization';
import { primaryEmail, type PersonRecord } from './person';
import { FULL_ADMINISTRATOR_ROLE_ID } from './well-known-roles';

/** A sign-in event (schema `SecurityAuditEvent`, webex-admin.json). */
export interface SecurityAuditEvent {
  id: string;
  created: string;
  actorId: string;
  actorOrgId: string;
  data: {
    actorName: string;
    actorEmail: string;
    actorIp: string;
    actorUserAgent: string;
    actorOrgName: string;
    eventCategory: string;
    eventDescription: string;
    actionText: string;
    trackingId: string;
  };
}

/** The only security audit category the simulator records. */
const LOGINS = 'LOGINS';

export interface Login {
  record: PersonRecord;
  created: string;
  time: number;
  sequence: number;
}

/**
 * The sign-ins Webex recorded: one LOGINS event at each person's `lastActivity`, fixed when the state
 * is built (nobody signs in to a simulator). Entries stay small; events are built only for the page
 * being served.
 */
export class SecurityAuditLog {
  private readonly logins: Login[];

  constructor(
    people: readonly PersonRecord[],
    private readonly organization: (orgId: string) => Organization | undefined,
  ) {
    this.logins = people
      .filter((record) => record.person.lastActivity !== undefined)
      .map((record, sequence) => {
        const created = record.person.lastActivity!;
        return { record, created, time: Date.parse(created), sequence: sequence + 1 };
      })
      .sort((a, b) => b.time - a.time || a.sequence - b.sequence);
  }

  /** The sign-ins matching `filter`, newest first; turn each into an event with `toEvent`. */
  query(filter: AuditFilter): Login[] {
    if (filter.categories !== undefined && !filter.categories.has(LOGINS)) {
      return [];
    }
    return this.logins.filter(
      ({ record, time }) =>
        record.person.orgId === filter.orgId &&
        time >= filter.from.getTime() &&
        time < filter.to.getTime() &&
        (filter.actorId === undefined || record.person.id === filter.actorId),
    );
  }

  toEvent({ record, created, sequence }: Login): SecurityAuditEvent {
    const { person } = record;
    const orgName = this.organization(person.orgId)?.displayName ?? '';
    const admin = person.roles.includes(FULL_ADMINISTRATOR_ROLE_ID);
    return {
      id: Buffer.from(`00000000-0000-4000-9000-${sequence.toString(16).padStart(12, '0')}`, 'utf8').toString('base64url'),
      created,
      actorId: person.id,
      actorOrgId: person.orgId,
      data: {
        actorName: person.displayName,
        actorEmail: primaryEmail(person),
        actorIp: `198.51.100.${(sequence % 250) + 1}`,
        actorUserAgent: 'Webex/44.10.0 (Windows 11; x64)',
        actorOrgName: orgName,
        eventCategory: LOGINS,
        eventDescription: admin ? 'An Admin logged in' : 'A user logged in',
        actionText: `${person.displayName} logged into organization ${orgName}`,
        trackingId: `ATLAS_${sequence.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000_0`,
      },
    };
  }
}
