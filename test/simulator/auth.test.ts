import { type RunningSimulator, startSimulator } from '../../simulator';
import { call, errorBody, FULL_ACCESS_TOKEN } from './webex-call';

const UNAUTHORIZED = 'The request requires a valid access token set in the Authorization request header.';
const FORBIDDEN =
  'The server understood the request, but refused to fulfill it because the access token is missing required scopes or the user is missing required roles or licenses.';

/** The scope table of simulator/README.md. Every row has four cells: jest would take a missing one for `done`. */
const SCOPES: [method: string, path: string, scope: string, body: unknown][] = [
  ['GET', '/v1/people/me', 'spark:people_read', undefined],
  ['GET', '/v1/organizations', 'spark-admin:organizations_read', undefined],
  ['GET', '/v1/meetingPreferences/sites', 'meeting:preferences_read', undefined],
  ['GET', '/v1/admin/meeting/config/commonSettings', 'meeting:admin_config_read', undefined],
  ['PATCH', '/v1/admin/meeting/config/commonSettings', 'meeting:admin_config_write', { scheduleMeetingOptions: { emailReminders: true } }],
];
const ALL_LISTED_SCOPES = SCOPES.map(([, , scope]) => scope);

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({
    tokens: {
      [FULL_ACCESS_TOKEN]: {},
      ...Object.fromEntries(SCOPES.map(([, , scope]) => [`only:${scope}`, { scopes: [scope] }])),
      ...Object.fromEntries(
        SCOPES.map(([, , scope]) => [`all-but:${scope}`, { scopes: ALL_LISTED_SCOPES.filter((other) => other !== scope) }]),
      ),
    },
  });
});

afterAll(() => sim.close());

describe('401 without a valid token', () => {
  test.each([
    ['no Authorization header', {}],
    ['an unknown token', { Authorization: 'Bearer not-a-token' }],
    ['another scheme', { Authorization: `Basic ${FULL_ACCESS_TOKEN}` }],
    ['a bare token', { Authorization: FULL_ACCESS_TOKEN }],
  ])('fails with %s', async (_, headers) => {
    const result = await call(sim.url, 'GET', '/v1/people/me', { token: null, headers });
    expect(result.status).toBe(401);
    expect(result.headers.get('content-type')).toBe('application/json');
    const trackingId = result.headers.get('trackingid');
    expect(trackingId).toMatch(/^SIMULATOR_\d+$/);
    expect(result.body).toEqual({ message: UNAUTHORIZED, errors: [{ description: UNAUTHORIZED }], trackingId });
  });

  test('takes precedence over an unknown path', async () => {
    expect((await call(sim.url, 'GET', '/v1/no-such-thing', { token: null })).status).toBe(401);
  });

  test('accepts the scheme in any case', async () => {
    const result = await call(sim.url, 'GET', '/v1/people/me', { token: null, headers: { Authorization: `bearer ${FULL_ACCESS_TOKEN}` } });
    expect(result.status).toBe(200);
  });
});

describe('403 for a token missing the scope', () => {
  test.each(SCOPES)('%s %s needs %s', async (method, path, scope, body) => {
    const granted = await call(sim.url, method, path, { token: `only:${scope}`, body });
    expect(granted.status).toBe(200);
    const refused = await call(sim.url, method, path, { token: `all-but:${scope}`, body });
    expect(refused.status).toBe(403);
    expect(errorBody(refused).message).toBe(FORBIDDEN);
    expect(errorBody(refused).errors).toEqual([{ description: expect.stringContaining(scope) }]);
    expect(errorBody(refused).trackingId).toBe(refused.headers.get('trackingid'));
  });

  test('a token given as a list holds every scope', async () => {
    const listed = await startSimulator({ tokens: ['listed'] });
    try {
      for (const [method, path, , body] of SCOPES) {
        expect((await call(listed.url, method, path, { token: 'listed', body })).status).toBe(200);
      }
    } finally {
      await listed.close();
    }
  });
});

describe('TrackingID', () => {
  test('is echoed from the request on success', async () => {
    const result = await call(sim.url, 'GET', '/v1/organizations', { headers: { TrackingID: 'WEBEX_IAC_abc-123' } });
    expect(result.status).toBe(200);
    expect(result.headers.get('trackingid')).toBe('WEBEX_IAC_abc-123');
  });

  test('is echoed in the header and body of an error', async () => {
    const result = await call(sim.url, 'GET', '/v1/organizations', { token: 'nope', headers: { TrackingID: 'WEBEX_IAC_def-456' } });
    expect(result.status).toBe(401);
    expect(result.headers.get('trackingid')).toBe('WEBEX_IAC_def-456');
    expect(errorBody(result).trackingId).toBe('WEBEX_IAC_def-456');
  });

  test('is issued, unique per request, when the request brings none', async () => {
    const first = await call(sim.url, 'GET', '/v1/people/me');
    const second = await call(sim.url, 'GET', '/v1/people/me');
    expect(first.headers.get('trackingid')).toMatch(/^SIMULATOR_\d+$/);
    expect(second.headers.get('trackingid')).not.toBe(first.headers.get('trackingid'));
  });
});
