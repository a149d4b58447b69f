import { canonicalJsonChunks } from '../../manifest';
import { inertJsonChunks } from '../../manifest/text';
import { groupChanges } from '../change-groups';
import { Plan } from '../plan';

/**
 * Plan → its versioned JSON form (sorted keys, stable for diffs and golden tests): the plan, every change
 * per target, and `groups`, the same change on many targets as one entry whose `changes` are positions in
 * `changes` (so the per-target list is never lost).
 */
export function renderPlanJson(plan: Plan): string {
  return [...planJsonChunks(plan)].join('');
}

/** renderPlanJson in pieces, written as they are made: a 20,000-host plan is never one string. */
export function* planJsonChunks(plan: Plan): Generator<string> {
  const groups = groupChanges(plan.changes).map(({ targets, ...group }) => ({ ...group, targetCount: targets.length }));
  yield* inertJsonChunks(canonicalJsonChunks({ ...plan, groups }));
}
