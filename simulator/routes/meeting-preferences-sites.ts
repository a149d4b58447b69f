import { grantsAnyScope } from '../access-tokens';
import { stringParam } from '../http/query-params';
import { notFound, WebexError } from '../http/webex-error';
import type { Caller, Route } from '../http/route';
import type { PersonRecord } from '../state/person';
import type { SimulatorState } from '../state/simulator-state';
import type { Site } from '../state/site';
import { resolveSite } from './site-resolution';

/** Scope that lets an admin name another user with `userEmail`. */
const ADMIN_PREFERENCES_READ = 'meeting:admin_preferences_read';

/**
 * GET /v1/meetingPreferences/sites: the sites a user is set up to use, with the user's default marked.
 * `userEmail` (admins only) names another user, and `siteUrl` the site in which to look that user up.
 */
export const getSiteList: Route = {
  method: 'GET',
  path: '/v1/meetingPreferences/sites',
  scopes: ['meeting:preferences_read'],
  contentType: 'application/json;charset=UTF-8',
  handle({ state, caller, url }) {
    const lookupSite = resolveSite(state, caller, url.searchParams);
    const email = stringParam(url.searchParams, 'userEmail');
    const user = email === undefined ? caller.record : userByEmail(state, caller, email, lookupSite);
    const userSiteUrls = new Set(user.person.siteUrls.map((entry) => entry.split('#')[0].toLowerCase()));
    const sites = state
      .sitesOf(user.person.orgId)
      .filter(({ siteUrl }) => userSiteUrls.has(siteUrl.toLowerCase()))
      .map(({ siteUrl }) => ({ siteUrl, default: siteUrl === user.defaultSiteUrl }));
    return { status: 200, body: { sites } };
  },
};

function userByEmail(state: SimulatorState, caller: Caller, email: string, site: Site): PersonRecord {
  const found = state.personByEmail(email);
  if (found === caller.record) {
    return found;
  }
  if (!grantsAnyScope(caller.grant, [ADMIN_PREFERENCES_READ])) {
    // Description from the 403 example of this operation in Cisco's spec.
    throw new WebexError(403, { descriptions: ["Not permitted to view or change other user's preferences."] });
  }
  if (found === undefined || found.person.orgId !== site.orgId) {
    throw notFound(`User ${email} not found on site ${site.siteUrl}.`);
  }
  return found;
}
