import { CLINIC, HEALTH_SYSTEM, type RunningSimulator, startSimulator } from '../../simulator';
import { call, type CallResult, errorBody, FULL_ACCESS_TOKEN } from './webex-call';

const SITES = '/v1/meetingPreferences/sites';
const PMR = '/v1/meetingPreferences/personalMeetingRoom';
const SCHEDULING = '/v1/meetingPreferences/schedulingOptions';
const OWN_PREFERENCES = 'own-preferences-only';
const READ_ONLY_FIELDS = ['personalMeetingRoomLink', 'sipAddress', 'dialInIpAddress', 'telephony'];
const ALL_SCOPES_BUT_ADMIN = { scopes: ['meeting:preferences_read', 'meeting:preferences_write'] };

const userQuery = (local: string) => `?userEmail=${local}@riverside-clinic.example&siteUrl=${CLINIC.siteUrl}`;
const descriptions = (result: CallResult) => errorBody(result).errors.map(({ description }) => description);

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator({ tokens: { [FULL_ACCESS_TOKEN]: {}, [OWN_PREFERENCES]: ALL_SCOPES_BUT_ADMIN } });
});

afterEach(() => sim.close());

/** The PUT body a client builds from a GET: every field but the read-only ones. */
function updateBody(room: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(room).filter(([name]) => !READ_ONLY_FIELDS.includes(name)));
}

const getRoom = async (local: string) => (await call(sim.url, 'GET', `${PMR}${userQuery(local)}`)).body as Record<string, unknown>;
const putRoom = (local: string, body: unknown) => call(sim.url, 'PUT', `${PMR}${userQuery(local)}`, { body });
const getScheduling = async (local: string) => (await call(sim.url, 'GET', `${SCHEDULING}${userQuery(local)}`)).body as Record<string, unknown>;
const putScheduling = (local: string, body: unknown) => call(sim.url, 'PUT', `${SCHEDULING}${userQuery(local)}`, { body });

describe('PUT /v1/meetingPreferences/sites?defaultSite=true', () => {
  test("sets the caller's default site and answers the SiteObject", async () => {
    const result = await call(sim.url, 'PUT', `${SITES}?defaultSite=true`, { body: { siteUrl: CLINIC.siteUrl.toUpperCase() } });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(result.body).toEqual({ siteUrl: CLINIC.siteUrl, default: true });
  });

  test.each<[string, string, unknown, number, RegExp]>([
    ['without defaultSite', '', { siteUrl: CLINIC.siteUrl }, 400, /defaultSite is required/],
    ['with defaultSite=false', '?defaultSite=false', { siteUrl: CLINIC.siteUrl }, 400, /defaultSite must be true/],
    ['with a defaultSite that is not a boolean', '?defaultSite=yes', { siteUrl: CLINIC.siteUrl }, 400, /defaultSite must be true or false/],
    ['without a body', '?defaultSite=true', undefined, 400, /body is required/],
    ['without siteUrl', '?defaultSite=true', {}, 400, /^siteUrl is required\.$/],
    ['with an unknown site', '?defaultSite=true', { siteUrl: 'elsewhere.webex.com' }, 404, /elsewhere\.webex\.com is not a site of user admin@riverside-clinic\.example/],
    ['for an unknown user', `?defaultSite=true&userEmail=nobody@riverside-clinic.example`, { siteUrl: CLINIC.siteUrl }, 404, /nobody@/],
  ])('fails %s', async (_, query, body, status, description) => {
    const result = await call(sim.url, 'PUT', `${SITES}${query}`, { body });
    expect(result.status).toBe(status);
    expect(descriptions(result)).toContainEqual(expect.stringMatching(description));
  });

  test("needs meeting:admin_preferences_write for another user's default site", async () => {
    const query = `?defaultSite=true&userEmail=dr.lee@riverside-clinic.example`;
    const refused = await call(sim.url, 'PUT', `${SITES}${query}`, { token: OWN_PREFERENCES, body: { siteUrl: CLINIC.siteUrl } });
    expect(refused.status).toBe(403);
    expect(descriptions(refused)).toEqual(["Not permitted to view or change other user's preferences."]);
    const own = await call(sim.url, 'PUT', `${SITES}?defaultSite=true&userEmail=${CLINIC.adminEmail}`, {
      token: OWN_PREFERENCES,
      body: { siteUrl: CLINIC.siteUrl },
    });
    expect(own.status).toBe(200);
  });
});

