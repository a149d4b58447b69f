import { visibleEscapes } from './visible';

/**
 * Untrusted text for a terminal (stdout, stderr, progress lines): no control character reaches it, so no
 * text from Webex can clear the screen, move the cursor over "(WEAKENS SECURITY)", open an OSC-8 link or
 * reorder what is shown with bidi overrides. What was hidden is shown as `\x1b`, `\u202e`, ….
 */
export function terminalText(text: string): string {
  return visibleEscapes(text);
}

/** Untrusted text in double quotes for a terminal, e.g. an org name: `"Riverside \x1b[2J"`. */
export function terminalQuoted(text: string): string {
  return `"${terminalText(text).replace(/"/g, '\\"')}"`;
}
