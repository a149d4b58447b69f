import { CLINIC, HEALTH_SYSTEM, type RunningSimulator, startSimulator } from '../../simulator';
import { clinicSeed } from '../../simulator/seeds/clinic';
import { resolveOptions } from '../../simulator/simulator-options';
import { startServer } from '../../simulator/simulator-server';
import { SimulatorState } from '../../simulator/state/simulator-state';
import { call, errorBody, FULL_ACCESS_TOKEN } from './webex-call';

const PATH = '/v1/admin/meeting/config/commonSettings';
const BAD_REQUEST = "The request could not be understood by the server due to malformed syntax. See 'errors' for more details.";

const CLINIC_SECURITY_OPTIONS = {
  joinBeforeHost: true,
  audioBeforeHost: true,
  firstAttendeeAsPresenter: true,
  unlistAllMeetings: false,
  requireLoginBeforeAccess: false,
  allowMobileScreenCapture: true,
  requireStrongPassword: false,
  passwordCriteria: {
    mixedCase: false,
    minLength: 4,
    minNumeric: 0,
    minAlpha: 0,
    minSpecial: 0,
    disallowDynamicWebText: false,
    disallowList: false,
    disallowValues: [],
  },
};

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator({ tokens: [FULL_ACCESS_TOKEN] });
});

afterEach(() => sim.close());

const getSettings = async (query = '') => (await call(sim.url, 'GET', `${PATH}${query}`)).body as Record<string, Record<string, unknown>>;
const patch = (body: unknown, query = '') => call(sim.url, 'PATCH', `${PATH}${query}`, { body });

describe('GET', () => {
  test('returns the clinic site settings, which are not HIPAA-safe', async () => {
    const result = await call(sim.url, 'GET', `${PATH}?siteUrl=${CLINIC.siteUrl}`);
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(Object.keys(result.body as object)).toEqual([
      'siteOptions',
      'telephonyConfig',
      'defaultSchedulerOptions',
      'scheduleMeetingOptions',
      'securityOptions',
    ]);
    expect((result.body as Record<string, unknown>).securityOptions).toEqual(CLINIC_SECURITY_OPTIONS);
  });

  test("acts on the admin's default site without siteUrl", async () => {
    expect(await getSettings()).toEqual(await getSettings(`?siteUrl=${CLINIC.siteUrl}`));
  });

  test('fails with 404 for an unknown siteUrl', async () => {
    const result = await call(sim.url, 'GET', `${PATH}?siteUrl=unknown.webex.com`);
    expect(result.status).toBe(404);
    expect(errorBody(result).errors[0].description).toMatch(/unknown\.webex\.com/);
  });
});

