import type { Org } from '../../manifest';
import type { Plan } from '../plan';
import type { EvidenceLog } from './evidence-log';
import { planRunItems, unreadInPlan } from './plan-run-items';
import { compareWithPreviousRuns, RunComparison, RunItem, RunScope, scopeKey, sinceLastRunDetails } from './since-last-run';

/** The selection of a run, as it bounds what the run can see: compared only with runs of the same one. */
export interface RunSelection {
  readonly site?: string;
  readonly shard?: { readonly index: number; readonly count: number };
}

/** `drift`: each org's plan compared with that org's earlier drift runs of the same scope. */
export function compareDriftRuns(log: EvidenceLog, plan: Plan, orgs: readonly Org[], selection: RunSelection, api: string, now: Date): Map<string, RunComparison> {
  const comparisons = new Map<string, RunComparison>();
  for (const org of plan.orgs) {
    const orgId = orgs.find((o) => o.name === org)?.orgId;
    const scope = runScope({ kind: 'drift', ...(orgId ? { orgId } : {}), api }, selection);
    comparisons.set(org, compareWithPreviousRuns(log.read(org), 'drift', scope, planRunItems(plan, org), now.toISOString(), unreadInPlan(plan, org)));
  }
  return comparisons;
}

/** `assess`: one org's failed findings compared with its earlier assess runs of the same scope. */
export function compareAssessRun(log: EvidenceLog, org: string, items: readonly RunItem[], scope: Omit<RunScope, 'kind' | 'site' | 'shard'>, selection: RunSelection, now: Date, unread: (item: RunItem) => boolean): RunComparison {
  return compareWithPreviousRuns(log.read(org), 'assess', runScope({ kind: 'assess', ...scope }, selection), items, now.toISOString(), unread);
}

/** The evidence details that carry each org's comparison to the next run. */
export function comparisonDetails(comparisons: ReadonlyMap<string, RunComparison>): Map<string, Record<string, unknown>> {
  return new Map([...comparisons].map(([org, c]) => [org, { sinceLastRun: sinceLastRunDetails(c) }]));
}

function runScope(scope: RunScope, selection: RunSelection): string {
  return scopeKey({ ...scope, ...(selection.site ? { site: selection.site.toLowerCase() } : {}), ...(selection.shard && selection.shard.count > 1 ? { shard: `${selection.shard.index}/${selection.shard.count}` } : {}) });
}
