import { compareCodePoints, Org, siteUrl as siteUrlSchema } from '../../manifest';
import { observeOrg, WebexApiError, WebexClient, whoAmI } from '../../provisioning';
import { OrganizationListSchema } from '../../provisioning/client/schemas/organization';
import { SitesSchema } from '../../provisioning/client/schemas/sites';
import { peoplePages } from '../../provisioning/people/people-directory';
import type { RunProgress } from '../../provisioning/run-progress';
import { programShape } from './construct-ids';
import { unnameable } from './construct-org';
import { ImportObservation } from './observation';

/** A reason `webex-iac import` refuses to go on: one line for the user, exit 1. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/**
 * The scopes import reads with (it never writes to Webex): organizations, people and the token's own
 * person, roles, the meeting sites and every host's meeting preferences, the sites' common settings and
 * session types, SCIM users (per-user MFA) and every host's upcoming scheduled meetings.
 */
export const IMPORT_SCOPES = [
  'spark-admin:organizations_read',
  'spark:people_read',
  'spark-admin:people_read',
  'spark-admin:roles_read',
  'meeting:admin_preferences_read',
  'meeting:admin_config_read',
  'identity:people_read',
  'meeting:admin_schedule_read',
] as const;

export interface ImportTarget {
  /** The org's display name (`--org`). */
  readonly orgName?: string;
  /** The org's id (`--org-id`). */
  readonly orgId?: string;
  /** Only these sites (`--site`); default: every Meetings site of the org that the token administers. */
  readonly sites?: readonly string[];
}

export interface ReadOptions {
  readonly now: Date;
  readonly toolVersion: string;
  /** Folder of the write-only enforcement records (read, never written). */
  readonly stateDir?: string;
  /** Per-host reads started at once. */
  readonly concurrency?: number;
  /** Where reading reports progress. */
  readonly progress?: RunProgress;
}

/**
 * Reads one live org for import, through provisioning's handlers only (GET requests, nothing written),
 * the way `assess` reads: finds the org and its sites, then observes them declaring nothing, with every
 * control of the catalogue (manifest/catalogue.ts) read: each site control, each per-host control with
 * every field for every host, and each org control Webex can read or webex-iac records (admins, idle
 * accounts, users without MFA, enforcement records). A token that lacks a scope fails with one line
 * naming the request and the scopes import needs.
 */
export async function readOrgForImport(client: WebexClient, target: ImportTarget, options: ReadOptions): Promise<ImportObservation> {
  try {
    const org = await findOrg(client, target);
    const siteUrls = await findSites(client, org, target.sites);
    const observed = await observeOrg(client, orgToRead(org, siteUrls), {
      now: options.now,
      readEverything: true,
      readEveryOrgControl: true,
      ...(options.stateDir ? { stateDir: options.stateDir } : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.progress ? { progress: options.progress } : {}),
    });
    return { baseUrl: client.baseUrl, importedAt: options.now, toolVersion: options.toolVersion, org, siteUrls, observed };
  } catch (error) {
    if (error instanceof WebexApiError && error.status === 403) {
      throw new ImportError(`the token may not read what import needs: ${error.message}; import reads with the scopes ${IMPORT_SCOPES.join(', ')}`);
    }
    throw error;
  }
}

/**
 * The org and its sites, declaring no control: what is read comes from the catalogue, not from a
 * declaration. Refused before anything is read when a program could not name the org or a site.
 */
function orgToRead(org: { name: string; orgId: string }, siteUrls: readonly string[]): Org {
  const reason = unnameable(programShape(org, siteUrls));
  if (reason !== undefined) throw new ImportError(`org ${JSON.stringify(org.name)} cannot be declared: ${reason}`);
  return { path: 'import', name: org.name, orgId: org.orgId, settings: {}, sites: siteUrls.map((siteUrl) => ({ path: `import/${siteUrl}`, siteUrl, settings: {} })) };
}

/** The one org the options name, among those the token sees; the only one when none is named. */
async function findOrg(client: WebexClient, target: ImportTarget): Promise<{ name: string; orgId: string }> {
  const { data } = await client.get('/v1/organizations', OrganizationListSchema);
  const orgs = data.items.map((o) => ({ name: o.displayName, orgId: o.id }));
  const visible = orgs.map((o) => `${JSON.stringify(o.name)} (${o.orgId})`).join(', ') || 'none';
  if (target.orgId !== undefined) {
    const match = orgs.find((o) => o.orgId === target.orgId);
    if (match === undefined) throw new ImportError(`org id ${target.orgId} is not visible to this token; visible orgs: ${visible}`);
    return match;
  }
  if (target.orgName !== undefined) {
    const matches = orgs.filter((o) => o.name === target.orgName);
    if (matches.length === 0) throw new ImportError(`org ${JSON.stringify(target.orgName)} is not visible to this token; visible orgs: ${visible}`);
    if (matches.length > 1) throw new ImportError(`${matches.length} orgs visible to this token are named ${JSON.stringify(target.orgName)} (${matches.map((o) => o.orgId).join(', ')}): pass --org-id`);
    return matches[0]!;
  }
  if (orgs.length === 1) return orgs[0]!;
  if (orgs.length === 0) throw new ImportError('this token sees no org: use the token of an administrator of the org to import');
  throw new ImportError(`this token sees ${orgs.length} orgs: pass --org NAME or --org-id ID; visible orgs: ${visible}`);
}

/**
 * The Meetings sites of the org that the token administers. Webex names no org in the site list, and an
 * administrator's own user often holds host accounts on the sites of other orgs too, so a site of the
 * org is one GET /v1/meetingPreferences/sites lists on which a person of the org other than the token's
 * own user has a role (GET /v1/people `siteUrls`). With `requested`, exactly those sites, each of which
 * must be administered by the token and used by a person of the org (the token's user counts here).
 */
async function findSites(client: WebexClient, org: { name: string; orgId: string }, requested: readonly string[] | undefined): Promise<string[]> {
  for (const site of requested ?? []) {
    if (!siteUrlSchema.safeParse(site).success) throw new ImportError(`--site ${JSON.stringify(site)} must be a siteUrl: a lower-case host name such as example.webex.com, without scheme or path`);
  }
  const { data } = await client.get('/v1/meetingPreferences/sites', SitesSchema);
  const administered = new Set(data.sites.map((s) => s.siteUrl.toLowerCase()));
  const me = await whoAmI(client);
  const byOthers = new Set<string>();
  const byAnyone = new Set<string>();
  for await (const page of peoplePages(client, org.orgId)) {
    for (const person of page) {
      for (const entry of person.siteUrls) {
        const site = entry.toLowerCase().split('#')[0]!;
        byAnyone.add(site);
        if (person.id !== me.id) byOthers.add(site);
      }
    }
  }
  const ofOrg = [...administered].filter((site) => byOthers.has(site)).sort(compareCodePoints);
  if (requested === undefined || requested.length === 0) return ofOrg;
  const sites = [...new Set(requested)].sort(compareCodePoints);
  for (const site of sites) {
    if (!administered.has(site)) throw new ImportError(`site ${site} is not a Meetings site this token administers; its sites: ${[...administered].sort(compareCodePoints).join(', ') || 'none'}`);
    if (!byAnyone.has(site)) throw new ImportError(`site ${site} is not a site of org ${JSON.stringify(org.name)} (none of its people has a role there); sites of the org: ${ofOrg.join(', ') || 'none'}`);
  }
  return sites;
}
