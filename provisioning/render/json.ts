import { canonicalJson } from '../../manifest';
import { inertJson } from '../../manifest/text';
import { Plan } from '../plan';

/** Plan → its versioned JSON form (sorted keys, stable for diffs and golden tests). */
export function renderPlanJson(plan: Plan): string {
  return inertJson(canonicalJson(plan));
}
