import { compareCodePoints } from '../manifest';
/**
 * The paths at which two JSON values differ, described for a person ("a.b[2] was true, is now false").
 * Used to say what changed in the live org since a plan was saved.
 */
export function jsonDifferences(before: unknown, after: unknown, path = '', out: string[] = [], limit = 20): string[] {
  if (out.length >= limit) return out;
  if (isObject(before) && isObject(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareCodePoints)) {
      jsonDifferences(before[key], after[key], path ? `${path}.${key}` : key, out, limit);
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length && before.every((v) => !isObject(v) && !Array.isArray(v))) {
    if (JSON.stringify(before) !== JSON.stringify(after)) out.push(`${path} was ${JSON.stringify(before)}, is now ${JSON.stringify(after)}`);
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((v, i) => jsonDifferences(v, after[i], `${path}[${i}]`, out, limit));
    return out;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    out.push(`${path || '(root)'} was ${show(before)}, is now ${show(after)}`);
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}
