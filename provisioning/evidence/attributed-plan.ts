import { attributeChanges } from '../audit/attribute-changes';
import type { WebexClient } from '../client/webex-client';
import { ObservedOrg, whoAmI } from '../observe';
import type { Plan } from '../plan';
import type { EvidenceRecorder } from './evidence-recorder';
import { lastSettledLookup } from './last-settled';

/**
 * The plan with who made each drift (attributeChanges), looking back to when the evidence log says
 * webex-iac last applied or verified each target. Without an evidence log, a fixed look-back.
 */
export async function attributedPlan(client: WebexClient, plan: Plan, observed: readonly ObservedOrg[], evidence?: EvidenceRecorder, now: Date = new Date()): Promise<Plan> {
  if (plan.changes.length === 0) return plan;
  const lookups = new Map<string, ReturnType<typeof lastSettledLookup>>();
  const lastSettled = (org: string, key: { control: string; target: string }) => {
    if (evidence === undefined) return undefined;
    let lookup = lookups.get(org);
    if (lookup === undefined) {
      lookup = lastSettledLookup(evidence.log.read(org).map((stored) => stored.record));
      lookups.set(org, lookup);
    }
    return lookup(key);
  };
  const me = await whoAmI(client);
  return attributeChanges(client, plan, observed, { now, lastSettled, tokenPersonId: me.id });
}
