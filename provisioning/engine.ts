import { Org } from '../manifest';
import { WebexClient } from './client/webex-client';
import { observeOrg, ObservedOrg } from './observe';
import { Plan } from './plan';
import { planChanges } from './planner';

/** Reads the live state of every declared setting of the declared orgs. */
export async function observeOrgs(client: WebexClient, orgs: readonly Org[]): Promise<ObservedOrg[]> {
  const observed = [];
  for (const org of orgs) observed.push(await observeOrg(client, org));
  return observed;
}

/** Reads the live state of the declared orgs and plans the changes: the read-only half of every command. */
export async function planOrgs(client: WebexClient, orgs: readonly Org[]): Promise<Plan> {
  return planChanges(orgs, await observeOrgs(client, orgs));
}