describe('PATCH', () => {
  test('merges nested fields, answers the full settings and keeps them', async () => {
    const before = await getSettings();
    const result = await patch({ securityOptions: { joinBeforeHost: false, audioBeforeHost: false } });
    expect(result.status).toBe(200);
    const expected = {
      ...before,
      securityOptions: { ...before.securityOptions, joinBeforeHost: false, audioBeforeHost: false },
    };
    expect(result.body).toEqual(expected);
    expect(await getSettings()).toEqual(expected);
  });

  test('merges a partial passwordCriteria and replaces arrays whole', async () => {
    await patch({ securityOptions: { requireStrongPassword: true, passwordCriteria: { minLength: 12, disallowValues: ['a', 'b'] } } });
    await patch({ securityOptions: { passwordCriteria: { mixedCase: true, disallowValues: ['webex'] } } });
    expect((await getSettings()).securityOptions).toEqual({
      ...CLINIC_SECURITY_OPTIONS,
      requireStrongPassword: true,
      passwordCriteria: { ...CLINIC_SECURITY_OPTIONS.passwordCriteria, minLength: 12, mixedCase: true, disallowValues: ['webex'] },
    });
  });

  test('applies a full hardening of securityOptions', async () => {
    const hardened = {
      joinBeforeHost: false,
      audioBeforeHost: false,
      firstAttendeeAsPresenter: false,
      unlistAllMeetings: true,
      requireLoginBeforeAccess: true,
      allowMobileScreenCapture: false,
      requireStrongPassword: true,
      passwordCriteria: {
        mixedCase: true,
        minLength: 12,
        minNumeric: 1,
        minAlpha: 1,
        minSpecial: 1,
        disallowDynamicWebText: true,
        disallowList: true,
        disallowValues: ['password', 'webex'],
      },
    };
    expect((await patch({ securityOptions: hardened })).status).toBe(200);
    expect((await getSettings()).securityOptions).toEqual(hardened);
  });

  test('updates the other writable objects', async () => {
    const update = {
      siteOptions: { allowCustomPersonalRoomURL: false },
      defaultSchedulerOptions: { entryAndExitTone: 'AnnounceName', telephonySupport: 'WebexTeleconferencing', tollFree: false },
      scheduleMeetingOptions: { emailReminders: false },
    };
    const result = await patch(update);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      siteOptions: { allowCustomPersonalRoomURL: false },
      defaultSchedulerOptions: { entryAndExitTone: 'AnnounceName', tollFree: false, VoIP: true, joinTeleconfNotPress1: true },
      scheduleMeetingOptions: { emailReminders: false },
    });
  });

  test('accepts an empty object and changes nothing', async () => {
    const before = await getSettings();
    expect((await patch({})).body).toEqual(before);
  });

  test("ignores a siteUrl query parameter, which the spec does not declare, and writes the caller's default site", async () => {
    const result = await patch({ scheduleMeetingOptions: { emailReminders: false } }, '?siteUrl=unknown.webex.com');
    expect(result.status).toBe(200);
    expect((await getSettings(`?siteUrl=${CLINIC.siteUrl}`)).scheduleMeetingOptions).toEqual({ emailReminders: false });
  });

  test('fails with 400 for every problem at once', async () => {
    const result = await patch({ lobby: {}, securityOptions: { joinBeforeHost: 'no', passwordCriteria: { minLength: 99 } } });
    expect(result.status).toBe(400);
    expect(errorBody(result).errors.map(({ description }) => description)).toEqual([
      'lobby is not a known field.',
      'securityOptions.joinBeforeHost must be a boolean; received "no".',
      'securityOptions.passwordCriteria.minLength must be an integer from 0 to 12; received 99.',
    ]);
  });

  describe('fails with 400 naming the field, and changes nothing', () => {
    test.each<[string, unknown, RegExp]>([
      ['an unknown top-level object', { lobbyOptions: { enabled: true } }, /^lobbyOptions is not a known field/],
      ['an unknown nested field', { securityOptions: { lockMeetings: true } }, /^securityOptions\.lockMeetings is not a known field/],
      ['a string for a boolean', { securityOptions: { joinBeforeHost: 'false' } }, /^securityOptions\.joinBeforeHost must be a boolean/],
      ['null for an object', { securityOptions: null }, /^securityOptions must be an object/],
      ['an array for an object', { siteOptions: [] }, /^siteOptions must be an object/],
      ['read-only telephonyConfig', { telephonyConfig: { VoIP: false } }, /^telephonyConfig is read-only/],
      ...(['minLength', 'minNumeric', 'minAlpha', 'minSpecial'] as const).flatMap((field): [string, unknown, RegExp][] =>
        [13, -1, 2.5, '8'].map((value) => [
          `${field} ${JSON.stringify(value)}`,
          { securityOptions: { requireStrongPassword: true, passwordCriteria: { [field]: value } } },
          new RegExp(`^securityOptions\\.passwordCriteria\\.${field} must be an integer from 0 to 12`),
        ]),
      ),
      [
        'repeated disallowValues',
        { securityOptions: { requireStrongPassword: true, passwordCriteria: { disallowValues: ['pass', 'word', 'pass'] } } },
        /^Repeated items are not allowed in securityOptions\.passwordCriteria\.disallowValues\.$/,
      ],
      [
        'non-string disallowValues',
        { securityOptions: { requireStrongPassword: true, passwordCriteria: { disallowValues: [1] } } },
        /^securityOptions\.passwordCriteria\.disallowValues must be an array of strings/,
      ],
      [
        'audioBeforeHost on with joinBeforeHost off',
        { securityOptions: { joinBeforeHost: false, audioBeforeHost: true } },
        /^securityOptions\.audioBeforeHost can't be turned on when securityOptions\.joinBeforeHost is false/,
      ],
      [
        'joinBeforeHost off while audioBeforeHost stays on',
        { securityOptions: { joinBeforeHost: false } },
        /^securityOptions\.audioBeforeHost can't be turned on/,
      ],
      [
        'passwordCriteria while requireStrongPassword stays false',
        { securityOptions: { passwordCriteria: { minLength: 8 } } },
        /^securityOptions\.passwordCriteria cannot be specified when securityOptions\.requireStrongPassword is false/,
      ],
      [
        'passwordCriteria with requireStrongPassword false',
        { securityOptions: { requireStrongPassword: false, passwordCriteria: { minLength: 8 } } },
        /^securityOptions\.passwordCriteria cannot be specified/,
      ],
      [
        'defaultSchedulerOptions without telephonySupport (as in the spec request example)',
        { defaultSchedulerOptions: { entryAndExitTone: 'AnnounceName' } },
        /^defaultSchedulerOptions\.telephonySupport is required when defaultSchedulerOptions is sent/,
      ],
      [
        'defaultSchedulerOptions without entryAndExitTone',
        { defaultSchedulerOptions: { telephonySupport: 'None' } },
        /^defaultSchedulerOptions\.entryAndExitTone is required/,
      ],
      [
        'an entryAndExitTone outside the enum',
        { defaultSchedulerOptions: { entryAndExitTone: 'Chime', telephonySupport: 'None' } },
        /^defaultSchedulerOptions\.entryAndExitTone must be one of NoTone, Beep, AnnounceName/,
      ],
      [
        'a telephonySupport outside the enum',
        { defaultSchedulerOptions: { entryAndExitTone: 'Beep', telephonySupport: 'Teams' } },
        /^defaultSchedulerOptions\.telephonySupport must be one of None, WebexTeleconferencing, Other/,
      ],
      [
        'tollFree without WebexTeleconferencing',
        { defaultSchedulerOptions: { entryAndExitTone: 'Beep', telephonySupport: 'None', tollFree: false } },
        /^defaultSchedulerOptions\.tollFree can't be specified when telephonySupport is not WebexTeleconferencing/,
      ],
      [
        'telephonySupport Other while other teleconferencing is off',
        { defaultSchedulerOptions: { entryAndExitTone: 'Beep', telephonySupport: 'Other' } },
        /^defaultSchedulerOptions\.telephonySupport cannot be Other/,
      ],
      ['a JSON array body', [], /^The request body must be a JSON object/],
      ['a JSON null body', null, /^The request body must be a JSON object/],
    ])('%s', async (_, body, description) => {
      const before = await getSettings();
      const result = await patch(body);
      expect(result.status).toBe(400);
      expect(result.headers.get('content-type')).toBe('application/json;charset=UTF-8');
      expect(result.body).toEqual({
        message: BAD_REQUEST,
        errors: [{ description: expect.stringMatching(description) }],
        trackingId: result.headers.get('trackingid'),
      });
      expect(await getSettings()).toEqual(before);
    });
  });

  test('fails with 400 for invalid JSON and for a missing body', async () => {
    const invalid = await call(sim.url, 'PATCH', PATH, { rawBody: '{"securityOptions": {' });
    expect(invalid.status).toBe(400);
    expect(errorBody(invalid).errors[0].description).toMatch(/not valid JSON/);
    const missing = await call(sim.url, 'PATCH', PATH);
    expect(missing.status).toBe(400);
    expect(errorBody(missing).errors[0].description).toMatch(/body is required/);
  });

  test('fails with 415 for a body that is not sent as application/json', async () => {
    const result = await call(sim.url, 'PATCH', PATH, { rawBody: '{}', contentType: 'text/plain' });
    expect(result.status).toBe(415);
  });
});

