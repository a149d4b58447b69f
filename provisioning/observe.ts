import { compareCodePoints, Org, SITE_CONTROL_KEYS } from '../manifest';
import { OrganizationListSchema } from './client/schemas/organization';
import { PersonSchema } from './client/schemas/person';
import { SitesSchema } from './client/schemas/sites';
import { WebexClient } from './client/webex-client';
import { orgEntry, orgNotVisible, siteEntry, siteNotAdministered } from './plan-errors';
import { FieldValues, UnknownTarget } from './plan';
import { UnknownTargets } from './unknown-targets';
import { observeFleet, ObservedAccount, ObservedHostSetting } from './observe-fleet';
import { observeOrgSettings, ObservedOrgSettings } from './observe-org-settings';
import { isHostSetting, siteHandler } from './settings/registry';
import { meteredPhase, RunProgress } from './run-progress';
import { stateDirFrom } from './state/enforcement-state';

/**
 * What was read from the live org for the declared settings; the planner's only view of Webex. It holds
 * no time of reading and no secret (never a token or a host PIN), so that reading an unchanged org twice
 * gives the same observation (and the same `observedHash`).
 */
export interface ObservedOrg {
  readonly name: string;
  readonly orgId: string;
  /** siteUrl → site-wide setting → normalized values. */
  readonly sites: Record<string, Record<string, FieldValues>>;
  /** siteUrl → per-host setting → the site's context and each selected host's values. */
  readonly hosts?: Record<string, Record<string, ObservedHostSetting>>;
  /**
   * Accounts without activity since the inactiveAccounts cutoff (or with none known), by email; with
   * `readEveryOrgControl` and no declared cutoff, every login-enabled account (the plan and the rules
   * apply the declaration's cutoff).
   */
  readonly inactive?: ObservedAccount[];
  /** What the org-level controls read (and, for write-only settings, what webex-iac last enforced). */
  readonly org?: ObservedOrgSettings;
  /** The token's user, which revoke and deactivate never touch (the tool must not lock itself out). */
  readonly actor?: { readonly id: string; readonly email: string };
  /** Targets whose records could not be understood; present only when there are some. */
  readonly unknown?: UnknownTarget[];
}

export interface ObserveOptions {
  /** Folder of the write-only state files. @default WEBEX_IAC_STATE_DIR, else .webex-iac/state */
  readonly stateDir?: string;
  /** The time inactivity is measured against. @default now */
  readonly now?: Date;
  /**
   * Per-host reads started at once. HTTP concurrency is the client's scheduler's, not this.
   * @default taskFanOut(client) (provisioning/concurrency.ts)
   */
  readonly concurrency?: number;
  /** Where each org's reading reports its progress (targets read, calls, 429s). @default none */
  readonly progress?: RunProgress;
  /**
   * List only the hosts whose values differ from the declaration, and summarize the others
   * (ObservedHostSetting.converged): what a plan needs, in memory that grows with the changes, not with
   * the org. observeOrgs (plan, drift, apply) sets it; assess and import, which judge or copy every
   * host, leave it off. @default false
   */
  readonly summarizeConverged?: boolean;
  /**
   * Read every site and per-host control of the catalogue (manifest/catalogue.ts), declared or not, and
   * every field of each, for every host a declaration does not narrow; and the users without MFA when
   * MFA is declared. What `assess` and `import` judge: the declaration says what is required, not what
   * is read. Never for a plan. @default false
   */
  readonly readEverything?: boolean;
  /**
   * Read every org control of the catalogue that Webex can read or webex-iac records, declared or not:
   * who holds admin roles, the users without MFA, every login-enabled account's last activity, the
   * enforcement records of the write-only controls, and the token's user. What `import`, which copies an
   * org that has no declaration yet, reads; assess judges only the declared org controls, so it does not
   * pay for these reads. @default false
   */
  readonly readEveryOrgControl?: boolean;
}

export interface Actor {
  readonly id: string;
  readonly email: string;
  readonly orgId: string;
}

