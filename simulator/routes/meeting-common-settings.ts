import { badRequest } from '../http/webex-error';
import type { Route } from '../http/route';
import { crossFieldProblems, parseCommonSettingsUpdate } from '../meeting-settings/common-settings-update';
import { mergeSettings } from '../meeting-settings/merge-settings';
import { recordAdminWrite } from './record-admin-write';
import { defaultSite, resolveSite } from './site-resolution';

const PATH = '/v1/admin/meeting/config/commonSettings';

/** GET: the full common settings of `siteUrl`, or of the caller's default site. */
export const getMeetingCommonSettings: Route = {
  method: 'GET',
  path: PATH,
  scopes: ['meeting:admin_config_read'],
  contentType: 'application/json;charset=UTF-8',
  handle({ state, caller, url }) {
    return { status: 200, body: resolveSite(state, caller, url.searchParams).commonSettings };
  },
};

/**
 * PATCH: merges a partial update into the settings of the caller's default site and answers with the
 * full result. Cisco's spec declares no `siteUrl` for this operation, so by default a `siteUrl` query
 * parameter is ignored, as a real server ignores undeclared parameters; to write another site, make it
 * the default first (PUT /v1/meetingPreferences/sites?defaultSite=true). With the `honoured` reading
 * (server-behaviour.ts) `?siteUrl=` names the site, as for the GET. A rejected update changes nothing.
 */
export const updateMeetingCommonSettings: Route = {
  method: 'PATCH',
  path: PATH,
  scopes: ['meeting:admin_config_write'],
  contentType: 'application/json;charset=UTF-8',
  handle(request) {
    const { state, caller, body, behaviour, url } = request;
    const site = behaviour.patchSiteUrl === 'honoured' ? resolveSite(state, caller, url.searchParams) : defaultSite(state, caller);
    if (body === undefined) {
      throw badRequest(['A JSON request body is required.']);
    }
    const parsed = parseCommonSettingsUpdate(body);
    if (!parsed.ok) {
      throw badRequest(parsed.problems);
    }
    const next = mergeSettings(site.commonSettings, parsed.update);
    const problems = crossFieldProblems(parsed.update, next);
    if (problems.length > 0) {
      throw badRequest(problems);
    }
    state.replaceCommonSettings(site, next);
    recordAdminWrite(request, {
      eventCategory: 'MEETINGS',
      eventDescription: 'Meeting site common settings updated',
      actionText: `${caller.record.person.displayName} updated ${Object.keys(parsed.update).join(', ') || 'nothing'} of site ${site.siteUrl}`,
      target: { id: site.siteUrl, name: site.siteUrl, type: 'SITE', orgId: site.orgId },
    });
    return { status: 200, body: next };
  },
};
