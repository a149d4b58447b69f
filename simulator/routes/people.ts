import { validBody } from '../http/body-shape';
import { pageHeaders, paginate } from '../http/paging';
import { booleanParam, stringParam } from '../http/query-params';
import { badRequest, notFound, WebexError } from '../http/webex-error';
import type { Route } from '../http/route';
import { type Person, type PersonRecord, primaryEmail } from '../state/person';
import { ROLES } from '../state/well-known-roles';
import { changedFields, PERSON_UPDATE_SHAPE, type PersonUpdate, personUpdateProblems, replacedPerson } from './person-update';
import { recordAdminWrite } from './record-admin-write';

const PEOPLE_READ = ['spark-admin:people_read'];
/** Cisco: "Accepts up to 85 person IDs separated by commas." */
const MAX_IDS = 85;
const KNOWN_ROLE_IDS = new Set(ROLES.map(({ id }) => id));

/** GET /v1/people/me: the caller's own Person. */
export const getMyOwnDetails: Route = {
  method: 'GET',
  path: '/v1/people/me',
  scopes: ['spark:people_read'],
  contentType: 'application/json',
  handle({ caller, url }) {
    // Declared by the spec; the seeded people have no Webex Calling data to add.
    booleanParam(url.searchParams, 'callingData');
    return { status: 200, body: caller.record.person };
  },
};

/**
 * GET /v1/people: the people of the caller's org, or of `orgId`; `email` and `id` lookups search every
 * org the token sees when `orgId` is absent. Filters combine; `max` is 100 by default and capped
 * silently at 1000 (100 with callingData, 50 with locationId), with `Link` paging.
 */
export const listPeople: Route = {
  method: 'GET',
  path: '/v1/people',
  scopes: PEOPLE_READ,
  contentType: 'application/json',
  handle({ state, caller, url }) {
    const query = url.searchParams;
    const email = stringParam(query, 'email')?.toLowerCase();
    const displayName = stringParam(query, 'displayName')?.toLowerCase();
    const ids = listParam(query, 'id');
    const roles = listParam(query, 'roles');
    const orgId = stringParam(query, 'orgId');
    const locationId = stringParam(query, 'locationId');
    const callingData = booleanParam(query, 'callingData') === true;
    const excludeStatus = booleanParam(query, 'excludeStatus') === true;
    if (ids !== undefined && ids.length > MAX_IDS) {
      throw badRequest([`Query parameter id accepts up to ${MAX_IDS} person IDs; received ${ids.length}.`]);
    }
    const unknownRoles = (roles ?? []).filter((role) => !KNOWN_ROLE_IDS.has(role));
    if (unknownRoles.length > 0) {
      throw badRequest(unknownRoles.map((role) => `Query parameter roles: ${JSON.stringify(role)} is not a role id.`));
    }
    if (orgId !== undefined && state.organization(orgId) === undefined) {
      throw notFound(`Organization ${orgId} not found.`);
    }
    const candidates =
      orgId !== undefined
        ? state.peopleOf(orgId)
        : email !== undefined || ids !== undefined
          ? state.allPeople()
          : state.peopleOf(caller.record.person.orgId);
    const idSet = ids === undefined ? undefined : new Set(ids);
    const roleSet = roles === undefined ? undefined : new Set(roles);
    const matching = candidates.filter(
      ({ person }) =>
        (email === undefined || person.emails.some((address) => address.toLowerCase() === email)) &&
        (displayName === undefined || person.displayName.toLowerCase().startsWith(displayName)) &&
        (idSet === undefined || idSet.has(person.id)) &&
        (roleSet === undefined || person.roles.some((role) => roleSet.has(role))) &&
        (locationId === undefined || person.locationId === locationId),
    );
    const maxLimit = locationId !== undefined ? 50 : callingData ? 100 : 1000;
    const page = paginate(matching, url, { defaultMax: Math.min(100, maxLimit), maxLimit });
    const notFoundIds = ids?.filter((id) => !matching.some(({ person }) => person.id === id)) ?? [];
    return {
      status: 200,
      body: {
        items: page.items.map(({ person }) => listedPerson(person, ids !== undefined, excludeStatus)),
        ...(notFoundIds.length > 0 ? { notFoundIds } : {}),
      },
      headers: pageHeaders(page),
    };
  },
};

/** GET /v1/people/{personId}: one person, with every admin field. */
export const getPersonDetails: Route = {
  method: 'GET',
  path: '/v1/people/{personId}',
  scopes: PEOPLE_READ,
  contentType: 'application/json',
  handle({ state, params, url }) {
    booleanParam(url.searchParams, 'callingData');
    return { status: 200, body: existingPerson(state.person(params.personId), params.personId).person };
  },
};

/**
 * PUT /v1/people/{personId}: replaces a person with the body (see replacedPerson for what fields left
 * out become). A rejected update changes nothing. `minResponse=true` answers 204 without a body.
 */
export const updatePerson: Route = {
  method: 'PUT',
  path: '/v1/people/{personId}',
  scopes: ['spark-admin:people_write'],
  contentType: 'application/json',
  handle(request) {
    const { state, caller, params, url, body } = request;
    booleanParam(url.searchParams, 'callingData');
    booleanParam(url.searchParams, 'showAllTypes');
    const minResponse = booleanParam(url.searchParams, 'minResponse') === true;
    const record = existingPerson(state.person(params.personId), params.personId);
    const update = validBody<PersonUpdate>(body, PERSON_UPDATE_SHAPE);
    const problems = personUpdateProblems(state, record, state.organizationRecord(record.person.orgId)!, update);
    if (problems.length > 0) {
      throw badRequest(problems);
    }
    const newEmail = update.emails?.[0];
    const holder = newEmail === undefined ? undefined : state.personByEmail(newEmail);
    if (holder !== undefined && holder !== record) {
      throw new WebexError(409, { descriptions: [`Email ${newEmail} already belongs to another person.`] });
    }
    const before = record.person;
    const after = replacedPerson(before, update, state.now());
    state.replacePerson(record, after);
    recordAdminWrite(request, {
      eventCategory: 'USERS',
      eventDescription: 'User updated',
      actionText: `${caller.record.person.displayName} updated ${changedFields(before, after).join(', ') || 'nothing'} of ${primaryEmail(after)}`,
      target: { id: after.id, name: primaryEmail(after), type: 'USER', orgId: after.orgId },
    });
    return minResponse ? { status: 204, body: undefined } : { status: 200, body: after };
  },
};

function existingPerson(record: PersonRecord | undefined, personId: string): PersonRecord {
  if (record === undefined) {
    throw notFound(`Person ${personId} not found.`);
  }
  return record;
}

/** A comma-separated list parameter; undefined when absent. */
function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const value = stringParam(query, name);
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
}

/**
 * A person as the list shows them. Cisco: an `id` lookup carries no presence (`status`,
 * `lastActivity`) and none of the enriched admin fields (`roles`, `licenses`, locations) that
 * GET /people/{id} shows; `excludeStatus` drops `status`.
 */
function listedPerson(person: Person, byId: boolean, excludeStatus: boolean): Partial<Person> {
  const listed: Partial<Person> = { ...person };
  if (byId) {
    delete listed.lastActivity;
    delete listed.roles;
    delete listed.licenses;
    delete listed.locationId;
  }
  if (byId || excludeStatus) {
    delete listed.status;
  }
  return listed;
}