describe('sites across a fleet', () => {
  let fleet: RunningSimulator;
  const USER = 'user00001@org1.example';

  beforeEach(async () => {
    fleet = await startSimulator({ tokens: [FULL_ACCESS_TOKEN], seed: 'health-system', size: { orgs: 2, sites: 2, users: 3 } });
  });

  afterEach(() => fleet.close());

  test("lists every site of every org for the fleet admin, and one org's sites for a user of it", async () => {
    expect((await call(fleet.url, 'GET', SITES)).body).toEqual({
      sites: [
        { siteUrl: 'hs1-site1.webex.com', default: true },
        { siteUrl: 'hs1-site2.webex.com', default: false },
        { siteUrl: 'hs2-site1.webex.com', default: false },
        { siteUrl: 'hs2-site2.webex.com', default: false },
      ],
    });
    expect((await call(fleet.url, 'GET', `${SITES}?userEmail=admin@org2.example`)).body).toEqual({
      sites: [
        { siteUrl: 'hs2-site1.webex.com', default: true },
        { siteUrl: 'hs2-site2.webex.com', default: false },
      ],
    });
  });

  test("changes another user's default site, only to one of their sites", async () => {
    const moved = await call(fleet.url, 'PUT', `${SITES}?defaultSite=true&userEmail=${USER}`, { body: { siteUrl: HEALTH_SYSTEM.siteUrl(1, 2) } });
    expect(moved.status).toBe(200);
    expect((await call(fleet.url, 'GET', `${SITES}?userEmail=${USER}`)).body).toEqual({
      sites: [
        { siteUrl: 'hs1-site1.webex.com', default: false },
        { siteUrl: 'hs1-site2.webex.com', default: true },
      ],
    });
    const foreign = await call(fleet.url, 'PUT', `${SITES}?defaultSite=true&userEmail=${USER}`, { body: { siteUrl: HEALTH_SYSTEM.siteUrl(2, 1) } });
    expect(foreign.status).toBe(404);
  });

  test('fails with 404 for a user looked up on a site of another org', async () => {
    expect((await call(fleet.url, 'GET', `${SITES}?userEmail=${USER}&siteUrl=${HEALTH_SYSTEM.siteUrl(2, 1)}`)).status).toBe(404);
  });
});

