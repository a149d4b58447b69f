/**
 * Characters that change what a reader sees without being seen themselves: C0 and C1 controls, ESC and
 * DEL (\p{Cc}); bidi overrides and isolates, zero-width and other format characters, tag characters
 * (\p{Cf}); line and paragraph separators (\p{Zl}, \p{Zp}); lone surrogates (\p{Cs}). A backslash stays
 * as it is: text that merely looks like an escape (`\x1b` typed out) does nothing to a terminal, and
 * doubling it would garble the JSON-quoted values and paths that error messages carry.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Each invisible character as a visible escape: ESC → `\x1b`, U+202E → `\u202e`, U+E0041 → `\u{e0041}`. */
export function visibleEscapes(text: string): string {
  return String(text).replace(INVISIBLE, (c) => NAMED[c] ?? escapeCodePoint(c.codePointAt(0)!));
}

function escapeCodePoint(code: number): string {
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\u{${code.toString(16)}}`;
}
