import { indentedJsonChunks } from '../canonical-json';

/** Characters JSON.stringify leaves as is but a terminal or viewer showing the JSON would act on: DEL, C1, bidi, zero-width, separators. */
const HIDDEN = /[\x7f-\x9f\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * A value as JSON: JSON.stringify's result, so always valid and parsing back to the same value, with the
 * characters above written as `\u` escapes (see `inertJson`). SARIF's `markdown` message fields need
 * `markdownText` as well, and its `text` fields `sarifText`: valid JSON is not inert markup.
 */
export function jsonText(value: unknown, indent?: number): string {
  return inertJson(JSON.stringify(value, null, indent) ?? 'null');
}

/** `jsonText(value, 2)` in pieces, for output too large to hold as one string: joined, the same bytes. */
export function* jsonTextChunks(value: unknown): Generator<string> {
  yield* inertJsonChunks(indentedJsonChunks(value));
}

/**
 * `inertJson` of serialized JSON given in pieces (canonicalJsonChunks, indentedJsonChunks), gathered into
 * pieces of about 16 KiB. inertJson escapes single characters and those pieces never split a JSON string
 * or a character, so escaping each gathered piece is escaping the whole.
 */
export function* inertJsonChunks(pieces: Iterable<string>): Generator<string> {
  let pending = '';
  for (const piece of pieces) {
    pending += piece;
    if (pending.length < 16_384) continue;
    yield inertJson(pending);
    pending = '';
  }
  if (pending !== '') yield inertJson(pending);
}

/**
 * Serialized JSON with DEL, C1, bidi and zero-width characters written as `\u` escapes: they occur only
 * inside strings, so the result parses to the same value, and JSON printed to a terminal or opened in a
 * viewer cannot act on them. For JSON made by another serializer (e.g. canonicalJson's sorted keys).
 */
export function inertJson(json: string): string {
  return json.replace(HIDDEN, utf16Escapes);
}

function utf16Escapes(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}
