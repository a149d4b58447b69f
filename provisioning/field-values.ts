import { FieldValue, FieldValues } from './plan';

/** Flattens a nested settings object into dotted keys; arrays stay values. */
export function flatten(value: Record<string, unknown>, prefix = ''): FieldValues {
  const out: FieldValues = {};
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
      Object.assign(out, flatten(child as Record<string, unknown>, name));
    } else {
      out[name] = child as FieldValue;
    }
  }
  return out;
}

/** The inverse of flatten: dotted keys back into a nested object for a request body. */
export function unflatten(values: FieldValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const parts = name.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) {
      node[part] = (node[part] as Record<string, unknown> | undefined) ?? {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = value;
  }
  return out;
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
