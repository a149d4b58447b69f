/**
 * Unicode code-point order, the one order for everything that is hashed or sorted for output. Unlike
 * `localeCompare` it is the same on every machine whatever its locale, so a saved plan's hash and a
 * rendered list never depend on where they were made; unlike `<` on strings (UTF-16 code units) it puts
 * characters beyond U+FFFF after U+E000–U+FFFF, as their code points say.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate unit stands for a code point above U+FFFF: it sorts after every other unit.
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

/** A sorted copy of `values` in code-point order. */
export function sortedByCodePoint(values: Iterable<string>): string[] {
  return [...values].sort(compareCodePoints);
}