describe('PATCH against what the super admin turned off', () => {
  let restricted: RunningSimulator;

  beforeAll(async () => {
    const seed = clinicSeed(Date.now());
    seed.sites[0].commonSettings.telephonyConfig = {
      allowCallIn: false,
      allowCallBack: false,
      allowOtherTeleconf: false,
      allowTollFreeCallin: false,
      allowInternationalCallin: false,
      allowInternationalCallback: false,
      VoIP: false,
    };
    restricted = await startServer(new SimulatorState(seed), resolveOptions({ tokens: [FULL_ACCESS_TOKEN] }));
  });

  afterAll(() => restricted.close());

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['WebexTeleconferencing without call-in or call-back', {}, /telephonySupport cannot be WebexTeleconferencing/],
    ['toll-free call-in', { tollFree: true }, /tollFree can't be true/],
    ['VoIP', { VoIP: true }, /VoIP can't be true/],
  ])('fails with 400 for %s', async (_, extra, description) => {
    const body = { defaultSchedulerOptions: { entryAndExitTone: 'Beep', telephonySupport: 'WebexTeleconferencing', ...extra } };
    const result = await call(restricted.url, 'PATCH', PATH, { body });
    expect(result.status).toBe(400);
    expect(errorBody(result).errors.map(({ description: text }) => text)).toContainEqual(expect.stringMatching(description));
  });

  test('accepts telephonySupport None with VoIP off', async () => {
    const body = { defaultSchedulerOptions: { entryAndExitTone: 'NoTone', telephonySupport: 'None', VoIP: false } };
    expect((await call(restricted.url, 'PATCH', PATH, { body })).status).toBe(200);
  });
});

