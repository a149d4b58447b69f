import { z } from 'zod';

/**
 * A field Cisco's spec does not require. Webex leaves such fields out or sends them as `null`; both
 * read as absent (null is normalized away), so a `null` neither aborts a read nor reaches a decision as
 * a value. The field's type is still checked: a wrong type is an error, not an absence.
 */
export function optional<T extends z.ZodType>(schema: T) {
  // The outer .optional() keeps the key optional in the output type too.
  return schema.nullish().transform((value): z.output<T> | undefined => value ?? undefined).optional();
}

/**
 * An id the spec types loosely (Webex has sent some ids as numbers): a string or a finite number, read
 * as its string form.
 */
export const looseId = z.union([z.string(), z.number().finite()]).transform((value) => String(value));