describe('personal meeting room', () => {
  test("GET answers a host's room on the site, with its fixed addresses", async () => {
    const result = await call(sim.url, 'GET', `${PMR}${userQuery('dr.lee')}`);
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(result.body).toEqual({
      topic: "Dr. Hannah Lee's Personal Room",
      hostPin: expect.stringMatching(/^\d{4}$/),
      enabledAutoLock: false,
      autoLockMinutes: 0,
      enabledNotifyHost: false,
      supportCoHost: false,
      supportAnyoneAsCoHost: false,
      allowFirstUserToBeCoHost: false,
      allowAuthenticatedDevices: true,
      coHosts: [],
      personalMeetingRoomLink: 'https://riverside-clinic.webex.com/meet/dr.lee',
      sipAddress: 'dr.lee@riverside-clinic.webex.com',
      dialInIpAddress: '192.0.2.10',
      telephony: {
        accessCode: expect.stringMatching(/^\d{10}$/),
        callInNumbers: [
          { label: 'US Toll', callInNumber: '+1-415-555-0100', tollType: 'toll' },
          { label: 'US Toll Free', callInNumber: '+1-866-555-0100', tollType: 'tollFree' },
        ],
      },
    });
  });

  test("acts on the caller's own room, on the caller's default site, without parameters", async () => {
    const own = await call(sim.url, 'GET', PMR, { token: OWN_PREFERENCES });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ topic: "Morgan Ellis's Personal Room", personalMeetingRoomLink: 'https://riverside-clinic.webex.com/meet/admin' });
  });

  test.each<[string, string, string | undefined, number]>([
    ['an attendee', userQuery('nurse.adams'), undefined, 404],
    ['an unknown user', userQuery('nobody'), undefined, 404],
    ['an unknown site', '?userEmail=dr.lee@riverside-clinic.example&siteUrl=elsewhere.webex.com', undefined, 404],
    ['another user without meeting:admin_preferences_read', userQuery('dr.lee'), OWN_PREFERENCES, 403],
  ])('GET fails for %s', async (_, query, token, status) => {
    expect((await call(sim.url, 'GET', `${PMR}${query}`, { token })).status).toBe(status);
  });

  test('PUT takes the full body round-tripped from GET, and reads back what it answered', async () => {
    const before = await getRoom('dr.lee');
    const result = await putRoom('dr.lee', { ...updateBody(before), enabledAutoLock: true, autoLockMinutes: 5, enabledNotifyHost: true });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ ...before, enabledAutoLock: true, autoLockMinutes: 5, enabledNotifyHost: true });
    expect(await getRoom('dr.lee')).toEqual(result.body);
    expect(await getRoom('dr.garcia')).toMatchObject({ enabledAutoLock: false });
  });

  test('PUT resets the optional co-host and device options left out to false, and stores co-hosts', async () => {
    const { supportAnyoneAsCoHost: _a, allowFirstUserToBeCoHost: _b, allowAuthenticatedDevices: _c, ...required } = updateBody(await getRoom('dr.kim'));
    const coHosts = [{ email: 'dr.lee@riverside-clinic.example', displayName: 'Dr. Hannah Lee' }];
    const result = await putRoom('dr.kim', { ...required, supportCoHost: true, coHosts });
    expect(result.status).toBe(200);
    expect(await getRoom('dr.kim')).toMatchObject({
      supportCoHost: true,
      supportAnyoneAsCoHost: false,
      allowFirstUserToBeCoHost: false,
      allowAuthenticatedDevices: false,
      coHosts,
    });
  });

  describe('PUT fails with 400 naming the field, and changes nothing', () => {
    const required = ['topic', 'hostPin', 'enabledAutoLock', 'autoLockMinutes', 'enabledNotifyHost', 'supportCoHost', 'coHosts'];
    test.each<[string, (body: Record<string, unknown>) => unknown, RegExp]>([
      ...required.map((field): [string, (body: Record<string, unknown>) => unknown, RegExp] => [
        `without ${field}`,
        (body) => Object.fromEntries(Object.entries(body).filter(([name]) => name !== field)),
        new RegExp(`^${field} is required\\.$`),
      ]),
      ...[7, 30, '10'].map((minutes): [string, (body: Record<string, unknown>) => unknown, RegExp] => [
        `autoLockMinutes ${JSON.stringify(minutes)}`,
        (body) => ({ ...body, autoLockMinutes: minutes }),
        /^autoLockMinutes must be one of 0, 5, 10, 15, 20/,
      ]),
      ...['1234', '4321', '1111', '12a4', '48261', 4826].map((pin): [string, (body: Record<string, unknown>) => unknown, RegExp] => [
        `hostPin ${JSON.stringify(pin)}`,
        (body) => ({ ...body, hostPin: pin }),
        typeof pin === 'number' ? /^hostPin must be a string/ : /^hostPin must be 4 digits/,
      ]),
      ['an empty topic', (body) => ({ ...body, topic: '' }), /^topic must not be empty/],
      ['a topic of 129 characters', (body) => ({ ...body, topic: 'x'.repeat(129) }), /^topic must be at most 128 characters/],
      ...READ_ONLY_FIELDS.map((field): [string, (body: Record<string, unknown>) => unknown, RegExp] => [
        `read-only ${field}`,
        (body) => ({ ...body, [field]: 'x' }),
        new RegExp(`^${field} is read-only`),
      ]),
      ['an unknown field', (body) => ({ ...body, lobby: true }), /^lobby is not a known field/],
      ['a co-host without displayName', (body) => ({ ...body, coHosts: [{ email: 'a@b.example' }] }), /^coHosts\[0\]\.displayName is required/],
      ['a co-host email that is not one', (body) => ({ ...body, coHosts: [{ email: 'nobody', displayName: 'N' }] }), /^coHosts\[0\]\.email must be an email address/],
      [
        'co-hosts while anyone may become co-host',
        (body) => ({ ...body, supportAnyoneAsCoHost: true, coHosts: [{ email: 'a@b.example', displayName: 'A' }] }),
        /^coHosts can only be listed when supportAnyoneAsCoHost and allowFirstUserToBeCoHost are both false/,
      ],
    ])('%s', async (_, change, description) => {
      const before = await getRoom('dr.moore');
      const result = await putRoom('dr.moore', change(updateBody(before)));
      expect(result.status).toBe(400);
      expect(descriptions(result)).toContainEqual(expect.stringMatching(description));
      expect(await getRoom('dr.moore')).toEqual(before);
    });
  });

  test("PUT needs meeting:admin_preferences_write for another user's room, and 404s for an attendee", async () => {
    const body = updateBody(await getRoom('dr.lee'));
    expect((await call(sim.url, 'PUT', `${PMR}${userQuery('dr.lee')}`, { token: OWN_PREFERENCES, body })).status).toBe(403);
    expect((await putRoom('nurse.adams', body)).status).toBe(404);
  });
});