describe('PATCH on a site that is not the default', () => {
  const FIRST = HEALTH_SYSTEM.siteUrl(1, 1);
  const SECOND = HEALTH_SYSTEM.siteUrl(1, 2);
  let fleet: RunningSimulator;

  beforeEach(async () => {
    fleet = await startSimulator({ tokens: [FULL_ACCESS_TOKEN], seed: 'health-system', size: { orgs: 1, sites: 2, users: 1 } });
  });

  afterEach(() => fleet.close());

  const reminders = async (siteUrl: string) =>
    ((await call(fleet.url, 'GET', `${PATH}?siteUrl=${siteUrl}`)).body as { scheduleMeetingOptions: { emailReminders: boolean } })
      .scheduleMeetingOptions.emailReminders;
  const makeDefault = (siteUrl: string) => call(fleet.url, 'PUT', '/v1/meetingPreferences/sites?defaultSite=true', { body: { siteUrl } });
  const turnRemindersOff = (query = '') => call(fleet.url, 'PATCH', `${PATH}${query}`, { body: { scheduleMeetingOptions: { emailReminders: false } } });

  test('naming the site with siteUrl still writes the default site, as a real server would', async () => {
    expect((await turnRemindersOff(`?siteUrl=${SECOND}`)).status).toBe(200);
    expect([await reminders(FIRST), await reminders(SECOND)]).toEqual([false, true]);
  });

  test('is reached by switching the default site, patching and switching back', async () => {
    expect((await makeDefault(SECOND)).body).toEqual({ siteUrl: SECOND, default: true });
    expect((await turnRemindersOff()).status).toBe(200);
    expect((await makeDefault(FIRST)).status).toBe(200);
    expect([await reminders(FIRST), await reminders(SECOND)]).toEqual([true, false]);
    expect((await call(fleet.url, 'GET', '/v1/meetingPreferences/sites')).body).toMatchObject({
      sites: expect.arrayContaining([{ siteUrl: FIRST, default: true }, { siteUrl: SECOND, default: false }]),
    });
  });
});

describe('PATCH with ?siteUrl= under the "honoured" reading (patchSiteUrl option)', () => {
  const FIRST = HEALTH_SYSTEM.siteUrl(1, 1);
  const SECOND = HEALTH_SYSTEM.siteUrl(1, 2);
  let fleet: RunningSimulator;

  beforeEach(async () => {
    fleet = await startSimulator({ tokens: [FULL_ACCESS_TOKEN], seed: 'health-system', size: { orgs: 1, sites: 2, users: 1 }, patchSiteUrl: 'honoured' });
  });

  afterEach(() => fleet.close());

  const reminders = async (siteUrl: string) =>
    ((await call(fleet.url, 'GET', `${PATH}?siteUrl=${siteUrl}`)).body as { scheduleMeetingOptions: { emailReminders: boolean } })
      .scheduleMeetingOptions.emailReminders;
  const turnRemindersOff = (query = '') => call(fleet.url, 'PATCH', `${PATH}${query}`, { body: { scheduleMeetingOptions: { emailReminders: false } } });

  test('writes the named site, whatever the default site', async () => {
    expect((await turnRemindersOff(`?siteUrl=${SECOND}`)).status).toBe(200);
    expect([await reminders(FIRST), await reminders(SECOND)]).toEqual([true, false]);
  });

  test('without siteUrl writes the default site', async () => {
    expect((await turnRemindersOff()).status).toBe(200);
    expect([await reminders(FIRST), await reminders(SECOND)]).toEqual([false, true]);
  });

  test('an unknown site is 404 and changes nothing', async () => {
    const result = await turnRemindersOff('?siteUrl=elsewhere.webex.com');
    expect(result.status).toBe(404);
    expect([await reminders(FIRST), await reminders(SECOND)]).toEqual([true, true]);
  });
});
