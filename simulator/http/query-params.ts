import { badRequest } from './webex-error';

/** A boolean query parameter: absent, or exactly `true` / `false` as Webex accepts them. */
export function booleanParam(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null) {
    return undefined;
  }
  if (value === 'true' || value === 'false') {
    return value === 'true';
  }
  throw badRequest([`Query parameter ${name} must be true or false; received ${JSON.stringify(value)}.`]);
}

/** A string query parameter; an empty value counts as absent. */
export function stringParam(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}

/** An ISO 8601 time parameter as epoch milliseconds; 400 when it is not one. */
export function timeParam(query: URLSearchParams, name: string): number | undefined {
  const raw = stringParam(query, name);
  if (raw === undefined) return undefined;
  const time = Date.parse(raw);
  if (!Number.isFinite(time)) throw badRequest([`${name} must be a date and time in ISO 8601 format; received ${JSON.stringify(raw)}.`]);
  return time;
}
