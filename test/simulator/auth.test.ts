import { CLINIC, clinicMeetingIds, ROLE_IDS, type RunningSimulator, startSimulator } from '../../simulator';
import { ALL_ROUTES } from '../../simulator/routes';
import { nthRoomId } from '../../simulator/state/messaging';
import { call, errorBody, FULL_ACCESS_TOKEN } from './webex-call';

const UNAUTHORIZED = 'The request requires a valid access token set in the Authorization request header.';
const FORBIDDEN =
  'The server understood the request, but refused to fulfill it because the access token is missing required scopes or the user is missing required roles or licenses.';

const CLINIC_IDENTITY = CLINIC.identityOrgId;
const DR_TAYLOR = CLINIC.personIds['dr.taylor'];
const PMR = {
  topic: "Dr. Ava Taylor's Personal Room",
  hostPin: '4826',
  enabledAutoLock: true,
  autoLockMinutes: 10,
  enabledNotifyHost: true,
  supportCoHost: false,
  coHosts: [],
};
const NOW = Date.parse('2026-06-01T00:00:00.000Z');
const OFFICE_HOURS = clinicMeetingIds(NOW)['admin/IT office hours']!;
const AUDIT_WINDOW = 'from=2026-01-01T00:00:00.000Z&to=2026-12-31T00:00:00.000Z';

/**
 * The scope table of simulator/README.md: each operation, the scopes any one of which grants it, and a
 * body it accepts. Every row has four cells: jest would take a missing one for `done`.
 */
