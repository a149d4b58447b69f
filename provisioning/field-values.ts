import { flatten as flattenFields, unflatten as unflattenFields } from '../manifest/flatten';
import { FieldValue, FieldValues } from './plan';

/** Flatten and unflatten live in manifest/flatten.ts (one module); typed here as plan field values. */
export function flatten(value: Record<string, unknown>, prefix = ''): FieldValues {
  return flattenFields<FieldValue>(value, prefix);
}

export function unflatten(values: FieldValues): Record<string, unknown> {
  return unflattenFields(values);
}

/** Lists compare as sets: Webex does not promise to keep the order of a deny-list. */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = [...new Set(a)].sort();
    const right = [...new Set(b)].sort();
    return left.length === right.length && left.every((v, i) => v === right[i]);
  }
  return a === b;
}

/** The values whose dotted name starts with `prefix` (e.g. `personalMeetingRoom.`), names kept. */
export function valuesUnder(values: FieldValues, prefix: string): FieldValues {
  return Object.fromEntries(Object.entries(values).filter(([field]) => field.startsWith(prefix)));
}
