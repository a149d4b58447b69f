import { z } from 'zod';
import { checkNoRepeats } from './primitives';

/**
 * `exactFields` of a site control: the declared fields whose value is pinned exactly. Every other
 * declared field is a floor: where the live org is stricter, webex-iac keeps the live value and plans
 * no change. A pinned field is set to its declared value even when that weakens the org; the plan
 * flags such a change as weakening, so `plan --deny-weakening` (and the CI that runs it) refuses it
 * until someone consents (the `webex-iac:allow-weakening` label in the shipped workflow).
 */
export function exactFieldsSchema(fields: readonly [string, ...string[]]) {
  return z
    .array(z.enum(fields))
    .min(1)
    .optional()
    .describe('Declared fields (dotted names) pinned to their exact declared value, even where the live org is stricter; every other declared field is a floor.');
}

/** Each pinned field must be declared, and listed once. */
export function checkExactFields(entry: Readonly<Record<string, unknown>>, exactFields: readonly string[] | undefined, ctx: z.RefinementCtx): void {
  if (exactFields === undefined) return;
  checkNoRepeats(exactFields, ['exactFields'], ctx, 'exactFields');
  exactFields.forEach((field, index) => {
    if (valueAt(entry, field) === undefined) {
      ctx.addIssue({ code: 'custom', path: ['exactFields', index], message: `exactFields names ${field}, which this entry does not declare; pin only declared fields` });
    }
  });
}

function valueAt(entry: Readonly<Record<string, unknown>>, dotted: string): unknown {
  let node: unknown = entry;
  for (const part of dotted.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
