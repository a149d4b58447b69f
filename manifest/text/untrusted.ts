declare const UNTRUSTED: unique symbol;

/**
 * Text that webex-iac did not write: people's emails and display names, site and org names read from the
 * live org, Webex error messages and trackingIds, audit event fields. A brand on `string` (so it still
 * travels in plain JSON: plans, evidence, saved plans), naming what must reach a reader only through one
 * of the escapers of this module (`terminalText`, `markdownText`, `htmlText`, `typescriptString`, `jsonText`, `sarifText`).
 */
export type Untrusted = string & { readonly [UNTRUSTED]: 'untrusted' };

/** Marks text from outside as untrusted. Marking changes nothing at run time; escaping is what protects. */
export function untrusted(text: string): Untrusted {
  return text as Untrusted;
}

/**
 * Untrusted text used as data that is never shown (a map key, a sort key): the one deliberate way to
 * drop the mark, so that a reviewer sees why this text needs no escaper.
 */
export function asData(text: Untrusted): string {
  return text;
}
