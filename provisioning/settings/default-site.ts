import { z } from 'zod';
import { SitesSchema } from '../client/schemas/sites';
import { WebexClient } from '../client/webex-client';

const SITES = '/v1/meetingPreferences/sites';
const SiteSchema = z.object({ siteUrl: z.string(), default: z.boolean() });

/** One queue per client: the default site is per user, so two site writes must never interleave. */
const queues = new WeakMap<WebexClient, Promise<unknown>>();

/**
 * Runs a write that Cisco's spec scopes to "the caller's default site" (commonSettings PATCH declares no
 * siteUrl) against the given site: make it the token user's default site, write, then restore the
 * previous default. Writes through one client are serialized so the switch cannot leak into another.
 */
export function onSite<T>(client: WebexClient, siteUrl: string, write: () => Promise<T>): Promise<T> {
  const previous = queues.get(client) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => switchAndWrite(client, siteUrl, write));
  queues.set(client, run);
  return run;
}

async function switchAndWrite<T>(client: WebexClient, siteUrl: string, write: () => Promise<T>): Promise<T> {
  const { data } = await client.get(SITES, SitesSchema);
  const original = data.sites.find((s) => s.default)?.siteUrl;
  if (original === siteUrl) return write();
  await setDefaultSite(client, siteUrl);
  try {
    return await write();
  } finally {
    if (original) await setDefaultSite(client, original);
  }
}

async function setDefaultSite(client: WebexClient, siteUrl: string): Promise<void> {
  await client.put(SITES, { siteUrl }, SiteSchema, { defaultSite: true });
}
