import { Org } from '../manifest';
import { OrganizationListSchema } from './client/schemas/organization';
import { PersonSchema } from './client/schemas/person';
import { SitesSchema } from './client/schemas/sites';
import { WebexClient } from './client/webex-client';
import { PlanError } from './errors';
import { FieldValues } from './plan';
import { siteHandler } from './settings/registry';

/** What was read from the live org for the declared settings; the planner's only view of Webex. */
export interface ObservedOrg {
  readonly name: string;
  readonly orgId: string;
  /** siteUrl → setting → normalized values. */
  readonly sites: Record<string, Record<string, FieldValues>>;
}

export interface Actor {
  readonly id: string;
  readonly email: string;
  readonly orgId: string;
}

/** The token's person: proves the token works before anything else and names the actor for evidence. */
export async function whoAmI(client: WebexClient): Promise<Actor> {
  const { data } = await client.get('/v1/people/me', PersonSchema);
  return { id: data.id, email: data.emails[0] ?? data.id, orgId: data.orgId };
}

/** Finds a declared org among those the token can see: by orgId when declared, else by display name. */
export async function resolveOrgId(client: WebexClient, org: Org): Promise<string> {
  const { data } = await client.get('/v1/organizations', OrganizationListSchema);
  const match = org.orgId ? data.items.find((o) => o.id === org.orgId) : data.items.find((o) => o.displayName === org.name);
  if (!match) {
    const visible = data.items.map((o) => JSON.stringify(o.displayName)).join(', ') || 'none';
    const how = org.orgId ? `orgId ${org.orgId}` : `name ${JSON.stringify(org.name)}`;
    throw new PlanError(`org ${how} (${org.path}) is not visible to this token; visible orgs: ${visible}`);
  }
  return match.id;
}

/** Reads every declared setting of every declared site of one org. */
export async function observeOrg(client: WebexClient, org: Org): Promise<ObservedOrg> {
  const orgId = await resolveOrgId(client, org);
  const { data } = await client.get('/v1/meetingPreferences/sites', SitesSchema);
  const available = new Set(data.sites.map((s) => s.siteUrl.toLowerCase()));
  const sites: Record<string, Record<string, FieldValues>> = {};
  for (const site of org.sites) {
    if (!available.has(site.siteUrl)) {
      const list = [...available].sort().join(', ') || 'none';
      throw new PlanError(`site ${site.siteUrl} (${site.path}) is not a Meetings site this token administers in org ${JSON.stringify(org.name)}; sites: ${list}`);
    }
    const observed: Record<string, FieldValues> = {};
    for (const setting of Object.keys(site.settings).sort()) {
      observed[setting] = await siteHandler(setting).read(client, site.siteUrl);
    }
    sites[site.siteUrl] = observed;
  }
  return { name: org.name, orgId, sites };
}
