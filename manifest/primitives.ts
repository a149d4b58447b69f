import { z } from 'zod';

/**
 * Small value schemas shared by the manifest's controls. Each says what it accepts in its message, so
 * that `webex-iac plan` on a hand-written manifest names the field and the rule it broke.
 */

export const constructPath = z.string().min(1).describe('Path of the construct that declared this entry, for error messages and reports.');

/** A lower-case host name: a siteUrl or an email domain. */
export const HOST_NAME_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

export const siteUrl = z.string().regex(HOST_NAME_PATTERN, 'a host name such as example.webex.com, lower case, without scheme or path');

/** Lower case so that two spellings of one address cannot both be declared (Webex compares them case-insensitively). */
export const EMAIL_PATTERN = /^[^\sA-Z@]+@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

export const email = z.string().regex(EMAIL_PATTERN, 'an email address in lower case, e.g. dr.lee@example.org');

export const emailDomain = z.string().regex(HOST_NAME_PATTERN, 'an email domain in lower case, e.g. example.org, without @');

/** A calendar date, YYYY-MM-DD (UTC). Checked by pattern and by the calendar, so 2026-02-30 fails. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(isCalendarDate, { message: 'a date that exists in the calendar, as YYYY-MM-DD' });

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Items repeated in a list, once each, for messages. */
export function repeatedItems<T>(values: readonly T[]): T[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/** Adds an issue at `path` when `values` repeats an item. */
export function checkNoRepeats(values: readonly unknown[] | undefined, path: PropertyKey[], ctx: z.RefinementCtx, what: string): void {
  const repeated = repeatedItems(values ?? []);
  if (repeated.length > 0) ctx.addIssue({ code: 'custom', path, message: `${what} must not repeat items, repeated: ${JSON.stringify(repeated)}` });
}
