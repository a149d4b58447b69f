import { CLINIC, type RecordedExchange, type RunningSimulator, startSimulator } from '../../simulator';
import { call, FULL_ACCESS_TOKEN } from '../simulator/webex-call';
import { validateRequest, validateResponse } from './openapi-contract';

/**
 * Drives the simulator over HTTP through every endpoint and error path, then holds every recorded
 * exchange to Cisco's specs: each response must conform, each request the simulator served must too,
 * and each body it refused for breaking the schema must be refused by the specs as well.
 */

const COMMON_SETTINGS = '/v1/admin/meeting/config/commonSettings';
const READ_ONLY = 'read-only-token';

interface Step {
  method: string;
  path: string;
  status: number;
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  /** The request breaks Cisco's schema itself (not only a rule stated in prose). */
  schemaInvalid?: true;
}

const STEPS: Step[] = [
  { method: 'GET', path: '/v1/people/me', status: 200 },
  { method: 'GET', path: '/v1/people/me?callingData=true', status: 200 },
  { method: 'GET', path: '/v1/organizations', status: 200 },
  { method: 'GET', path: `/v1/organizations/${CLINIC.orgId}`, status: 200 },
  { method: 'GET', path: '/v1/organizations/bm8tc3VjaC1vcmc', status: 404 },
  { method: 'GET', path: '/v1/meetingPreferences/sites', status: 200 },
  { method: 'GET', path: `/v1/meetingPreferences/sites?userEmail=${CLINIC.adminEmail}&siteUrl=${CLINIC.siteUrl}`, status: 200 },
  { method: 'GET', path: '/v1/meetingPreferences/sites?userEmail=nurse@riverside-clinic.example', status: 403, token: READ_ONLY },
  { method: 'GET', path: COMMON_SETTINGS, status: 200 },
  { method: 'GET', path: `${COMMON_SETTINGS}?siteUrl=${CLINIC.siteUrl}`, status: 200 },
  { method: 'GET', path: `${COMMON_SETTINGS}?siteUrl=unknown.webex.com`, status: 404 },
  { method: 'PATCH', path: COMMON_SETTINGS, status: 200, body: { securityOptions: { joinBeforeHost: false, audioBeforeHost: false } } },
  {
    method: 'PATCH',
    path: COMMON_SETTINGS,
    status: 200,
    body: {
      siteOptions: { allowCustomPersonalRoomURL: false },
      defaultSchedulerOptions: { entryAndExitTone: 'NoTone', telephonySupport: 'WebexTeleconferencing', tollFree: false, VoIP: true },
      scheduleMeetingOptions: { emailReminders: false },
      securityOptions: {
        unlistAllMeetings: true,
        requireLoginBeforeAccess: true,
        requireStrongPassword: true,
        passwordCriteria: { mixedCase: true, minLength: 12, minNumeric: 1, minAlpha: 1, minSpecial: 1, disallowValues: ['webex'] },
      },
    },
  },
  { method: 'PATCH', path: COMMON_SETTINGS, status: 400, body: { lobby: { enabled: true } }, schemaInvalid: true },
  { method: 'PATCH', path: COMMON_SETTINGS, status: 400, body: { securityOptions: { joinBeforeHost: 'no' } }, schemaInvalid: true },
  { method: 'PATCH', path: COMMON_SETTINGS, status: 400, body: { telephonyConfig: { VoIP: false } }, schemaInvalid: true },
  { method: 'PATCH', path: COMMON_SETTINGS, status: 400, body: { defaultSchedulerOptions: { entryAndExitTone: 'Beep' } }, schemaInvalid: true },
  { method: 'PATCH', path: COMMON_SETTINGS, status: 400, body: { securityOptions: { passwordCriteria: { minLength: 13 } } } },
  { method: 'PATCH', path: COMMON_SETTINGS, status: 400, body: { securityOptions: { passwordCriteria: { disallowValues: ['a', 'a'] } } } },
  { method: 'PATCH', path: COMMON_SETTINGS, status: 400, body: { securityOptions: { joinBeforeHost: false, audioBeforeHost: true } } },
  { method: 'PATCH', path: COMMON_SETTINGS, status: 400, rawBody: '{"securityOptions":' },
  { method: 'PATCH', path: COMMON_SETTINGS, status: 403, token: READ_ONLY, body: { scheduleMeetingOptions: { emailReminders: true } } },
  { method: 'GET', path: COMMON_SETTINGS, status: 401, token: null },
  { method: 'GET', path: COMMON_SETTINGS, status: 401, token: 'revoked-token' },
  { method: 'GET', path: '/v1/meetingPreferences/lobby', status: 404 },
  { method: 'DELETE', path: COMMON_SETTINGS, status: 405 },
];

let sim: RunningSimulator;
let limited: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({
    tokens: {
      [FULL_ACCESS_TOKEN]: {},
      [READ_ONLY]: { scopes: ['spark:people_read', 'meeting:preferences_read', 'meeting:admin_config_read'] },
    },
  });
  limited = await startSimulator({ tokens: [FULL_ACCESS_TOKEN], ratePerSecond: 1 });
  for (const step of STEPS) {
    const result = await call(sim.url, step.method, step.path, { token: step.token, body: step.body, rawBody: step.rawBody });
    expect([step.method, step.path, result.status]).toEqual([step.method, step.path, step.status]);
  }
  sim.injectFault({ method: 'GET', path: COMMON_SETTINGS, status: 503, retryAfter: 2 });
  expect((await call(sim.url, 'GET', COMMON_SETTINGS)).status).toBe(503);
  const burst = await Promise.all([1, 2, 3].map(() => call(limited.url, 'GET', COMMON_SETTINGS)));
  expect(burst.map(({ status }) => status).sort()).toEqual([200, 429, 429]);
});

afterAll(async () => {
  await sim.close();
  await limited.close();
});

const exchanges = (): RecordedExchange[] => [...sim.exchanges, ...limited.exchanges];
const describeExchange = ({ method, url, status }: RecordedExchange) => `${method} ${url} → ${status}`;

test('covers every status this slice can answer', () => {
  expect(new Set(exchanges().map(({ status }) => status))).toEqual(new Set([200, 400, 401, 403, 404, 405, 429, 503]));
});

test('every response conforms to the specs', () => {
  const problems = exchanges().flatMap((exchange) => validateResponse(exchange).map((problem) => `${describeExchange(exchange)}: ${problem}`));
  expect(problems).toEqual([]);
});

test('every request the simulator served conforms to the specs', () => {
  const served = exchanges().filter(({ status }) => status < 400);
  expect(served.length).toBeGreaterThan(10);
  const problems = served.flatMap((exchange) => validateRequest(exchange).map((problem) => `${describeExchange(exchange)}: ${problem}`));
  expect(problems).toEqual([]);
});

test.each(STEPS.filter((step) => step.schemaInvalid).map((step) => [JSON.stringify(step.body), step] as const))(
  'the specs refuse %s, as the simulator did',
  (_, step) => {
    expect(validateRequest({ method: step.method, url: step.path, requestBody: step.body })).not.toEqual([]);
  },
);
