import { Org } from '../manifest';
import { WebexClient } from './client/webex-client';
import { observeOrg, ObservedOrg, ObserveOptions } from './observe';
import { Plan } from './plan';
import { planChanges, PlanningOptions } from './planner';

/**
 * Reads the live state of every declared setting of the declared orgs, for a plan: hosts that already
 * match the declaration are summarized unless `summarizeConverged: false` (see ObserveOptions).
 */
export async function observeOrgs(client: WebexClient, orgs: readonly Org[], options: ObserveOptions = {}): Promise<ObservedOrg[]> {
  const observed = [];
  for (const org of orgs) observed.push(await observeOrg(client, org, { summarizeConverged: true, ...options }));
  return observed;
}

/** Reads the live state of the declared orgs and plans the changes: the read-only half of every command. */
export async function planOrgs(client: WebexClient, orgs: readonly Org[], options: ObserveOptions & PlanningOptions = {}): Promise<Plan> {
  const now = options.now ?? new Date();
  return planChanges(orgs, await observeOrgs(client, orgs, { ...options, now }), { ...options, now });
}
