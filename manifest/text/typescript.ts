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