describe('scheduling options', () => {
  test("GET answers a host's options", async () => {
    expect(await getScheduling('dr.patel')).toEqual({
      enabledJoinBeforeHost: true,
      joinBeforeHostMinutes: 10,
      enabledAutoShareRecording: false,
      enabledWebexAssistantByDefault: false,
      delegateEmails: [],
    });
    expect((await call(sim.url, 'GET', `${SCHEDULING}${userQuery('billing')}`)).status).toBe(404);
  });

  test('PUT replaces the options and reads back what it answered', async () => {
    const body = { enabledJoinBeforeHost: false, joinBeforeHostMinutes: 0, enabledAutoShareRecording: false, delegateEmails: ['dr.smith@riverside-clinic.example'] };
    const result = await putScheduling('dr.patel', body);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ ...body, enabledWebexAssistantByDefault: false });
    expect(await getScheduling('dr.patel')).toEqual(result.body);
  });

  test('PUT keeps delegates left out or null, clears them with [], and resets the assistant left out', async () => {
    const base = { enabledJoinBeforeHost: false, joinBeforeHostMinutes: 0, enabledAutoShareRecording: true };
    await putScheduling('dr.smith', { ...base, enabledWebexAssistantByDefault: true, delegateEmails: ['dr.lee@riverside-clinic.example'] });
    expect((await putScheduling('dr.smith', base)).body).toMatchObject({ delegateEmails: ['dr.lee@riverside-clinic.example'], enabledWebexAssistantByDefault: false });
    expect((await putScheduling('dr.smith', { ...base, delegateEmails: null })).body).toMatchObject({ delegateEmails: ['dr.lee@riverside-clinic.example'] });
    expect((await putScheduling('dr.smith', { ...base, delegateEmails: [] })).body).toMatchObject({ delegateEmails: [] });
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['without enabledAutoShareRecording', { enabledJoinBeforeHost: false, joinBeforeHostMinutes: 0 }, /^enabledAutoShareRecording is required\.$/],
    ['without joinBeforeHostMinutes', { enabledJoinBeforeHost: false, enabledAutoShareRecording: false }, /^joinBeforeHostMinutes is required\.$/],
    [
      'joinBeforeHostMinutes 20',
      { enabledJoinBeforeHost: true, joinBeforeHostMinutes: 20, enabledAutoShareRecording: false },
      /^joinBeforeHostMinutes must be one of 0, 5, 10, 15/,
    ],
    [
      "delegates comma-joined in one item, as the spec's example has them",
      { enabledJoinBeforeHost: false, joinBeforeHostMinutes: 0, enabledAutoShareRecording: false, delegateEmails: ['a@b.example, c@d.example'] },
      /^delegateEmails must hold one email address per item/,
    ],
  ])('PUT fails with 400 %s, and changes nothing', async (_, body, description) => {
    const before = await getScheduling('dr.wilson');
    const result = await putScheduling('dr.wilson', body);
    expect(result.status).toBe(400);
    expect(descriptions(result)).toContainEqual(expect.stringMatching(description));
    expect(await getScheduling('dr.wilson')).toEqual(before);
  });
});

