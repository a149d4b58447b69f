import { canonicalJsonChunks } from '../../manifest';
import { inertJsonChunks } from '../../manifest/text';
import { groupChanges } from '../change-groups';
import { Plan } from '../plan';
import { PLAN_JSON_SCHEMA_ID } from '../plan-json-schema';

/**
 * Plan → its versioned JSON form (sorted keys, stable for diffs and golden tests): the plan, every change
 * per target, and `groups`, the same change on many targets as one entry whose `changes` are positions in
 * `changes` (so the per-target list is never lost). `extra` adds top-level members (drift's `sinceLastRun`).
 * `$schema` names the published JSON Schema (provisioning/webex-plan.schema.json) it validates against.
 */
export function renderPlanJson(plan: Plan, extra: Record<string, unknown> = {}): string {
  return [...planJsonChunks(plan, extra)].join('');
}

/** renderPlanJson in pieces, written as they are made: a 20,000-host plan is never one string. */
export function* planJsonChunks(plan: Plan, extra: Record<string, unknown> = {}): Generator<string> {
  const groups = groupChanges(plan.changes).map(({ targets, ...group }) => ({ ...group, targetCount: targets.length }));
  yield* inertJsonChunks(canonicalJsonChunks({ $schema: PLAN_JSON_SCHEMA_ID, ...plan, groups, ...extra }));
}
