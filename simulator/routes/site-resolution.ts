import { stringParam } from '../http/query-params';
import { notFound } from '../http/webex-error';
import type { Caller } from '../http/route';
import type { SimulatorState } from '../state/simulator-state';
import type { Site } from '../state/site';

/**
 * The site a Meetings admin request acts on: the `siteUrl` query parameter, or else the caller's
 * default site, as Cisco's spec describes for every `siteUrl` parameter.
 */
export function resolveSite(state: SimulatorState, caller: Caller, query: URLSearchParams): Site {
  const orgId = caller.record.person.orgId;
  const siteUrl = stringParam(query, 'siteUrl') ?? caller.record.defaultSiteUrl;
  const site = state.site(orgId, siteUrl);
  if (site === undefined) {
    throw notFound(`Site ${siteUrl} not found.`);
  }
  return site;
}
