import { compareCodePoints } from '../manifest';

/** One place where two JSON values differ; `before`/`after` undefined means absent. */
export interface JsonDifference {
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * Every path at which two JSON values differ, in code-point order of keys: objects key by key, lists of
 * the same length item by item, anything else as a whole. Used to say what changed in the live org since
 * a plan was saved, and where a plan file differs from what its declaration gives.
 */
export function jsonDifferences(before: unknown, after: unknown, path = ''): JsonDifference[] {
  const out: JsonDifference[] = [];
  collect(before, after, path, out);
  return out;
}

function collect(before: unknown, after: unknown, path: string, out: JsonDifference[]): void {
  if (isObject(before) && isObject(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareCodePoints)) {
      collect(before[key], after[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length && before.some((v) => isObject(v) || Array.isArray(v))) {
    before.forEach((v, i) => collect(v, after[i], `${path}[${i}]`, out));
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    out.push({ path: path || '(root)', ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
