/** Characters JSON.stringify leaves as is but a terminal or viewer showing the JSON would act on: DEL, C1, bidi, zero-width, separators. */
const HIDDEN = /[\x7f-\x9f\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * A value as JSON: JSON.stringify's result, so always valid and parsing back to the same value, with the
 * characters above written as `\u` escapes too (they occur only inside strings), so that JSON printed to
 * a terminal or opened in a viewer cannot act on them. SARIF's `markdown` message fields need
 * `markdownText` as well: being valid JSON does not make them inert markdown.
 */
export function jsonText(value: unknown, indent?: number): string {
  return (JSON.stringify(value, null, indent) ?? 'null').replace(HIDDEN, utf16Escapes);
}

function utf16Escapes(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}
