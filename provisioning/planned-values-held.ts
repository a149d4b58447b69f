import { ApplyContext, applyTarget } from './apply-targets';
import { WebexClient } from './client/webex-client';
import { sameValue } from './field-values';
import { Change, Plan } from './plan';
import { enforcementHash, readEnforcements } from './state/enforcement-state';

/**
 * Whether the org already holds every value a plan would write: each change's target is read as apply
 * reads it; a write-only setting counts as held when webex-iac last enforced exactly those values. A plan
 * without changes holds nothing (there is nothing it could have applied).
 */
export async function holdsPlannedValues(client: WebexClient, plan: Plan, stateDir: string): Promise<boolean> {
  if (plan.changes.length === 0) return false;
  const context = new ApplyContext(client);
  for (const change of plan.changes) {
    if (!(await holds(context, change, stateDir))) return false;
  }
  return true;
}

async function holds(context: ApplyContext, change: Change, stateDir: string): Promise<boolean> {
  if (change.writeOnly) {
    if (change.target.kind !== 'org') return false;
    return readEnforcements(stateDir, change.target.orgId)[change.setting]?.sha256 === enforcementHash(change.after);
  }
  const live = await applyTarget(context, change).read();
  if (live === undefined) return false;
  return Object.entries(change.after).every(([field, value]) => sameValue(live[field] ?? null, value));
}
