import { WebexClient } from '../client/webex-client';
import { writesFor } from '../client/write-watch';
import { untrusted } from '../../manifest/text';
import { noDefaultSite, notTokenUsersSite, otherSitesChanged, siteSettingAt, writeLandedElsewhere } from '../plan-errors';
import { sameValue } from '../field-values';
import { whoAmI } from '../observe';
import { FieldValues } from '../plan';
import { DefaultSiteLockOptions, HeldDefaultSiteLock, withDefaultSiteLock } from './default-site-lock';
import { restoreDefaultSite, switchDefaultSite } from './default-site';
import { putBackLeftSwitch } from './default-site-repair';

/** How one site setting whose PATCH may follow the token user's default site is read and written. */
export interface SiteSettingAccess {
  /** For messages: e.g. `meetingSecurity`. */
  readonly setting: string;
  /** The site's current values of every field the setting covers (flattened). */
  read(client: WebexClient, siteUrl: string): Promise<FieldValues>;
  /** Sends one PATCH of these fields, naming `siteUrl` as well as the request allows; returns its trackingId. */
  patch(client: WebexClient, siteUrl: string, values: FieldValues): Promise<string>;
  /** The PATCHes, in order, that put these previous values back (Cisco's cross-field rules may need two). */
  undoSteps(values: FieldValues): FieldValues[];
}

/** Test seam: where the default-site lock lives and how long to wait for it. */
export interface ConfinedWriteOptions {
  readonly lock?: DefaultSiteLockOptions;
}

const people = new WeakMap<WebexClient, Promise<{ id: string; email: string }>>();

/**
 * Writes `values` to `siteUrl` and nowhere else, whichever way Webex reads the PATCH: the request names
 * the site (`?siteUrl=`), and the site is the token user's default while it is sent, so it lands there
 * whether Webex honours the parameter or follows the default site. Around it:
 * - one write at a time per token user and host, across processes (default-site-lock.ts);
 * - the default site is always put back, also after a failed or unanswered switch;
 * - every other site of the user is read before and after: a write that landed on another site is put
 *   back there and reported; a change by someone else during the write is reported (never undone, since
 *   it is not ours). Either fails the write.
 */
export async function writeConfinedToSite(client: WebexClient, siteUrl: string, values: FieldValues, access: SiteSettingAccess, options: ConfinedWriteOptions = {}): Promise<string> {
  let me = people.get(client);
  if (me === undefined) {
    me = whoAmI(client);
    people.set(client, me);
  }
  const person = await me;
  return withDefaultSiteLock({ baseUrl: client.baseUrl, personId: person.id, user: person.email }, (held) => write(client, held, siteUrl, values, access), options.lock);
}

async function write(client: WebexClient, held: HeldDefaultSiteLock, siteUrl: string, values: FieldValues, access: SiteSettingAccess): Promise<string> {
  // A run that died mid-write left the default switched: put it back before taking it as "original".
  const { defaultSite: original, sites } = await putBackLeftSwitch(client, held);
  if (!sites.includes(siteUrl)) {
    throw notTokenUsersSite(siteSettingAt(siteUrl, access.setting), sites);
  }
  if (original === undefined) {
    throw noDefaultSite(siteSettingAt(siteUrl, access.setting));
  }
  const others = sites.filter((s) => s !== siteUrl);
  // The snapshot is read while the default switches (neither changes a site's settings): one round trip, not two.
  const snapshot = readSites(client, access, others);
  snapshot.catch(() => undefined);
  const read: { before?: Map<string, FieldValues> } = {};
  const { trackingId, error, after } = await onDefaultSite(
    client,
    held,
    original,
    siteUrl,
    async () => {
      read.before = await snapshot;
      return access.patch(client, siteUrl, values);
    },
    () => readSites(client, access, others),
  );
  const before = read.before;
  // Without a snapshot nothing was sent (the read failed first).
  if (before === undefined || after === undefined) throw error;
  const changed = changedSites(before, after);
  if (changed.length > 0) {
    const target = await access.read(client, siteUrl);
    const landedOnTarget = Object.entries(values).every(([field, value]) => sameValue(target[field], value));
    // Ours, and only ours, went elsewhere when the target did not get it and exactly one other site
    // changed, in written fields only, to the written values. Anything else may be someone else's write.
    const [only] = changed;
    const misdirected = !landedOnTarget && changed.length === 1 && only!.fields.every((f) => f in values && sameValue(after.get(only!.siteUrl)![f], values[f]));
    if (misdirected) {
      const previous = Object.fromEntries(only!.fields.map((f) => [f, before.get(only!.siteUrl)![f] ?? null]));
      const undone = await undo(client, held, original, only!.siteUrl, previous, access);
      throw writeLandedElsewhere(siteSettingAt(siteUrl, access.setting), only!.siteUrl, only!.fields, undone, trackingId);
    }
    throw otherSitesChanged(siteSettingAt(siteUrl, access.setting), untrusted(changed.map((c) => `${quote(c.siteUrl)}: ${c.fields.join(', ')}`).join('; ')), trackingId);
  }
  if (error !== undefined) throw error;
  return trackingId!;
}

