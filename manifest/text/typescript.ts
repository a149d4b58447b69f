import { visibleEscapes } from './visible';

/** What JSON.stringify leaves as is but a reviewer of generated code must see: DEL, C1, bidi (Trojan Source), zero-width, separators. */
const HIDDEN = /[\x7f-\x9f\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * Untrusted text as a single-quoted TypeScript string literal (the project's style), for generated
 * programs such as `import`'s: the literal evaluates to exactly the text, holds no line break or quote
 * that could end it, and shows every invisible character as a `\u` escape.
 */
export function typescriptString(text: string): string {
  const json = JSON.stringify(String(text)).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${json.replace(HIDDEN, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`)}'`;
}

/**
 * Untrusted text inside a TypeScript comment (a `//` line or a `/* … *\/` block) of a generated program:
 * on one line (line breaks, the Unicode ones TypeScript honours included, become spaces), unable to
 * close a block comment, and with every invisible character (bidi overrides: "Trojan Source") shown as a
 * visible escape.
 */
export function typescriptComment(text: string): string {
  return visibleEscapes(String(text).replace(/[\r\n\u2028\u2029]+/g, ' ')).replace(/\*\//g, '*\\/');
}
