import { booleanParam } from '../http/query-params';
import type { Route } from '../http/route';

/** GET /v1/people/me: the caller's own Person. */
export const getMyOwnDetails: Route = {
  method: 'GET',
  path: '/v1/people/me',
  scopes: ['spark:people_read'],
  contentType: 'application/json',
  handle({ caller, url }) {
    // Declared by the spec; the seeded people have no Webex Calling data to add.
    booleanParam(url.searchParams, 'callingData');
    return { status: 200, body: caller.record.person };
  },
};
