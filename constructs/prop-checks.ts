import { IConstruct } from 'constructs';
import { EMAIL_PATTERN, HOST_NAME_PATTERN, isCalendarDate, repeatedItems } from '../manifest/primitives';
import { invalidProp, unknownProp } from './errors';

/**
 * Eager checks of construct props, shared by the controls. Each throws a ValidationError naming the
 * owner and prop, the value received and what is allowed (`<owner> <prop> must be <allowed>, received: <value>`).
 */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The props object itself, and no key outside `allowed` (a typo would leave a setting unmanaged). */
export function checkProps(owner: string, prop: string, props: unknown, allowed: readonly string[], scope: IConstruct): Record<string, unknown> {
  if (!isPlainObject(props)) throw invalidProp(owner, prop || 'props', props, 'an object', scope);
  for (const key of Object.keys(props)) {
    if (!allowed.includes(key)) throw unknownProp(owner, `${prop ? `${prop}.` : ''}${key}`, allowed, scope);
  }
  return props;
}

export function checkBoolean(owner: string, prop: string, value: unknown, scope: IConstruct): void {
  if (value !== undefined && typeof value !== 'boolean') throw invalidProp(owner, prop, value, 'true or false', scope);
}

export function checkInteger(owner: string, prop: string, value: unknown, min: number, max: number, scope: IConstruct): void {
  if (value !== undefined && !(typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)) {
    throw invalidProp(owner, prop, value, `an integer from ${min} to ${max}`, scope);
  }
}

export function checkString(owner: string, prop: string, value: unknown, scope: IConstruct): void {
  if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) throw invalidProp(owner, prop, value, 'a non-empty string', scope);
}

export function checkDate(owner: string, prop: string, value: unknown, scope: IConstruct): void {
  if (value !== undefined && !(typeof value === 'string' && isCalendarDate(value))) throw invalidProp(owner, prop, value, 'a date as YYYY-MM-DD', scope);
}

/** A list of non-empty strings without repeats; `itemRule` checks each item. */
export function checkStringList(
  owner: string,
  prop: string,
  value: unknown,
  scope: IConstruct,
  item: { readonly pattern?: RegExp; readonly describe: string; readonly nonEmpty?: boolean } = { describe: 'non-empty strings' },
): void {
  if (value === undefined) return;
  const allowed = `a list of ${item.describe}, without repeats${item.nonEmpty ? ', with at least one item' : ''}`;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '' || (item.pattern !== undefined && !item.pattern.test(v)))) {
    throw invalidProp(owner, prop, value, allowed, scope);
  }
  if ((item.nonEmpty && value.length === 0) || repeatedItems(value).length > 0) throw invalidProp(owner, prop, value, allowed, scope);
}

export const EMAILS = { pattern: EMAIL_PATTERN, describe: 'lower-case email addresses' } as const;
export const DOMAINS = { pattern: HOST_NAME_PATTERN, describe: 'lower-case email domains such as example.org' } as const;
export const SITE_URLS = { pattern: HOST_NAME_PATTERN, describe: 'siteUrls such as example.webex.com (lower case)' } as const;

/** A copy of `value` without its undefined entries. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
