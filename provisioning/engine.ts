import { Org } from '../manifest';
import { WebexClient } from './client/webex-client';
import { observeOrg } from './observe';
import { Plan } from './plan';
import { planChanges } from './planner';

/** Reads the live state of the declared orgs and plans the changes: the read-only half of every command. */
export async function planOrgs(client: WebexClient, orgs: readonly Org[]): Promise<Plan> {
  const observed = [];
  for (const org of orgs) observed.push(await observeOrg(client, org));
  return planChanges(orgs, observed);
}
