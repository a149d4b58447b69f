import { describeTarget, Plan, UnknownTarget } from '../plan';
import type { Impact } from '../security-impact';
import type { RunItem } from './since-last-run';

/** One org's drift items (each change) and findings (each plan finding) as run items. */
export function planRunItems(plan: Plan, org: string): RunItem[] {
  return [
    ...plan.changes
      .filter((c) => c.org === org)
      .map((c): RunItem => ({ kind: 'drift', control: c.setting, target: describeTarget(c.target), detail: '', path: c.path, impact: driftImpact(c.impact) })),
    ...(plan.findings ?? [])
      .filter((f) => f.org === org)
      .map((f): RunItem => ({ kind: 'finding', control: f.setting, target: describeTarget(f.target), detail: f.kind, path: f.path })),
  ];
}

/**
 * What a drift did to the org, the reverse of what applying it back would do: a change that would
 * strengthen the org means the live org was weakened.
 */
export function driftImpact(applyImpact: Impact): Impact {
  return applyImpact === 'strengthens' ? 'weakens' : applyImpact === 'weakens' ? 'strengthens' : applyImpact;
}

/**
 * Whether an earlier item could not be judged by this plan: its target (or, for a host, its site) could
 * not be read, or the org's people could not, which every person and org item stands on.
 */
export function unreadInPlan(plan: Plan, org: string): (item: RunItem) => boolean {
  const unknown = plan.unknown.filter((u) => u.org === org);
  return (item) => unknown.some((u) => covers(u, item));
}

function covers(u: UnknownTarget, item: RunItem): boolean {
  if (u.target.kind === 'org' || u.setting === 'people') return item.target === 'org' || item.target.startsWith('person ');
  const target = describeTarget(u.target);
  if (item.target === target) return true;
  return u.target.kind === 'site' && item.target.startsWith('person ') && item.target.endsWith(` on ${u.target.siteUrl}`);
}
