import { z } from 'zod';
import { WriteOutcomeUnknownError } from '../client/errors';
import { SitesSchema } from '../client/schemas/sites';
import { WebexClient } from '../client/webex-client';
import { writesFor } from '../client/write-watch';

const SITES = '/v1/meetingPreferences/sites';
const SiteSchema = z.object({ siteUrl: z.string(), default: z.boolean() });

/** What the evidence calls these writes (auxiliary: they change no declared setting, and are undone). */
export const DEFAULT_SITE_SWITCH = 'default-site switch';
export const DEFAULT_SITE_RESTORE = 'default-site restore';

/** How many times a restore of the default site is tried before the run gives up and says so. */
const RESTORE_ATTEMPTS = 3;

export interface UserSites {
  /** The token user's default site; undefined when Webex marks none. */
  readonly defaultSite?: string;
  readonly sites: string[];
}

/** The admin's default site could not be put back: the one error that leaves their preferences changed. */
export class DefaultSiteNotRestoredError extends Error {
  override readonly name = 'DefaultSiteNotRestoredError';
}

/** The token user's sites and which is the default (GET /v1/meetingPreferences/sites). */
export async function readUserSites(client: WebexClient): Promise<UserSites> {
  const { data } = await client.get(SITES, SitesSchema);
  const defaultSite = data.sites.find((s) => s.default)?.siteUrl;
  return { ...(defaultSite === undefined ? {} : { defaultSite }), sites: data.sites.map((s) => s.siteUrl) };
}

/**
 * Makes `siteUrl` the token user's default site. When the answer is lost the switch may or may not have
 * happened: the default is read to find out, and only a default that is now `siteUrl` counts.
 */
export async function switchDefaultSite(client: WebexClient, siteUrl: string): Promise<void> {
  try {
    await writesFor(DEFAULT_SITE_SWITCH, () => client.put(SITES, { siteUrl }, SiteSchema, { defaultSite: true }));
    return;
  } catch (error) {
    if (!(error instanceof WriteOutcomeUnknownError)) throw error;
    const now = await readUserSites(client);
    if (now.defaultSite !== siteUrl) throw error;
  }
}

/**
 * Puts the default site back to `original`, whatever happened before: reads where it is (unless the
 * caller knows: `current`), switches when it is elsewhere, and reads and tries again after a failed or
 * unanswered switch. Throws only when the default is still not `original` after every attempt, naming
 * both sites so that a person can put it back.
 */
export async function restoreDefaultSite(client: WebexClient, original: string, current?: string): Promise<void> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= RESTORE_ATTEMPTS; attempt++) {
    try {
      if (attempt > 1 || current === undefined) current = (await readUserSites(client)).defaultSite;
      if (current === original) return;
      await writesFor(DEFAULT_SITE_RESTORE, () => client.put(SITES, { siteUrl: original }, SiteSchema, { defaultSite: true }));
      return;
    } catch (error) {
      lastError = error;
    }
  }
  const where = current === undefined ? 'unknown' : current;
  const why = lastError instanceof Error ? lastError.message : String(lastError);
  throw new DefaultSiteNotRestoredError(
    `the token user's default Meetings site could not be set back to ${original} (it is ${where}): ${why}. Set it back in Webex (My Webex > Preferences, or PUT /v1/meetingPreferences/sites?defaultSite=true); the next webex-iac site write also tries`,
  );
}
