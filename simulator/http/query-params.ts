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
