import { stringParam } from '../http/query-params';
import { badRequest } from '../http/webex-error';
import type { Route } from '../http/route';
import { type PersonRecord, primaryEmail } from '../state/person';
import { uuidOf } from '../state/webex-id';
import { identityOrganization } from './identity-organization-settings';
import { parseScimFilter } from './scim-filter';

const CORE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
/** Cisco's SCIM extension, which carries mfaEnabled. */
const CISCO_USER_SCHEMA = 'urn:scim:schemas:extension:cisco:webexidentity:2.0:User';
const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const DEFAULT_COUNT = 100;

/**
 * GET /identity/scim/{orgId}/v2/Users: an org's users as SCIM resources (`SearchUserResponse`), with
 * 1-based `startIndex` and `count` (default 100) paging and a subset of `filter` (see parseScimFilter).
 * `orgId` is the identity org id (a UUID). attributes, excludedAttributes, sortBy, sortOrder and the
 * group parameters are accepted and not applied: every attribute is returned, in seed order.
 */
export const searchScimUsers: Route = {
  method: 'GET',
  path: '/identity/scim/{orgId}/v2/Users',
  scopes: ['identity:people_read', 'identity:people_rw'],
  contentType: 'application/json',
  handle(request) {
    const { state, url } = request;
    const org = identityOrganization(request);
    const startIndex = integerParam(url.searchParams, 'startIndex', 1, 1);
    const count = integerParam(url.searchParams, 'count', DEFAULT_COUNT, 0);
    const filter = stringParam(url.searchParams, 'filter');
    const people = state.peopleOf(org.organization.id);
    const matching = filter === undefined ? people : people.filter(parseScimFilter(filter));
    const resources = matching.slice(startIndex - 1, startIndex - 1 + count);
    const location = `${url.origin}/identity/scim/${request.params.orgId}/v2/Users`;
    return {
      status: 200,
      body: {
        schemas: [LIST_RESPONSE_SCHEMA],
        totalResults: matching.length,
        itemsPerPage: resources.length,
        startIndex,
        Resources: resources.map((record) => scimUser(record, request.params.orgId, location)),
      },
    };
  },
};

/** A person as a SCIM user (`SearchGetUserResponse`, plus mfaEnabled in the Cisco extension). */
function scimUser(record: PersonRecord, identityOrgId: string, location: string) {
  const { person } = record;
  const id = uuidOf('PEOPLE', person.id) ?? person.id;
  const accountStatus = person.invitePending === 'true' ? 'pending' : person.loginEnabled === 'true' ? 'active' : 'disabled';
  return {
    schemas: [CORE_USER_SCHEMA, ...(person.department === undefined ? [] : [ENTERPRISE_USER_SCHEMA]), CISCO_USER_SCHEMA],
    id,
    userName: primaryEmail(person),
    active: person.loginEnabled === 'true',
    name: { ...(person.firstName === undefined ? {} : { givenName: person.firstName }), ...(person.lastName === undefined ? {} : { familyName: person.lastName }) },
    displayName: person.displayName,
    ...(person.nickName === undefined ? {} : { nickName: person.nickName }),
    emails: person.emails.map((value, index) => ({ value, type: 'work' as const, primary: index === 0 })),
    userType: 'user' as const,
    ...(person.title === undefined ? {} : { title: person.title }),
    ...(person.timezone === undefined ? {} : { timezone: person.timezone }),
    ...(person.phoneNumbers === undefined ? {} : { phoneNumbers: person.phoneNumbers.map(({ type, value, primary }) => ({ type, value, primary })) }),
    ...(person.department === undefined ? {} : { [ENTERPRISE_USER_SCHEMA]: { department: person.department } }),
    [CISCO_USER_SCHEMA]: { accountStatus, mfaEnabled: record.mfaEnabled },
    meta: {
      resourceType: 'User',
      organizationID: identityOrgId,
      created: person.created,
      lastModified: person.lastModified,
      version: `W/"${Date.parse(person.lastModified)}"`,
      location: `${location}/${id}`,
    },
  };
}

/** A SCIM integer parameter (typed as a string in the spec); 400 below `min` or when not an integer. */
function integerParam(query: URLSearchParams, name: string, fallback: number, min: number): number {
  const raw = stringParam(query, name);
  if (raw === undefined) {
    return fallback;
  }
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    throw badRequest([`Query parameter ${name} must be an integer of at least ${min}; received ${JSON.stringify(raw)}.`]);
  }
  return Number(raw);
}
