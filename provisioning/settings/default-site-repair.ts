import { WebexClient } from '../client/webex-client';
import { whoAmI } from '../observe';
import { readUserSites, restoreDefaultSite, UserSites } from './default-site';
import { DefaultSiteLockOptions, HeldDefaultSiteLock, leftSwitches, withDefaultSiteLock } from './default-site-lock';

/** What an apply found left switched by an earlier run, and what it did about it. */
export interface DefaultSiteRepair {
  readonly user: string;
  /** The default site the earlier run switched away from, and the site it switched to. */
  readonly from: string;
  readonly to: string;
  /** `restored`: put back to `from`; `kept`: it had moved elsewhere since (a person's choice) or was back already. */
  readonly outcome: 'restored' | 'kept';
  /** The default site now. */
  readonly now?: string;
}

/**
 * A run that died between switching the token user's default site and putting it back (killed, or its
 * restore failed three times and it failed loudly) leaves the switch marked in the holder record of the
 * default-site lock. The next run that writes a site setting puts it back first; but the next run may
 * write none (the PATCH landed before the kill, so nothing is left to change). So every apply calls this
 * before anything else: when a switch of this Webex host is marked, it takes the lock and puts the
 * default back. Returns undefined when nothing was left switched (no request is sent then). Throws
 * DefaultSiteNotRestoredError when it cannot be put back, leaving the mark for the next run.
 */
export async function repairLeftDefaultSite(client: WebexClient, options: DefaultSiteLockOptions = {}): Promise<DefaultSiteRepair | undefined> {
  if (leftSwitches(client.baseUrl, options).length === 0) return undefined;
  const person = await whoAmI(client);
  return withDefaultSiteLock(
    { baseUrl: client.baseUrl, personId: person.id, user: person.email },
    async (held) => {
      const left = held.leftSwitched;
      // Another token user's switch, or one another run has put back while this one waited.
      if (left === undefined) return undefined;
      const { defaultSite } = await putBackLeftSwitch(client, held);
      return { user: person.email, ...left, outcome: defaultSite === left.from && defaultSite !== left.to ? 'restored' : 'kept', ...(defaultSite === undefined ? {} : { now: defaultSite }) };
    },
    options,
  );
}

/**
 * Reads the token user's sites; when the lock's record says a dead holder left the default switched,
 * puts it back first, unless it has moved since (a person chose another default: theirs to keep).
 * Returns the user's sites with the default as it is now.
 */
export async function putBackLeftSwitch(client: WebexClient, held: HeldDefaultSiteLock): Promise<UserSites> {
  const current = await readUserSites(client);
  const left = held.leftSwitched;
  if (left === undefined) return current;
  if (current.defaultSite === left.to && current.sites.includes(left.from)) {
    await restoreDefaultSite(client, left.from, current.defaultSite);
    held.restored();
    return { ...current, defaultSite: left.from };
  }
  held.restored();
  return current;
}
