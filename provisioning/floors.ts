import { compareCodePoints } from '../manifest';
import { sameValue } from './field-values';
import { FieldValue, FieldValues } from './plan';
import { FIELD_DIRECTIONS, fieldImpact } from './security-impact';

/**
 * Which rule decided the value a plan writes to a field:
 * - `declared`: the declared value, stronger than or as strong as the live one (or the field has no
 *   known security direction, or its live value is unset);
 * - `floor`: the declared value is a floor and the live value is stricter: the live value is kept (a
 *   deny-list keeps the live entries too, so it may still change by gaining the declared ones);
 * - `exact`: the declaration pins the value exactly (`exactFields`), even where that weakens the org;
 * - `dependency`: forced by a rule of Cisco's between fields (audioBeforeHost off while joinBeforeHost is off).
 */
export type ValueRule = 'declared' | 'floor' | 'exact' | 'dependency';
export const VALUE_RULES: readonly ValueRule[] = ['declared', 'floor', 'exact', 'dependency'];

/** How a plan names each rule beside a changed field; `declared` is the ordinary case and says nothing. */
export const VALUE_RULE_LABELS: Readonly<Record<ValueRule, string>> = {
  declared: '',
  floor: 'floor: live entries kept',
  exact: 'exact pin',
  dependency: 'required by Webex',
};

/** The flag after a changed field in a rendered plan: its weakening and the rule that decided it, if not `declared`. */
export function fieldFlag(weakens: boolean, rule: ValueRule | undefined): string {
  const parts = [weakens ? 'weakens' : '', rule === undefined ? '' : VALUE_RULE_LABELS[rule] ?? ''].filter((p) => p !== '');
  return parts.length === 0 ? '' : `# ${parts.join('; ')}`;
}

/** What a plan wants for each declared field of one setting, and why. */
export interface DesiredValues {
  readonly values: FieldValues;
  readonly rules: Record<string, ValueRule>;
}

/**
 * Declared values are floors: for every field whose security direction is known (security-impact.ts)
 * the desired value is the stronger of the declared and the live one: booleans to the safe side,
 * minimums up, maximums down, deny-lists a superset of both. A field in `exact` takes the declared value
 * as it is. Pure; `live` holds the normalized observation (absent or null: unset).
 */
export function desiredValues(setting: string, declared: FieldValues, live: FieldValues, exact: readonly string[] = []): DesiredValues {
  const values: FieldValues = {};
  const rules: Record<string, ValueRule> = {};
  for (const [field, wanted] of Object.entries(declared)) {
    if (exact.includes(field)) {
      values[field] = wanted;
      rules[field] = 'exact';
      continue;
    }
    const stronger = strongerValue(setting, field, wanted, live[field]);
    values[field] = stronger.value;
    rules[field] = stronger.rule;
  }
  return { values, rules };
}

function strongerValue(setting: string, field: string, declared: FieldValue, live: FieldValue | undefined): { value: FieldValue; rule: ValueRule } {
  const kept = (value: FieldValue) => ({ value, rule: 'floor' as const });
  const asDeclared = { value: declared, rule: 'declared' as const };
  switch (FIELD_DIRECTIONS[`${setting}.${field}`]) {
    case 'safe-when-true':
      return declared === false && live === true ? kept(true) : asDeclared;
    case 'safe-when-false':
      return declared === true && live === false ? kept(false) : asDeclared;
    case 'higher-is-safer':
      return typeof declared === 'number' && typeof live === 'number' && live > declared ? kept(live) : asDeclared;
    case 'lower-is-safer':
      return typeof declared === 'number' && typeof live === 'number' && live < declared ? kept(live) : asDeclared;
    case 'more-is-safer': {
      if (!Array.isArray(declared) || !Array.isArray(live)) return asDeclared;
      const extra = live.filter((v) => !declared.includes(v));
      return extra.length === 0 ? asDeclared : kept([...declared, ...[...new Set(extra)]]);
    }
    default:
      return asDeclared;
  }
}

/**
 * Notes for the fields a floor kept at their stricter live value and that therefore do not change, so
 * a plan says why a weaker declaration was not applied.
 */
export function floorNotes(declared: FieldValues, desired: DesiredValues, live: FieldValues): string[] {
  return Object.keys(declared)
    .filter((field) => desired.rules[field] === 'floor' && sameValue(live[field], desired.values[field]))
    .sort(compareCodePoints)
    .map((field) => `floor kept ${field} at the live value ${show(live[field])}, stricter than the declared ${show(declared[field])}`);
}

/** The note of a field pinned exactly to a value weaker than the live one. */
export function exactWeakeningNote(field: string, before: FieldValue | undefined, after: FieldValue): string {
  return `exact pin sets ${field} to ${show(after)} although the live ${show(before ?? null)} is stricter, a deliberate weakening declared in exactFields`;
}

function show(value: FieldValue | undefined): string {
  return JSON.stringify(value ?? null);
}

/** What a handler's diff starts from: the fields to change, each with the rule that decided it, and the rest counted. */
export interface ChangedFields {
  readonly before: FieldValues;
  readonly after: FieldValues;
  readonly rules: Record<string, ValueRule>;
  /** The floor notes, and a note for each exact pin that weakens. */
  readonly notes: string[];
  unchangedFields: number;
}

/** The desired values of `setting` that differ from the live ones (`desiredValues` decided them from `declared`). */
export function changedFields(setting: string, declared: FieldValues, desired: DesiredValues, live: FieldValues): ChangedFields {
  const changed: ChangedFields = { before: {}, after: {}, rules: {}, notes: floorNotes(declared, desired, live), unchangedFields: 0 };
  for (const [field, value] of Object.entries(desired.values)) {
    if (sameValue(live[field] ?? null, value)) {
      changed.unchangedFields++;
      continue;
    }
    const before = live[field] ?? null;
    changed.before[field] = before;
    changed.after[field] = value;
    changed.rules[field] = desired.rules[field]!;
    if (changed.rules[field] === 'exact' && fieldImpact(setting, field, before, value) === 'weakens') changed.notes.push(exactWeakeningNote(field, before, value));
  }
  return changed;
}
