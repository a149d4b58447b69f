import { compareCodePoints } from './compare';
/**
 * Deterministic JSON: object keys sorted at every depth, two-space indent, trailing newline. Used for
 * the manifest on disk and for hashing an org entry, so the same declaration always gives the same bytes.
 */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareCodePoints)) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) sorted[key] = sortKeys(child);
    }
    return sorted;
  }
  return value;
}

/**
 * `canonicalJson(value)` in pieces, for output too large to hold as one string (a fleet's plan): joined,
 * the pieces are the same bytes. Arrays and objects holding other arrays or objects are walked; one that
 * holds only primitives (a change's fields, a list of positions) is one piece, serialized by
 * JSON.stringify as canonicalJson does, so numbers, strings and escapes are written exactly alike.
 */
export function* canonicalJsonChunks(value: unknown): Generator<string> {
  yield* chunksOf(value, '', true);
  yield '\n';
}

/** `JSON.stringify(value, null, 2)` in pieces (keys in their own order, `toJSON` honoured), as canonicalJsonChunks. */
export function* indentedJsonChunks(value: unknown): Generator<string> {
  yield* chunksOf(value, '', false);
}

function* chunksOf(value: unknown, indent: string, sorted: boolean): Generator<string> {
  if (value === null || typeof value !== 'object' || isFlat(value) || (!sorted && typeof (value as { toJSON?: unknown }).toJSON === 'function')) {
    // JSON.stringify's line breaks are all between tokens (a string's own are escaped): indenting them is safe.
    yield String(JSON.stringify(sorted ? sortKeys(value) : value, null, 2)).replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? inner : `,\n${inner}`;
      const element: unknown = value[i];
      if (omitted(element)) yield 'null';
      else yield* chunksOf(element, inner, sorted);
    }
    yield `\n${indent}]`;
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let first = true;
  for (const key of sorted ? keys.sort(compareCodePoints) : keys) {
    const child = record[key];
    if (omitted(child)) continue;
    yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* chunksOf(child, inner, sorted);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** An array or object of primitives only (or empty): small enough to serialize in one piece. */
function isFlat(value: object): boolean {
  const children: readonly unknown[] = Array.isArray(value) ? value : Object.values(value);
  for (const child of children) if (child !== null && typeof child === 'object') return false;
  return true;
}
