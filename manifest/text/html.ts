import { visibleEscapes } from './visible';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Untrusted text for HTML element content and quoted attribute values: no element, attribute or entity
 * comes from it, and invisible characters (bidi overrides, controls) are shown as visible escapes.
 */
export function htmlText(value: unknown): string {
  return visibleEscapes(String(value ?? '')).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
