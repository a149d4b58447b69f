import { defaultIdentitySettings } from '../state/identity-settings';
import type { Person, PersonRecord } from '../state/person';
import type { Seed } from '../state/seed';
import { stableHash } from '../state/stable-hash';
import { uuidOf, webexId } from '../state/webex-id';
import { ROLE_IDS } from '../state/well-known-roles';
import { clinicMeetings, clinicRecordings } from './clinic-meetings';
import { unsafeCommonSettings } from './default-common-settings';
import { type HostQuirks, hostSettings } from './host-defaults';
import { SESSION_TYPE_IDS, standardSessionTypes } from './standard-session-types';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const DOMAIN = 'riverside-clinic.example';
const ORG_ID = webexId('ORGANIZATION', '3f2b8c1e-5d4a-4e9b-a7c6-1b2d3e4f5a60');
const SITE_URL = 'riverside-clinic.webex.com';
const MEETINGS_LICENSE_ID = webexId('LICENSE', '4d6e8f0a-1b3c-4d5e-8f9a-0b1c2d3e4f5a');
const MESSAGING_LICENSE_ID = webexId('LICENSE', '4d6e8f0a-1b3c-4d5e-8f9a-0b1c2d3e4f5b');

/** One person of the clinic; everyone not `inactiveDays` was active within the last 10 days. */
interface ClinicPerson {
  local: string;
  firstName: string;
  lastName: string;
  title: string;
  department: string;
  host: boolean;
  roles?: string[];
  quirks?: HostQuirks;
  inactiveDays?: number;
  mfaOff?: boolean;
}

const DR = 'Physician';
const FAMILY = 'Family Medicine';

/** The clinic's 25 people: 13 hosts, then 12 attendees. Order fixes ids and activity times. */
const PEOPLE: readonly ClinicPerson[] = [
  { local: 'admin', firstName: 'Morgan', lastName: 'Ellis', title: 'IT Administrator', department: 'IT', host: true, roles: [ROLE_IDS.fullAdministrator], quirks: { webinar: true } },
  { local: 'dr.lee', firstName: 'Hannah', lastName: 'Lee', title: DR, department: FAMILY, host: true, quirks: { autoLockOff: true } },
  { local: 'dr.patel', firstName: 'Raj', lastName: 'Patel', title: DR, department: FAMILY, host: true, quirks: { joinBeforeHostMinutes: 10, webinar: true } },
  { local: 'dr.garcia', firstName: 'Sofia', lastName: 'Garcia', title: DR, department: 'Pediatrics', host: true, quirks: { autoLockOff: true, autoShareRecording: true } },
  { local: 'dr.nguyen', firstName: 'Minh', lastName: 'Nguyen', title: DR, department: 'Internal Medicine', host: true, quirks: { webinar: true, assistantByDefault: true } },
  { local: 'dr.smith', firstName: 'Emily', lastName: 'Smith', title: DR, department: FAMILY, host: true, quirks: { joinBeforeHostMinutes: 5 } },
  { local: 'dr.johnson', firstName: 'Marcus', lastName: 'Johnson', title: DR, department: 'Internal Medicine', host: true },
  { local: 'dr.kim', firstName: 'Grace', lastName: 'Kim', title: DR, department: 'Pediatrics', host: true, quirks: { autoLockOff: true } },
  { local: 'dr.brown', firstName: 'Olivia', lastName: 'Brown', title: DR, department: FAMILY, host: true },
  { local: 'dr.davis', firstName: 'Nathan', lastName: 'Davis', title: DR, department: 'Behavioral Health', host: true },
  { local: 'dr.wilson', firstName: 'Chloe', lastName: 'Wilson', title: DR, department: 'Behavioral Health', host: true, quirks: { joinBeforeHostMinutes: 15 } },
  { local: 'dr.moore', firstName: 'Samuel', lastName: 'Moore', title: DR, department: 'Internal Medicine', host: true, quirks: { autoLockOff: true } },
  { local: 'dr.taylor', firstName: 'Ava', lastName: 'Taylor', title: DR, department: 'Pediatrics', host: true },
  { local: 'it.lead', firstName: 'Jordan', lastName: 'Reyes', title: 'IT Lead', department: 'IT', host: false, roles: [ROLE_IDS.fullAdministrator] },
  { local: 'former.contractor', firstName: 'Casey', lastName: 'Morgan', title: 'Contractor', department: 'IT', host: false, roles: [ROLE_IDS.fullAdministrator], mfaOff: true },
  { local: 'practice.manager', firstName: 'Linda', lastName: 'Chen', title: 'Practice Manager', department: 'Administration', host: false, roles: [ROLE_IDS.userAdministrator] },
  { local: 'privacy.officer', firstName: 'Daniel', lastName: 'Ortiz', title: 'Privacy Officer', department: 'Compliance', host: false, roles: [ROLE_IDS.complianceOfficer] },
  { local: 'nurse.adams', firstName: 'Rachel', lastName: 'Adams', title: 'Registered Nurse', department: 'Nursing', host: false },
  { local: 'nurse.baker', firstName: 'Tom', lastName: 'Baker', title: 'Registered Nurse', department: 'Nursing', host: false },
  { local: 'nurse.clark', firstName: 'Aisha', lastName: 'Clark', title: 'Nurse Practitioner', department: 'Nursing', host: false },
  { local: 'front.desk', firstName: 'Maria', lastName: 'Lopez', title: 'Receptionist', department: 'Front Office', host: false, mfaOff: true },
  { local: 'billing', firstName: 'Kevin', lastName: 'Wright', title: 'Billing Specialist', department: 'Billing', host: false },
  { local: 'lab.tech', firstName: 'Priya', lastName: 'Shah', title: 'Lab Technician', department: 'Laboratory', host: false },
  { local: 'nurse.old', firstName: 'Patricia', lastName: 'Hall', title: 'Registered Nurse', department: 'Nursing', host: false, inactiveDays: 200, mfaOff: true },
  { local: 'dr.retired', firstName: 'Walter', lastName: 'Grant', title: DR, department: FAMILY, host: false, inactiveDays: 400, mfaOff: true },
];

