import { type FieldShape, validBody } from '../http/body-shape';
import { booleanParam, stringParam } from '../http/query-params';
import { badRequest, notFound } from '../http/webex-error';
import type { Route } from '../http/route';
import { primaryEmail, siteRole, siteUrlsOf } from '../state/person';
import type { Site } from '../state/site';
import { ADMIN_PREFERENCES_READ, ADMIN_PREFERENCES_WRITE, PREFERENCES_READ, PREFERENCES_WRITE } from './meeting-preferences-scopes';
import { recordAdminWrite } from './record-admin-write';
import { knownSite, namedUser } from './site-resolution';

const PATH = '/v1/meetingPreferences/sites';

/**
 * GET: the sites a user is set up to use, with the user's default marked. `userEmail` (admins only)
 * names another user, found in any org the token sees; `siteUrl`, when given, is the site in which to
 * look that user up (404 unless they have a role there or belong to its org).
 */
export const getSiteList: Route = {
  method: 'GET',
  path: PATH,
  scopes: PREFERENCES_READ,
  contentType: 'application/json;charset=UTF-8',
  handle({ state, caller, url }) {
    const siteUrl = stringParam(url.searchParams, 'siteUrl');
    const lookupSite = siteUrl === undefined ? undefined : knownSite(state, siteUrl);
    const user = namedUser(state, caller, stringParam(url.searchParams, 'userEmail'), ADMIN_PREFERENCES_READ);
    if (lookupSite !== undefined && user.person.orgId !== lookupSite.orgId && siteRole(user.person, lookupSite.siteUrl) === undefined) {
      throw notFound(`User ${primaryEmail(user.person)} not found on site ${lookupSite.siteUrl}.`);
    }
    const sites = siteUrlsOf(user.person)
      .map((url) => state.siteByUrl(url))
      .filter((site): site is Site => site !== undefined)
      .map((site) => ({ siteUrl: site.siteUrl, default: site.siteUrl === user.defaultSiteUrl }));
    return { status: 200, body: { sites } };
  },
};

const DEFAULT_SITE_SHAPE: FieldShape = { kind: 'object', fields: { siteUrl: { kind: 'string', nonEmpty: true } }, required: ['siteUrl'] };

/**
 * PUT ?defaultSite=true: makes `siteUrl` (body, `DefaultSiteObject`) the default site of the caller,
 * or of the `userEmail` user (admins only). The site must be one the user has a role on. Operations
 * that declare no `siteUrl` (PATCH commonSettings) act on this site.
 */
export const updateDefaultSite: Route = {
  method: 'PUT',
  path: PATH,
  scopes: PREFERENCES_WRITE,
  contentType: 'application/json;charset=UTF-8',
  handle(request) {
    const { state, caller, url, body } = request;
    const defaultSite = booleanParam(url.searchParams, 'defaultSite');
    if (defaultSite !== true) {
      throw badRequest([
        defaultSite === undefined
          ? 'Query parameter defaultSite is required.'
          : 'Query parameter defaultSite must be true: this operation only sets the default site.',
      ]);
    }
    const user = namedUser(state, caller, stringParam(url.searchParams, 'userEmail'), ADMIN_PREFERENCES_WRITE);
    const { siteUrl } = validBody<{ siteUrl: string }>(body, DEFAULT_SITE_SHAPE);
    const site = state.siteByUrl(siteUrl);
    const email = primaryEmail(user.person);
    if (site === undefined || siteRole(user.person, site.siteUrl) === undefined) {
      throw notFound(`Site ${siteUrl} is not a site of user ${email}.`);
    }
    state.setDefaultSite(user, site);
    recordAdminWrite(request, {
      eventCategory: 'MEETINGS',
      eventDescription: 'Default meeting site changed',
      actionText: `${caller.record.person.displayName} made ${site.siteUrl} the default site of ${email}`,
      target: { id: user.person.id, name: email, type: 'USER', orgId: user.person.orgId },
    });
    return { status: 200, body: { siteUrl: site.siteUrl, default: true } };
  },
};
