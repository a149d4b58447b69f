import type { FieldShape } from '../http/body-shape';
import type { OrganizationRecord } from '../state/organization';
import type { Person, PersonRecord, PostalAddress } from '../state/person';
import type { SimulatorState } from '../state/simulator-state';
import { ROLES } from '../state/well-known-roles';
import { EMAIL_PATTERN } from './email-pattern';

const STRING: FieldShape = { kind: 'string' };

/** The body of `PUT /people/{personId}` (inline schema in webex-admin.json): only displayName is required. */
export const PERSON_UPDATE_SHAPE: FieldShape = {
  kind: 'object',
  fields: {
    emails: { kind: 'string-list', unique: true },
    phoneNumbers: { kind: 'list', items: { kind: 'object', fields: { type: { kind: 'enum', values: ['work'] }, value: STRING } } },
    extension: STRING,
    locationId: STRING,
    displayName: { kind: 'string', nonEmpty: true },
    firstName: STRING,
    lastName: STRING,
    nickName: STRING,
    avatar: STRING,
    orgId: STRING,
    roles: { kind: 'string-list', unique: true },
    licenses: { kind: 'string-list', unique: true },
    department: STRING,
    manager: STRING,
    managerId: STRING,
    title: STRING,
    addresses: {
      kind: 'list',
      items: { kind: 'object', fields: { type: STRING, country: STRING, locality: STRING, region: STRING, streetAddress: STRING, postalCode: STRING } },
    },
    siteUrls: { kind: 'string-list', unique: true },
    loginEnabled: { kind: 'boolean' },
  },
  required: ['displayName'],
};

/** A body that fits PERSON_UPDATE_SHAPE. */
export interface PersonUpdate {
  emails?: string[];
  phoneNumbers?: { type?: 'work'; value?: string }[];
  extension?: string;
  locationId?: string;
  displayName: string;
  firstName?: string;
  lastName?: string;
  nickName?: string;
  avatar?: string;
  orgId?: string;
  roles?: string[];
  licenses?: string[];
  department?: string;
  manager?: string;
  managerId?: string;
  title?: string;
  addresses?: PostalAddress[];
  siteUrls?: string[];
  loginEnabled?: boolean;
}

const KNOWN_ROLE_IDS = new Set(ROLES.map(({ id }) => id));

/** Problems the schema cannot see: references to roles, licenses, sites and people that must exist. */
export function personUpdateProblems(state: SimulatorState, record: PersonRecord, org: OrganizationRecord, update: PersonUpdate): string[] {
  const problems: string[] = [];
  if (update.emails !== undefined) {
    if (update.emails.length !== 1) {
      problems.push(`emails must hold exactly one address: only one email address is allowed per person; received ${update.emails.length}.`);
    } else if (!EMAIL_PATTERN.test(update.emails[0])) {
      problems.push(`emails[0] must be an email address; received ${JSON.stringify(update.emails[0])}.`);
    }
  }
  if (update.orgId !== undefined && update.orgId !== record.person.orgId) {
    problems.push(`orgId must be the person's organization ${record.person.orgId}; a person cannot move to another organization.`);
  }
  (update.phoneNumbers ?? []).forEach((phone, index) => {
    if (phone.type === undefined || phone.value === undefined) {
      problems.push(`phoneNumbers[${index}] needs both type and value.`);
    }
  });
  for (const role of update.roles ?? []) {
    if (!KNOWN_ROLE_IDS.has(role)) {
      problems.push(`roles: ${JSON.stringify(role)} is not a role id (see GET /v1/roles).`);
    }
  }
  const licenses = new Set(org.licenseIds);
  for (const license of update.licenses ?? []) {
    if (!licenses.has(license)) {
      problems.push(`licenses: ${JSON.stringify(license)} is not a license of organization ${org.organization.displayName}.`);
    }
  }
  for (const entry of update.siteUrls ?? []) {
    const [siteUrl, role, ...rest] = entry.split('#');
    if (state.siteByUrl(siteUrl) === undefined || rest.length > 0 || (role !== undefined && role !== 'host' && role !== 'attendee')) {
      problems.push(`siteUrls: ${JSON.stringify(entry)} is not a known site, optionally followed by #host or #attendee.`);
    }
  }
  if (update.managerId !== undefined && state.person(update.managerId) === undefined) {
    problems.push(`managerId: ${JSON.stringify(update.managerId)} is not a person.`);
  }
  return problems;
}

/**
 * The person after a full-body PUT, as Cisco describes it: whatever the body leaves out is cleared
 * (roles, licenses, site roles, phone numbers, optional details), `loginEnabled` left out means the
 * person may log in, `nickName` is always set to `firstName`, and emails left out stay (a person keeps
 * an address). Read-only fields (id, created, status, lastActivity, …) are kept.
 */
export function replacedPerson(current: Person, update: PersonUpdate, now: Date): Person {
  const optional = <K extends keyof Person>(name: K, value: Person[K] | undefined) => (value === undefined ? {} : { [name]: value });
  return {
    id: current.id,
    emails: update.emails ?? current.emails,
    ...optional(
      'phoneNumbers',
      update.phoneNumbers?.length ? update.phoneNumbers.map((phone, index) => ({ type: 'work' as const, value: phone.value!, primary: index === 0 })) : undefined,
    ),
    ...optional('extension', update.extension),
    ...optional('locationId', update.locationId),
    displayName: update.displayName,
    ...optional('nickName', update.firstName),
    ...optional('firstName', update.firstName),
    ...optional('lastName', update.lastName),
    ...optional('avatar', update.avatar),
    orgId: current.orgId,
    roles: update.roles ?? [],
    licenses: update.licenses ?? [],
    ...optional('department', update.department),
    ...optional('manager', update.manager),
    ...optional('managerId', update.managerId),
    ...optional('title', update.title),
    ...optional('addresses', update.addresses),
    created: current.created,
    lastModified: now.toISOString(),
    ...optional('timezone', current.timezone),
    ...optional('lastActivity', current.lastActivity),
    siteUrls: (update.siteUrls ?? []).map((entry) => (entry.includes('#') ? entry : `${entry}#host`)),
    status: current.status,
    invitePending: current.invitePending,
    loginEnabled: update.loginEnabled === false ? 'false' : 'true',
    type: current.type,
  };
}

/** Names of the fields a PUT changed, for the audit trail. */
export function changedFields(before: Person, after: Person): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)].filter((name) => name !== 'lastModified'));
  return [...names].filter(
    (name) => JSON.stringify(before[name as keyof Person]) !== JSON.stringify(after[name as keyof Person]),
  );
}
