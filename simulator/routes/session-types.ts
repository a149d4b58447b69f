import type { IncomingHttpHeaders } from 'http';
import { type FieldShape, validBody } from '../http/body-shape';
import { stringParam } from '../http/query-params';
import { badRequest, notFound } from '../http/webex-error';
import type { Route } from '../http/route';
import { type PersonRecord, primaryEmail } from '../state/person';
import type { SimulatorState } from '../state/simulator-state';
import type { Site } from '../state/site';
import { recordAdminWrite } from './record-admin-write';
import { knownSite, requireHost, resolveSite } from './site-resolution';

const READ_SCOPES = ['meeting:admin_schedule_read', 'meeting:admin_config_read'];
const WRITE_SCOPES = ['meeting:admin_schedule_write', 'meeting:admin_config_write'];

/** GET /v1/admin/meeting/config/sessionTypes: the session types of `siteUrl` (or the caller's default site). */
export const listSiteSessionTypes: Route = {
  method: 'GET',
  path: '/v1/admin/meeting/config/sessionTypes',
  scopes: READ_SCOPES,
  contentType: 'application/json;charset=UTF-8',
  handle({ state, caller, url }) {
    const site = resolveSite(state, caller, url.searchParams);
    return { status: 200, body: { items: site.sessionTypes.map((type) => ({ ...type, siteUrl: site.siteUrl })) } };
  },
};

const USER_PATH = '/v1/admin/meeting/userconfig/sessionTypes';

/**
 * GET: the session types of the host named by `personId` (query) or `email` (a header, as Cisco's spec
 * declares it) on `siteUrl` (or the caller's default site), or of every host of the site when neither
 * is given. An `email` query parameter is not declared, so it is ignored like any undeclared parameter.
 */
export const listUserSessionTypes: Route = {
  method: 'GET',
  path: USER_PATH,
  scopes: READ_SCOPES,
  contentType: 'application/json;charset=UTF-8',
  handle({ state, caller, url, headers }) {
    const site = resolveSite(state, caller, url.searchParams);
    const personId = stringParam(url.searchParams, 'personId');
    const email = emailHeader(headers);
    const hosts = personId === undefined && email === undefined ? state.hostsOf(site) : [namedHost(state, site, personId, email)];
    return { status: 200, body: { items: hosts.map((record) => userSessionTypes(state, record, site)) } };
  },
};

interface SessionTypesUpdate {
  siteUrl: string;
  personId?: string;
  email?: string;
  sessionTypeIds: string[];
}

/** `UpdateUserSessionType` (webex-meeting.json). */
const UPDATE_SHAPE: FieldShape = {
  kind: 'object',
  fields: {
    siteUrl: { kind: 'string', nonEmpty: true },
    personId: { kind: 'string', nonEmpty: true },
    email: { kind: 'string', nonEmpty: true },
    sessionTypeIds: { kind: 'string-list', unique: true },
  },
  required: ['siteUrl', 'sessionTypeIds'],
};

/**
 * PUT: assigns a host their session types on a site. `sessionTypeIds` is the full set: types left out
 * are taken away. The host is named by `personId` or `email` (at least one; both must agree).
 */
export const updateUserSessionTypes: Route = {
  method: 'PUT',
  path: USER_PATH,
  scopes: WRITE_SCOPES,
  contentType: 'application/json;charset=UTF-8',
  handle(request) {
    const { state, caller, body } = request;
    const update = validBody<SessionTypesUpdate>(body, UPDATE_SHAPE);
    if (update.personId === undefined && update.email === undefined) {
      throw badRequest(['At least one of personId and email is required.']);
    }
    const site = knownSite(state, update.siteUrl);
    const record = namedHost(state, site, update.personId, update.email);
    const offered = new Set(site.sessionTypes.map(({ id }) => id));
    const unknown = update.sessionTypeIds.filter((id) => !offered.has(id));
    if (unknown.length > 0) {
      throw badRequest(unknown.map((id) => `sessionTypeIds: ${JSON.stringify(id)} is not a session type of site ${site.siteUrl}.`));
    }
    state.setSessionTypes(record, site, update.sessionTypeIds);
    const email = primaryEmail(record.person);
    recordAdminWrite(request, {
      eventCategory: 'MEETINGS',
      eventDescription: 'User session types updated',
      actionText: `${caller.record.person.displayName} assigned session types ${update.sessionTypeIds.join(', ') || '(none)'} to ${email} on site ${site.siteUrl}`,
      target: { id: record.person.id, name: email, type: 'USER', orgId: record.person.orgId },
    });
    return { status: 200, body: userSessionTypes(state, record, site) };
  },
};

/** The host named by id and/or email; 404 when unknown or not a host of the site, 400 when the two disagree. */
function namedHost(state: SimulatorState, site: Site, personId: string | undefined, email: string | undefined): PersonRecord {
  const byId = personId === undefined ? undefined : state.person(personId);
  const byEmail = email === undefined ? undefined : state.personByEmail(email);
  if ((personId !== undefined && byId === undefined) || (email !== undefined && byEmail === undefined)) {
    throw notFound(`User ${personId ?? email} not found.`);
  }
  if (byId !== undefined && byEmail !== undefined && byId !== byEmail) {
    throw badRequest([`personId ${personId} and email ${email} name different users.`]);
  }
  const record = (byId ?? byEmail)!;
  requireHost(record, site);
  return record;
}

/** `UserSessionTypes`: the host's session types, in the site's order. */
function userSessionTypes(state: SimulatorState, record: PersonRecord, site: Site) {
  const assigned = new Set(state.hostSettings(record, site).sessionTypeIds);
  return {
    personId: record.person.id,
    email: primaryEmail(record.person),
    siteUrl: site.siteUrl,
    sessionTypes: site.sessionTypes.filter(({ id }) => assigned.has(id)).map((type) => ({ ...type })),
  };
}

function emailHeader(headers: IncomingHttpHeaders): string | undefined {
  const value = headers.email;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? undefined : first.trim();
}