describe('meeting preference details (GET /v1/meetingPreferences)', () => {
  const PREFERENCES = '/v1/meetingPreferences';
  const getPreferences = (query: string, token?: string) => call(sim.url, 'GET', `${PREFERENCES}${query}`, { token });

  test("answers a host's personal room and scheduling options as their own endpoints do, with audio, video and sites", async () => {
    await putScheduling('dr.patel', { enabledJoinBeforeHost: true, joinBeforeHostMinutes: 5, enabledAutoShareRecording: true, enabledWebexAssistantByDefault: true });
    const result = await getPreferences(userQuery('dr.patel'));
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    const body = result.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['audio', 'personalMeetingRoom', 'schedulingOptions', 'sites', 'video']);
    expect(body.personalMeetingRoom).toEqual(await getRoom('dr.patel'));
    expect(body.schedulingOptions).toEqual(await getScheduling('dr.patel'));
    expect(body.schedulingOptions).toMatchObject({ enabledAutoShareRecording: true, enabledWebexAssistantByDefault: true, joinBeforeHostMinutes: 5 });
    expect(body.sites).toEqual([{ siteUrl: CLINIC.siteUrl, default: true }]);
    expect(body.audio).toMatchObject({ defaultAudioType: 'webexAudio', audioPin: expect.stringMatching(/^\d{4}$/), officeNumber: expect.any(Object), mobileNumber: expect.any(Object) });
    expect(body.video).toEqual({ videoDevices: [] });
  });

  test('a PUT to the personal room shows in the next read', async () => {
    const before = await getRoom('dr.lee');
    await putRoom('dr.lee', { ...updateBody(before), enabledAutoLock: true, autoLockMinutes: 5 });
    expect(((await getPreferences(userQuery('dr.lee'))).body as { personalMeetingRoom: unknown }).personalMeetingRoom).toMatchObject({ enabledAutoLock: true, autoLockMinutes: 5, hostPin: before.hostPin });
  });

  test("acts on the caller's own preferences without parameters", async () => {
    const own = await getPreferences('', OWN_PREFERENCES);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ personalMeetingRoom: { topic: "Morgan Ellis's Personal Room" } });
  });

  test.each<[string, string, string | undefined, number]>([
    ['an attendee', userQuery('nurse.adams'), undefined, 404],
    ['an unknown user', userQuery('nobody'), undefined, 404],
    ['an unknown site', '?userEmail=dr.lee@riverside-clinic.example&siteUrl=elsewhere.webex.com', undefined, 404],
    ['another user without meeting:admin_preferences_read', userQuery('dr.lee'), OWN_PREFERENCES, 403],
  ])('fails for %s', async (_, query, token, status) => {
    expect((await getPreferences(query, token)).status).toBe(status);
  });
});