/** The admin keeps the UUID of the walking skeleton; the others are numbered after it. */
function personUuid(index: number): string {
  return index === 0 ? '9a1c5e7b-2d4f-4b8a-9c3e-6f7a8b9c0d1e' : `9a1c5e7b-2d4f-4b8a-9c3e-${index.toString(16).padStart(12, '0')}`;
}

/** Identifiers of the `clinic` seed, fixed so tests and demos can name them. */
export const CLINIC = {
  orgId: ORG_ID,
  /** The org id the identity and SCIM APIs take (the UUID inside `orgId`). */
  identityOrgId: uuidOf('ORGANIZATION', ORG_ID)!,
  orgName: 'Riverside Family Clinic',
  adminPersonId: webexId('PEOPLE', personUuid(0)),
  adminEmail: `admin@${DOMAIN}`,
  emailDomain: DOMAIN,
  siteUrl: SITE_URL,
  meetingsLicenseId: MEETINGS_LICENSE_ID,
  messagingLicenseId: MESSAGING_LICENSE_ID,
  sessionTypeIds: SESSION_TYPE_IDS,
  /** Person ids by the local part of their email, e.g. `personIds['dr.lee']`. */
  personIds: Object.fromEntries(PEOPLE.map(({ local }, index) => [local, webexId('PEOPLE', personUuid(index))])) as Readonly<
    Record<string, string>
  >,
  /** Local parts of the hosts' emails (`siteUrls` has `riverside-clinic.webex.com#host`), in seed order. */
  hosts: PEOPLE.filter(({ host }) => host).map(({ local }) => local),
} as const;

/**
 * A small clinic that is not HIPAA-safe: its only Meetings site lets attendees join and talk before the
 * host, lists meetings, needs no sign-in and takes weak passwords; four hosts' personal rooms never
 * lock, three hosts let attendees join before them, nobody has the end-to-end encrypted session type,
 * a former contractor is still a Full Administrator, two accounts have been idle for months, and four
 * users have MFA off.
 *
 * @param now epoch milliseconds that `lastActivity` times count back from
 */
export function clinicSeed(now: number): Seed {
  const people = PEOPLE.map((entry, index) => clinicPerson(entry, index, now));
  const quirks = new Map(PEOPLE.map((entry, index) => [people[index].person.id, { pinSeed: index + 1, quirks: entry.quirks }]));
  return {
    organizations: [
      {
        organization: { id: ORG_ID, displayName: CLINIC.orgName, created: '2021-03-15T16:02:11+00:00' },
        licenseIds: [MESSAGING_LICENSE_ID, MEETINGS_LICENSE_ID],
        ...defaultIdentitySettings(),
      },
    ],
    adminPersonId: CLINIC.adminPersonId,
    people,
    sites: [{ siteUrl: SITE_URL, orgId: ORG_ID, commonSettings: unsafeCommonSettings(), sessionTypes: standardSessionTypes() }],
    hostSettings: (record) => {
      const known = quirks.get(record.person.id);
      return hostSettings(record, known?.pinSeed ?? stableHash(record.person.id), known?.quirks);
    },
    meetings: clinicMeetings(people, SITE_URL, DOMAIN, now),
    recordings: clinicRecordings(people, SITE_URL, DOMAIN, now),
  };
}

function clinicPerson(entry: ClinicPerson, index: number, now: number): PersonRecord {
  const active = entry.inactiveDays === undefined;
  const lastActivity = active ? now - index * 6 * HOUR_MS - index * 7 * 60 * 1000 - 2 * HOUR_MS : now - entry.inactiveDays! * DAY_MS;
  const person: Person = {
    id: webexId('PEOPLE', personUuid(index)),
    emails: [`${entry.local}@${DOMAIN}`],
    ...(index === 0 ? { phoneNumbers: [{ type: 'work' as const, value: '+1 555 010 2040', primary: true }] } : {}),
    displayName: `${entry.title === DR ? 'Dr. ' : ''}${entry.firstName} ${entry.lastName}`,
    firstName: entry.firstName,
    lastName: entry.lastName,
    orgId: ORG_ID,
    roles: entry.roles ?? [],
    licenses: entry.host ? [MESSAGING_LICENSE_ID, MEETINGS_LICENSE_ID] : [MESSAGING_LICENSE_ID],
    department: entry.department,
    title: entry.title,
    created: new Date(Date.UTC(2021, 2, 15, 16, 5, 42) + index * DAY_MS).toISOString(),
    lastModified: '2024-11-04T09:12:30.000Z',
    timezone: 'America/Chicago',
    lastActivity: new Date(lastActivity).toISOString(),
    siteUrls: [`${SITE_URL}#${entry.host ? 'host' : 'attendee'}`],
    status: active ? 'active' : 'inactive',
    invitePending: 'false',
    loginEnabled: 'true',
    type: 'person',
  };
  return { person, defaultSiteUrl: SITE_URL, mfaEnabled: entry.mfaOff !== true };
}