/** Site URLs listed by Webex are shown quoted and escaped: they are not ours. */
function quote(text: string): string {
  return JSON.stringify(text);
}

/**
 * Runs `send` while `siteUrl` is the default site, then puts `original` back, always; `check` (reading
 * the other sites) runs alongside the restore. A failed switch sends nothing and throws. The send's own
 * error is returned, not thrown, so that the caller still checks where it landed (an unanswered PATCH
 * may have been applied).
 */
async function onDefaultSite<C>(
  client: WebexClient,
  held: HeldDefaultSiteLock,
  original: string,
  siteUrl: string,
  send: () => Promise<string>,
  check: () => Promise<C>,
): Promise<{ trackingId?: string; error?: unknown; after?: C }> {
  const sendAndCheck = async () => {
    let outcome: { trackingId?: string; error?: unknown };
    try {
      outcome = { trackingId: await send() };
    } catch (error) {
      outcome = { error };
    }
    return outcome;
  };
  if (original === siteUrl) {
    const outcome = await sendAndCheck();
    return { ...outcome, after: await check() };
  }
  held.switching(original, siteUrl);
  let switched: 'yes' | 'unknown' = 'unknown';
  let outcome: { trackingId?: string; error?: unknown } | undefined;
  let after: Promise<C> | undefined;
  try {
    await switchDefaultSite(client, siteUrl);
    switched = 'yes';
    outcome = await sendAndCheck();
    after = check();
    after.catch(() => undefined);
  } finally {
    // After a switch that Webex confirmed, the default is known: put it back directly; otherwise read first.
    await restoreDefaultSite(client, original, switched === 'yes' ? siteUrl : undefined);
    held.restored();
  }
  return { ...outcome, after: await after };
}

/** Puts a misdirected write's previous values back on `siteUrl`; says in one sentence whether it worked. */
async function undo(client: WebexClient, held: HeldDefaultSiteLock, original: string, siteUrl: string, previous: FieldValues, access: SiteSettingAccess): Promise<string> {
  try {
    for (const step of access.undoSteps(previous)) {
      const { error } = await onDefaultSite(client, held, original, siteUrl, () => writesFor('undo of a misdirected write', () => access.patch(client, siteUrl, step)), async () => undefined);
      if (error !== undefined) throw error;
    }
    const now = await access.read(client, siteUrl);
    const still = Object.entries(previous).filter(([field, value]) => !sameValue(now[field], value));
    if (still.length === 0) return `${quote(siteUrl)} was put back to its previous values.`;
    return `${quote(siteUrl)} could NOT be put back: ${still.map(([f, v]) => `${f} is ${JSON.stringify(now[f] ?? null)}, was ${JSON.stringify(v)}`).join('; ')}.`;
  } catch (error) {
    return `${quote(siteUrl)} could NOT be put back (${error instanceof Error ? error.message : String(error)}); it was ${JSON.stringify(previous)}.`;
  }
}

async function readSites(client: WebexClient, access: SiteSettingAccess, sites: string[]): Promise<Map<string, FieldValues>> {
  const values = await Promise.all(sites.map((site) => access.read(client, site)));
  return new Map(sites.map((site, i) => [site, values[i]!]));
}

function changedSites(before: Map<string, FieldValues>, after: Map<string, FieldValues>): { siteUrl: string; fields: string[] }[] {
  const changed: { siteUrl: string; fields: string[] }[] = [];
  for (const [siteUrl, was] of before) {
    const now = after.get(siteUrl)!;
    const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter((f) => !sameValue(was[f], now[f])).sort();
    if (fields.length > 0) changed.push({ siteUrl, fields });
  }
  return changed;
}
