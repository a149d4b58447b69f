import { grantsAnyScope } from '../access-tokens';
import { stringParam } from '../http/query-params';
import { notFound, WebexError } from '../http/webex-error';
import type { Caller } from '../http/route';
import { type PersonRecord, primaryEmail, siteRole } from '../state/person';
import type { SimulatorState } from '../state/simulator-state';
import type { Site } from '../state/site';

/**
 * The site a Meetings request acts on: the `siteUrl` query parameter, or else the caller's default
 * site, as Cisco's spec describes for every `siteUrl` parameter. Any site of any org the token sees.
 */
export function resolveSite(state: SimulatorState, caller: Caller, query: URLSearchParams): Site {
  return knownSite(state, stringParam(query, 'siteUrl') ?? caller.record.defaultSiteUrl);
}

/** The caller's default site, for operations that declare no `siteUrl` (PATCH commonSettings). */
export function defaultSite(state: SimulatorState, caller: Caller): Site {
  return knownSite(state, caller.record.defaultSiteUrl);
}

export function knownSite(state: SimulatorState, siteUrl: string): Site {
  const site = state.siteByUrl(siteUrl);
  if (site === undefined) {
    throw notFound(`Site ${siteUrl} not found.`);
  }
  return site;
}

/**
 * The user a meeting-preferences request names with `userEmail`: the caller when absent or their own
 * email; anyone else only with the admin scope (403 with the description of the spec's example).
 */
export function namedUser(state: SimulatorState, caller: Caller, email: string | undefined, adminScope: string): PersonRecord {
  if (email === undefined) {
    return caller.record;
  }
  const found = state.personByEmail(email);
  if (found === caller.record) {
    return found;
  }
  if (!grantsAnyScope(caller.grant, [adminScope])) {
    throw new WebexError(403, { descriptions: ["Not permitted to view or change other user's preferences."] });
  }
  if (found === undefined) {
    throw notFound(`User ${email} not found.`);
  }
  return found;
}

/** A host and the site of a per-host preferences request (`userEmail`, `siteUrl`); 404 unless they host there. */
export function hostOnSite(
  state: SimulatorState,
  caller: Caller,
  query: URLSearchParams,
  adminScope: string,
): { record: PersonRecord; site: Site } {
  const record = namedUser(state, caller, stringParam(query, 'userEmail'), adminScope);
  const site = resolveSite(state, caller, query);
  requireHost(record, site);
  return { record, site };
}

export function requireHost(record: PersonRecord, site: Site): void {
  if (siteRole(record.person, site.siteUrl) !== 'host') {
    throw notFound(`User ${primaryEmail(record.person)} is not a host on site ${site.siteUrl}.`);
  }
}