/** The token's person: proves the token works before anything else and names the actor for evidence. */
export async function whoAmI(client: WebexClient): Promise<Actor> {
  const { data } = await client.get('/v1/people/me', PersonSchema);
  return { id: data.id, email: data.emails?.[0] ?? data.id, orgId: data.orgId };
}

/** Finds a declared org among those the token can see: by orgId when declared, else by display name. */
export async function resolveOrgId(client: WebexClient, org: Org): Promise<string> {
  const { data } = await client.get('/v1/organizations', OrganizationListSchema);
  const match = org.orgId ? data.items.find((o) => o.id === org.orgId) : data.items.find((o) => o.displayName === org.name);
  if (!match) {
    throw orgNotVisible(orgEntry(org), data.items.map((o) => o.displayName));
  }
  return match.id;
}

/** Reads every declared setting of every declared site of one org, its hosts and its org-level controls. */
export async function observeOrg(client: WebexClient, org: Org, options: ObserveOptions = {}): Promise<ObservedOrg> {
  return meteredPhase(options.progress?.meter(org.name, 'read'), () => readOrg(client, org, options));
}

async function readOrg(client: WebexClient, org: Org, options: ObserveOptions): Promise<ObservedOrg> {
  const orgId = await resolveOrgId(client, org);
  const { data } = await client.get('/v1/meetingPreferences/sites', SitesSchema);
  const available = new Set(data.sites.map((s) => s.siteUrl.toLowerCase()));
  const sites: Record<string, Record<string, FieldValues>> = {};
  const unknown = new UnknownTargets(org.name);
  for (const site of org.sites) {
    if (!available.has(site.siteUrl)) {
      throw siteNotAdministered(siteEntry(org, site), [...available].sort(compareCodePoints));
    }
    const observed: Record<string, FieldValues> = {};
    const settings = options.readEverything ? [...new Set([...Object.keys(site.settings), ...SITE_CONTROL_KEYS])] : Object.keys(site.settings);
    for (const setting of settings.sort(compareCodePoints)) {
      if (isHostSetting(setting)) continue; // read per host, below
      const values = await unknown.read({ kind: 'site', siteUrl: site.siteUrl }, setting, () => siteHandler(setting).read(client, site.siteUrl));
      if (values !== undefined) observed[setting] = values;
    }
    sites[site.siteUrl] = observed;
  }
  const fleet = await observeFleet(client, org, orgId, { now: options.now ?? new Date(), concurrency: options.concurrency, summarizeConverged: options.summarizeConverged, readEverything: options.readEverything, readEveryOrgControl: options.readEveryOrgControl, unknown });
  let me: Promise<Actor> | undefined;
  const tokenPerson = () => (me ??= whoAmI(client));
  const orgSettings =
    Object.keys(org.settings).length > 0 || options.readEveryOrgControl
      ? await observeOrgSettings(client, org, orgId, { stateDir: options.stateDir ?? stateDirFrom(), concurrency: options.concurrency, readEverything: options.readEverything, readEveryOrgControl: options.readEveryOrgControl, unknown, now: options.now, tokenPersonId: async () => (await tokenPerson()).id })
      : undefined;
  const actor = needsActor(org) || options.readEveryOrgControl ? await tokenPerson() : undefined;
  const unknownTargets = unknown.sorted();
  return {
    name: org.name,
    orgId,
    sites,
    ...(fleet === undefined ? {} : { hosts: fleet.hosts }),
    ...(fleet?.inactive === undefined ? {} : { inactive: fleet.inactive }),
    ...(orgSettings === undefined ? {} : { org: orgSettings }),
    ...(actor === undefined ? {} : { actor: { id: actor.id, email: actor.email.toLowerCase() } }),
    ...(unknownTargets.length === 0 ? {} : { unknown: unknownTargets }),
  };
}

/** Revoking admins and deactivating accounts must know who the token is, to never touch that person. */
function needsActor(org: Org): boolean {
  return org.settings.adminAccess !== undefined || org.settings.inactiveAccounts !== undefined;
}
