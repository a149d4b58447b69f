import { CLINIC, type RunningSimulator, startSimulator } from '../../simulator';
import { call, errorBody, FULL_ACCESS_TOKEN } from './webex-call';

const FULL_ADMINISTRATOR_ROLE_ID = 'Y2lzY29zcGFyazovL3VzL1JPTEUvOTZhYmMyYWEtM2RjYy0xMWU1LWExNTItZmUzNDgxOWNkYzlh';
const PREFERENCES_ONLY = 'preferences-only';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({
    tokens: {
      [FULL_ACCESS_TOKEN]: {},
      [PREFERENCES_ONLY]: { scopes: ['meeting:preferences_read'] },
    },
  });
});

afterAll(() => sim.close());

describe('GET /v1/people/me', () => {
  test('returns the clinic admin as a Full Administrator, with the spec string booleans', async () => {
    const result = await call(sim.url, 'GET', '/v1/people/me');
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/json');
    expect(result.body).toMatchObject({
      id: CLINIC.adminPersonId,
      emails: [CLINIC.adminEmail],
      orgId: CLINIC.orgId,
      roles: [FULL_ADMINISTRATOR_ROLE_ID],
      siteUrls: [`${CLINIC.siteUrl}#host`],
      loginEnabled: 'true',
      invitePending: 'false',
      type: 'person',
    });
  });

  test('fails with 400 for a callingData that is not true or false', async () => {
    const result = await call(sim.url, 'GET', '/v1/people/me?callingData=yes');
    expect(result.status).toBe(400);
    expect(errorBody(result).errors[0].description).toMatch(/callingData/);
  });
});

describe('GET /v1/organizations', () => {
  test('lists the clinic org', async () => {
    const result = await call(sim.url, 'GET', '/v1/organizations');
    expect(result.body).toEqual({
      items: [{ id: CLINIC.orgId, displayName: 'Riverside Family Clinic', created: '2021-03-15T16:02:11+00:00' }],
    });
  });

  test('ignores max, as the list is not paginated', async () => {
    const result = await call(sim.url, 'GET', '/v1/organizations?max=1');
    expect(result.status).toBe(200);
    expect(result.headers.get('link')).toBeNull();
  });

  test('returns one org by id', async () => {
    const result = await call(sim.url, 'GET', `/v1/organizations/${CLINIC.orgId}`);
    expect(result.body).toEqual({ id: CLINIC.orgId, displayName: 'Riverside Family Clinic', created: '2021-03-15T16:02:11+00:00' });
  });

  test('fails with 404 for an unknown org id', async () => {
    const result = await call(sim.url, 'GET', '/v1/organizations/bm8tc3VjaC1vcmc');
    expect(result.status).toBe(404);
    expect(errorBody(result).errors[0].description).toMatch(/bm8tc3VjaC1vcmc/);
  });
});

describe('GET /v1/meetingPreferences/sites', () => {
  test('lists the clinic site as the default, as the meeting spec content type', async () => {
    const result = await call(sim.url, 'GET', '/v1/meetingPreferences/sites');
    expect(result.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(result.body).toEqual({ sites: [{ siteUrl: CLINIC.siteUrl, default: true }] });
  });

  test('accepts the caller naming themself with userEmail, without admin scopes', async () => {
    const result = await call(sim.url, 'GET', `/v1/meetingPreferences/sites?userEmail=${CLINIC.adminEmail.toUpperCase()}`, {
      token: PREFERENCES_ONLY,
    });
    expect(result.body).toEqual({ sites: [{ siteUrl: CLINIC.siteUrl, default: true }] });
  });

  test("fails with 403 for another user's email without meeting:admin_preferences_read", async () => {
    const result = await call(sim.url, 'GET', '/v1/meetingPreferences/sites?userEmail=nurse@riverside-clinic.example', {
      token: PREFERENCES_ONLY,
    });
    expect(result.status).toBe(403);
    expect(errorBody(result).errors).toEqual([{ description: "Not permitted to view or change other user's preferences." }]);
  });

  test('fails with 404 for an unknown user email, for an admin', async () => {
    const result = await call(sim.url, 'GET', '/v1/meetingPreferences/sites?userEmail=nurse@riverside-clinic.example');
    expect(result.status).toBe(404);
  });

  test('fails with 404 for an unknown siteUrl', async () => {
    const result = await call(sim.url, 'GET', '/v1/meetingPreferences/sites?siteUrl=elsewhere.webex.com');
    expect(result.status).toBe(404);
    expect(errorBody(result).errors[0].description).toMatch(/elsewhere\.webex\.com/);
  });
});

describe('routing', () => {
  test.each(['/v1/no-such-thing', '/v1/people/me/extra', '/people/me', '/v1/organizations/', '//evil.example/v1/people/me'])(
    'fails with 404 and a Webex error body for %s',
    async (path) => {
      const result = await call(sim.url, 'GET', path);
      expect(result.status).toBe(404);
      expect(result.body).toEqual({
        message: 'The requested resource could not be found.',
        errors: [{ description: expect.any(String) }],
        trackingId: result.headers.get('trackingid'),
      });
    },
  );

  test('fails with 405 and Allow for a known path and an unknown method', async () => {
    const result = await call(sim.url, 'DELETE', '/v1/admin/meeting/config/commonSettings');
    expect(result.status).toBe(405);
    expect(result.headers.get('allow')).toBe('GET, PATCH');
    expect(errorBody(result).errors[0].description).toMatch(/DELETE/);
  });
});
