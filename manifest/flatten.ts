/**
 * The one flatten: a nested settings object into dotted field names (`passwordCriteria.minLength`), the
 * names plans, `exactFields`, policy values and evidence use. Lists stay values; so does any key named
 * in `whole` (a host selection, a session-type match: values of their own, not fields).
 */
export function flatten<V = unknown>(value: Readonly<Record<string, unknown>>, prefix = '', whole: readonly string[] = []): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (child !== null && typeof child === 'object' && !Array.isArray(child) && !whole.includes(key)) {
      Object.assign(out, flatten<V>(child as Record<string, unknown>, name, whole));
    } else {
      out[name] = child as V;
    }
  }
  return out;
}

/** The inverse of flatten: dotted keys back into a nested object (a request body, a declaration). */
export function unflatten(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
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