const SCOPES: [method: string, path: string, scopes: string[], body: unknown][] = [
  ['GET', '/v1/people/me', ['spark:people_read'], undefined],
  ['GET', '/v1/people', ['spark-admin:people_read'], undefined],
  ['GET', `/v1/people/${DR_TAYLOR}`, ['spark-admin:people_read'], undefined],
  ['PUT', `/v1/people/${DR_TAYLOR}`, ['spark-admin:people_write'], { displayName: 'Dr. Ava Taylor', siteUrls: [`${CLINIC.siteUrl}#host`] }],
  ['GET', '/v1/roles', ['spark-admin:roles_read'], undefined],
  ['GET', `/v1/roles/${ROLE_IDS.fullAdministrator}`, ['spark-admin:roles_read'], undefined],
  ['GET', '/v1/organizations', ['spark-admin:organizations_read'], undefined],
  ['GET', `/v1/organizations/${CLINIC.orgId}`, ['spark-admin:organizations_read'], undefined],
  ['GET', '/v1/meetingPreferences/sites', ['meeting:preferences_read', 'meeting:admin_preferences_read'], undefined],
  ['PUT', '/v1/meetingPreferences/sites?defaultSite=true', ['meeting:preferences_write', 'meeting:admin_preferences_write'], { siteUrl: CLINIC.siteUrl }],
  ['GET', '/v1/meetingPreferences', ['meeting:preferences_read', 'meeting:admin_preferences_read'], undefined],
  ['GET', '/v1/meetingPreferences/personalMeetingRoom', ['meeting:preferences_read', 'meeting:admin_preferences_read'], undefined],
  ['PUT', '/v1/meetingPreferences/personalMeetingRoom', ['meeting:preferences_write', 'meeting:admin_preferences_write'], { ...PMR, topic: "Morgan Ellis's Personal Room" }],
  ['GET', '/v1/meetingPreferences/schedulingOptions', ['meeting:preferences_read', 'meeting:admin_preferences_read'], undefined],
  [
    'PUT',
    '/v1/meetingPreferences/schedulingOptions',
    ['meeting:preferences_write', 'meeting:admin_preferences_write'],
    { enabledJoinBeforeHost: false, joinBeforeHostMinutes: 0, enabledAutoShareRecording: false },
  ],
  ['GET', '/v1/admin/meeting/config/commonSettings', ['meeting:admin_config_read'], undefined],
  ['PATCH', '/v1/admin/meeting/config/commonSettings', ['meeting:admin_config_write'], { scheduleMeetingOptions: { emailReminders: true } }],
  ['GET', '/v1/admin/meeting/config/sessionTypes', ['meeting:admin_schedule_read', 'meeting:admin_config_read'], undefined],
  ['GET', '/v1/admin/meeting/userconfig/sessionTypes', ['meeting:admin_schedule_read', 'meeting:admin_config_read'], undefined],
  [
    'PUT',
    '/v1/admin/meeting/userconfig/sessionTypes',
    ['meeting:admin_schedule_write', 'meeting:admin_config_write'],
    { siteUrl: CLINIC.siteUrl, personId: DR_TAYLOR, sessionTypeIds: ['3'] },
  ],
  [
    'PATCH',
    `/identity/organizations/${CLINIC_IDENTITY}/passwordPolicy`,
    ['identity:organizations_rw'],
    {
      schemas: ['urn:cisco:codev:identity:idbroker:pwdpolicy:schemas:1.0'],
      minimumNumeric: '1',
      minimumCapAlpha: '1',
      minimumLowAlpha: '1',
      minimumSpecial: '1',
      minimumLength: '12',
      historyCount: '5',
      maxPasswordAge: '90',
    },
  ],
  [
    'PATCH',
    `/identity/organizations/${CLINIC_IDENTITY}/authenticationConfig`,
    ['identity:organizations_rw'],
    { schemas: ['urn:cisco:codev:identity:idbroker:authnconfig:schemas:1.0'], mfaEnabled: true },
  ],
  ['GET', '/v1/meetings?meetingType=scheduledMeeting', ['meeting:schedules_read', 'meeting:admin_schedule_read'], undefined],
  ['PATCH', `/v1/meetings/${OFFICE_HOURS}`, ['meeting:schedules_write', 'meeting:admin_schedule_write'], { enableAutomaticLock: true, sendEmail: false }],
  ['GET', '/v1/admin/recordings?status=purged', ['meeting:admin_recordings_read', 'spark-compliance:recordings_read'], undefined],
  ['GET', `/identity/scim/${CLINIC_IDENTITY}/v2/Users`, ['identity:people_read', 'identity:people_rw'], undefined],
  ['GET', `/v1/adminAudit/events?orgId=${CLINIC.orgId}&${AUDIT_WINDOW}`, ['audit:events_read'], undefined],
  ['GET', '/v1/adminAudit/eventCategories', ['audit:events_read'], undefined],
  [
    'GET',
    `/v1/admin/securityAudit/events?orgId=${CLINIC.orgId}&startTime=2026-01-01T00:00:00.000Z&endTime=2026-12-31T00:00:00.000Z`,
    ['audit:events_read'],
    undefined,
  ],
  // Messaging: the room comes first, so that the messages below have the first room to go to.
  ['POST', '/v1/rooms', ['spark:rooms_write'], { title: 'webex-iac' }],
  ['POST', '/v1/messages', ['spark:messages_write'], { roomId: nthRoomId(1), markdown: '**drift**' }],
  ['GET', `/v1/messages?roomId=${nthRoomId(1)}`, ['spark:messages_read'], undefined],
];
const ALL_LISTED_SCOPES = [...new Set(SCOPES.flatMap(([, , scopes]) => scopes))];
const operation = (method: string, path: string) => `${method}:${path.split('?')[0]}`;

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({
    now: NOW,
    tokens: {
      [FULL_ACCESS_TOKEN]: {},
      ...Object.fromEntries(ALL_LISTED_SCOPES.map((scope) => [`only:${scope}`, { scopes: [scope] }])),
      ...Object.fromEntries(
        SCOPES.map(([method, path, scopes]) => [
          `all-but:${operation(method, path)}`,
          { scopes: ALL_LISTED_SCOPES.filter((other) => !scopes.includes(other)) },
        ]),
      ),
    },
  });
});

afterAll(() => sim.close());

test('the scope table covers every operation the simulator serves', () => {
  const served = ALL_ROUTES.map(({ method, path }) => `${method}:${path}`).sort();
  const template = (path: string) =>
    path
      .replace(DR_TAYLOR, '{personId}')
      .replace(ROLE_IDS.fullAdministrator, '{roleId}')
      .replace(OFFICE_HOURS, '{meetingId}')
      .replace(CLINIC.orgId, '{orgId}')
      .replace(CLINIC_IDENTITY, '{orgId}');
  expect(SCOPES.map(([method, path]) => template(operation(method, path))).sort()).toEqual(served);
});

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
  test.each(SCOPES)('%s %s needs one of %j', async (method, path, scopes, body) => {
    for (const scope of scopes) {
      const granted = await call(sim.url, method, path, { token: `only:${scope}`, body });
      expect([scope, granted.status]).toEqual([scope, 200]);
    }
    const refused = await call(sim.url, method, path, { token: `all-but:${operation(method, path)}`, body });
    expect(refused.status).toBe(403);
    expect(errorBody(refused).message).toBe(FORBIDDEN);
    expect(errorBody(refused).errors).toEqual([{ description: expect.stringContaining(scopes.join(' or ')) }]);
    expect(errorBody(refused).trackingId).toBe(refused.headers.get('trackingid'));
  });

  test('a token given as a list holds every scope', async () => {
    const listed = await startSimulator({ tokens: ['listed'], now: NOW });
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
