import { visibleEscapes } from './visible';

/**
 * Untrusted text in a SARIF plain-text message (`message.text`): invisible characters shown as visible
 * escapes, square brackets (and the backslash) escaped, since viewers such as GitHub code scanning turn `[text](id)` in
 * a message into an embedded link (SARIF 2.1.0 §3.11.6). Markdown messages take `markdownText`.
 */
export function sarifText(text: string): string {
  return visibleEscapes(String(text)).replace(/[\\[\]]/g, (c) => `\\${c}`);
}
