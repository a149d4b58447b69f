import { CLINIC, clinicMeetingIds, HEALTH_SYSTEM, type RunningSimulator, SESSION_TYPE_IDS, startSimulator } from '../../simulator';
import { ALL_ROUTES } from '../../simulator/routes';
import { call, type CallResult, errorBody, FULL_ACCESS_TOKEN } from './webex-call';

const NOW = Date.parse('2026-05-04T12:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const ADMIN_EVENTS = '/v1/adminAudit/events';
const SECURITY_EVENTS = '/v1/admin/securityAudit/events';
const iso = (time: number) => new Date(time).toISOString();
const WINDOW = `orgId=${CLINIC.orgId}&from=${iso(NOW - DAY_MS)}&to=${iso(NOW + DAY_MS)}`;
const REMINDERS_OFF = { scheduleMeetingOptions: { emailReminders: false } };

interface AuditEvent {
  id: string;
  created: string;
  actorId: string;
  actorOrgId: string;
  data: Record<string, unknown> & { eventCategory: string; targetId: string; trackingId: string };
}

/** One successful write on every write operation the simulator serves, with what its audit event names. */
const WRITES: { method: string; path: string; template: string; body: unknown; category: string; targetType: string; targetId: string }[] = [
  {
    method: 'PUT',
    path: `/v1/people/${CLINIC.personIds['former.contractor']}`,
    template: '/v1/people/{personId}',
    body: { emails: ['former.contractor@riverside-clinic.example'], displayName: 'Casey Morgan', siteUrls: [`${CLINIC.siteUrl}#attendee`], roles: [] },
    category: 'USERS',
    targetType: 'USER',
    targetId: CLINIC.personIds['former.contractor'],
  },
  {
    method: 'PUT',
    path: '/v1/meetingPreferences/sites?defaultSite=true',
    template: '/v1/meetingPreferences/sites',
    body: { siteUrl: CLINIC.siteUrl },
    category: 'MEETINGS',
    targetType: 'USER',
    targetId: CLINIC.adminPersonId,
  },
  {
    method: 'PUT',
    path: '/v1/meetingPreferences/personalMeetingRoom?userEmail=dr.lee@riverside-clinic.example',
    template: '/v1/meetingPreferences/personalMeetingRoom',
    body: { topic: 'Dr. Lee', hostPin: '4826', enabledAutoLock: true, autoLockMinutes: 10, enabledNotifyHost: true, supportCoHost: false, coHosts: [] },
    category: 'MEETINGS',
    targetType: 'USER',
    targetId: CLINIC.personIds['dr.lee'],
  },
  {
    method: 'PUT',
    path: '/v1/meetingPreferences/schedulingOptions?userEmail=dr.patel@riverside-clinic.example',
    template: '/v1/meetingPreferences/schedulingOptions',
    body: { enabledJoinBeforeHost: false, joinBeforeHostMinutes: 0, enabledAutoShareRecording: false },
    category: 'MEETINGS',
    targetType: 'USER',
    targetId: CLINIC.personIds['dr.patel'],
  },
  {
    method: 'PATCH',
    path: '/v1/admin/meeting/config/commonSettings',
    template: '/v1/admin/meeting/config/commonSettings',
    body: REMINDERS_OFF,
    category: 'MEETINGS',
    targetType: 'SITE',
    targetId: CLINIC.siteUrl,
  },
  {
    method: 'PUT',
    path: '/v1/admin/meeting/userconfig/sessionTypes',
    template: '/v1/admin/meeting/userconfig/sessionTypes',
    body: { siteUrl: CLINIC.siteUrl, email: 'dr.kim@riverside-clinic.example', sessionTypeIds: ['3', SESSION_TYPE_IDS.endToEndEncryption] },
    category: 'MEETINGS',
    targetType: 'USER',
    targetId: CLINIC.personIds['dr.kim'],
  },
  {
    method: 'PATCH',
    path: `/identity/organizations/${CLINIC.identityOrgId}/passwordPolicy`,
    template: '/identity/organizations/{orgId}/passwordPolicy',
    body: {
      schemas: ['urn:cisco:codev:identity:idbroker:pwdpolicy:schemas:1.0'],
      minimumNumeric: '1',
      minimumCapAlpha: '1',
      minimumLowAlpha: '1',
      minimumSpecial: '1',
      minimumLength: '12',
      historyCount: '5',
      maxPasswordAge: '90',
    },
    category: 'ORG',
    targetType: 'ORG',
    targetId: CLINIC.orgId,
  },
  {
    method: 'PATCH',
    path: `/identity/organizations/${CLINIC.identityOrgId}/authenticationConfig`,
    template: '/identity/organizations/{orgId}/authenticationConfig',
    body: { schemas: ['urn:cisco:codev:identity:idbroker:authnconfig:schemas:1.0'], mfaEnabled: true },
    category: 'ORG',
    targetType: 'ORG',
    targetId: CLINIC.orgId,
  },
  {
    method: 'PATCH',
    path: `/v1/meetings/${clinicMeetingIds(NOW)['dr.lee/Telehealth check-in']}`,
    template: '/v1/meetings/{meetingId}',
    body: { hostEmail: 'dr.lee@riverside-clinic.example', unlockedMeetingJoinSecurity: 'allowJoinWithLobby', sendEmail: false },
    category: 'MEETINGS',
    targetType: 'MEETING',
    targetId: clinicMeetingIds(NOW)['dr.lee/Telehealth check-in']!,
  },
];

/** Writes of the messaging API: a user's (or bot's) actions in a space, never in the admin audit log. */
const NOT_ADMIN_ACTIONS = ['POST /v1/rooms', 'POST /v1/messages'];

const items = (result: CallResult) => (result.body as { items: AuditEvent[] }).items;
const descriptions = (result: CallResult) => errorBody(result).errors.map(({ description }) => description);

/** The path and query of a `Link: <…>; rel="next"` header. */
function nextPath(result: CallResult): string | undefined {
  const link = result.headers.get('link');
  if (link === null) {
    return undefined;
  }
  const url = new URL(/^<([^>]+)>; rel="next"$/.exec(link)![1]);
  return `${url.pathname}${url.search}`;
}

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator({ tokens: [FULL_ACCESS_TOKEN], now: NOW });
});

afterEach(() => sim.close());

describe('admin audit events', () => {
  test('cover every write operation the simulator serves, except messaging (a space and its messages are no admin action)', () => {
    const served = ALL_ROUTES.filter(({ method }) => method !== 'GET').map(({ method, path }) => `${method} ${path}`).filter((op) => !NOT_ADMIN_ACTIONS.includes(op));
    expect(WRITES.map(({ method, template }) => `${method} ${template}`).sort()).toEqual(served.sort());
  });

  test('creating a space and posting to it adds no admin audit event', async () => {
    const room = (await call(sim.url, 'POST', '/v1/rooms', { body: { title: 'webex-iac' } })).body as { id: string };
    expect((await call(sim.url, 'POST', '/v1/messages', { body: { roomId: room.id, markdown: 'drift' } })).status).toBe(200);
    expect(items(await call(sim.url, 'GET', `${ADMIN_EVENTS}?${WINDOW}`))).toEqual([]);
  });

  test('list one event per successful write, newest first, naming the actor, the target and the trackingId', async () => {
    for (const [index, write] of WRITES.entries()) {
      const result = await call(sim.url, write.method, write.path, { body: write.body, headers: { TrackingID: `WEBEX_IAC_write-${index}` } });
      expect([write.path, result.status]).toEqual([write.path, 200]);
    }
    const listed = items(await call(sim.url, 'GET', `${ADMIN_EVENTS}?${WINDOW}`));
    expect(listed.map(({ data }) => data.trackingId)).toEqual(WRITES.map((_, index) => `WEBEX_IAC_write-${index}`).reverse());
    for (const [index, event] of [...listed].reverse().entries()) {
      expect(event).toEqual({
        id: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
        created: expect.stringMatching(/^2026-05-04T12:00:\d\d\.\d{3}Z$/),
        actorId: CLINIC.adminPersonId,
        actorOrgId: CLINIC.orgId,
        data: {
          actorName: 'Morgan Ellis',
          actorEmail: CLINIC.adminEmail,
          actorOrgName: CLINIC.orgName,
          adminRoles: ['Full_Admin'],
          eventCategory: WRITES[index].category,
          eventDescription: expect.any(String),
          actionText: expect.stringMatching(/^Morgan Ellis /),
          targetId: WRITES[index].targetId,
          targetName: expect.any(String),
          targetType: WRITES[index].targetType,
          targetOrgId: CLINIC.orgId,
          targetOrgName: CLINIC.orgName,
          trackingId: `WEBEX_IAC_write-${index}`,
        },
      });
    }
    expect(new Set(listed.map(({ id }) => id)).size).toBe(WRITES.length);
  });

  test('describe what changed', async () => {
    await call(sim.url, WRITES[0].method, WRITES[0].path, { body: WRITES[0].body });
    const [event] = items(await call(sim.url, 'GET', `${ADMIN_EVENTS}?${WINDOW}`));
    expect(event.data.actionText).toBe(
      'Morgan Ellis updated firstName, lastName, roles, licenses, department, title of former.contractor@riverside-clinic.example',
    );
  });

  test('are not recorded for reads or rejected writes', async () => {
    await call(sim.url, 'GET', '/v1/people');
    await call(sim.url, 'PUT', WRITES[0].path, { body: { displayName: '' } });
    await call(sim.url, 'PATCH', WRITES[6].path, { body: { schemas: [] } });
    expect(items(await call(sim.url, 'GET', `${ADMIN_EVENTS}?${WINDOW}`))).toEqual([]);
  });

  test('page by offset and max (default 100, capped silently at 200), without Link', async () => {
    for (let i = 0; i < 205; i += 1) {
      expect((await call(sim.url, 'PATCH', '/v1/admin/meeting/config/commonSettings', { body: REMINDERS_OFF })).status).toBe(200);
    }
    const first = await call(sim.url, 'GET', `${ADMIN_EVENTS}?${WINDOW}`);
    expect(items(first)).toHaveLength(100);
    expect(first.headers.get('link')).toBeNull();
    expect(items(await call(sim.url, 'GET', `${ADMIN_EVENTS}?${WINDOW}&max=500`))).toHaveLength(200);
    const pages = [0, 200].map(async (offset) => items(await call(sim.url, 'GET', `${ADMIN_EVENTS}?${WINDOW}&max=200&offset=${offset}`)));
    const [page1, page2] = await Promise.all(pages);
    expect([page1.length, page2.length]).toEqual([200, 5]);
    expect(new Set([...page1, ...page2].map(({ id }) => id)).size).toBe(205);
  });

  test('filter by actor and by categories, repeated or comma-separated', async () => {
    for (const write of WRITES) {
      await call(sim.url, write.method, write.path, { body: write.body });
    }
    const categories = async (query: string) => items(await call(sim.url, 'GET', `${ADMIN_EVENTS}?${WINDOW}${query}`)).map(({ data }) => data.eventCategory);
    expect(await categories('&eventCategories=ORG')).toEqual(['ORG', 'ORG']);
    expect((await categories('&eventCategories=ORG,USERS')).sort()).toEqual(['ORG', 'ORG', 'USERS']);
    expect((await categories('&eventCategories=ORG&eventCategories=USERS')).sort()).toEqual(['ORG', 'ORG', 'USERS']);
    expect(await categories(`&actorId=${CLINIC.adminPersonId}`)).toHaveLength(WRITES.length);
    expect(await categories(`&actorId=${CLINIC.personIds['it.lead']}`)).toEqual([]);
  });

  test('take [from, to): an event at `to` is left for the next window', async () => {
    await call(sim.url, 'PATCH', '/v1/admin/meeting/config/commonSettings', { body: REMINDERS_OFF });
    const [event] = items(await call(sim.url, 'GET', `${ADMIN_EVENTS}?${WINDOW}`));
    const at = (from: number, to: number) => call(sim.url, 'GET', `${ADMIN_EVENTS}?orgId=${CLINIC.orgId}&from=${iso(from)}&to=${iso(to)}`);
    const created = Date.parse(event.created);
    expect(items(await at(created - DAY_MS, created))).toEqual([]);
    expect(items(await at(created, created + 1))).toEqual([event]);
  });

  test.each<[string, string, number, RegExp]>([
    ['a window over a year', `orgId=${CLINIC.orgId}&from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:01Z`, 400, /maximum of one year/],
    ['from after to', `orgId=${CLINIC.orgId}&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`, 400, /from must be before to/],
    ['no to', `orgId=${CLINIC.orgId}&from=2026-01-01T00:00:00Z`, 400, /^Query parameter to is required/],
    ['no orgId', 'from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z', 400, /^Query parameter orgId is required/],
    ['a date without time', `orgId=${CLINIC.orgId}&from=2026-01-01&to=2026-02-01T00:00:00Z`, 400, /from must be an ISO 8601 date and time/],
    ['max 0', `${WINDOW}&max=0`, 400, /max must be an integer of at least 1/],
    ['a negative offset', `${WINDOW}&offset=-1`, 400, /offset must be an integer of at least 0/],
    ['an unknown org', 'orgId=bm8tb3Jn&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z', 404, /bm8tb3Jn/],
  ])('fail for %s', async (_, query, status, description) => {
    const result = await call(sim.url, 'GET', `${ADMIN_EVENTS}?${query}`);
    expect(result.status).toBe(status);
    expect(descriptions(result)).toContainEqual(expect.stringMatching(description));
  });

  test('accept a window of exactly one year', async () => {
    expect((await call(sim.url, 'GET', `${ADMIN_EVENTS}?orgId=${CLINIC.orgId}&from=2025-05-04T12:00:00Z&to=2026-05-04T12:00:00Z`)).status).toBe(200);
  });

  test('come in the categories eventCategories lists', async () => {
    expect((await call(sim.url, 'GET', '/v1/adminAudit/eventCategories')).body).toEqual({
      eventCategories: ['COMPLIANCE', 'DEVICES', 'LICENSES', 'LOGINS', 'MEETINGS', 'ORG', 'USERS'],
    });
  });
});

describe('security audit events', () => {
  const YEAR = `orgId=${CLINIC.orgId}&startTime=${iso(NOW - 364 * DAY_MS)}&endTime=${iso(NOW + DAY_MS)}`;

  test("list a sign-in at each person's last activity within the window, newest first", async () => {
    const result = await call(sim.url, 'GET', `${SECURITY_EVENTS}?${YEAR}`);
    expect(result.status).toBe(200);
    const events = items(result);
    expect(events).toHaveLength(24);
    expect(events[0]).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
      created: '2026-05-04T10:00:00.000Z',
      actorId: CLINIC.adminPersonId,
      actorOrgId: CLINIC.orgId,
      data: {
        actorName: 'Morgan Ellis',
        actorEmail: CLINIC.adminEmail,
        actorIp: expect.stringMatching(/^198\.51\.100\.\d+$/),
        actorUserAgent: expect.any(String),
        actorOrgName: CLINIC.orgName,
        eventCategory: 'LOGINS',
        eventDescription: 'An Admin logged in',
        actionText: 'Morgan Ellis logged into organization Riverside Family Clinic',
        trackingId: expect.stringMatching(/^ATLAS_/),
      },
    });
    expect(events.map(({ created }) => created)).toEqual([...events.map(({ created }) => created)].sort().reverse());
    expect(events.at(-1)!.data.actorEmail).toBe('nurse.old@riverside-clinic.example');
    const dayOld = items(await call(sim.url, 'GET', `${SECURITY_EVENTS}?orgId=${CLINIC.orgId}&startTime=${iso(NOW - 10 * DAY_MS)}&endTime=${iso(NOW)}`));
    expect(dayOld).toHaveLength(23);
  });

  test('page with Link rel="next", every event once', async () => {
    const sizes: number[] = [];
    const ids = new Set<string>();
    let path: string | undefined = `${SECURITY_EVENTS}?${YEAR}&max=10`;
    while (path !== undefined) {
      const page = await call(sim.url, 'GET', path);
      sizes.push(items(page).length);
      items(page).forEach(({ id }) => ids.add(id));
      path = nextPath(page);
    }
    expect(sizes).toEqual([10, 10, 4]);
    expect(ids.size).toBe(24);
  });

  test('filter by actor and category', async () => {
    const byActor = items(await call(sim.url, 'GET', `${SECURITY_EVENTS}?${YEAR}&actorId=${CLINIC.personIds['nurse.old']}`));
    expect(byActor.map(({ created }) => created)).toEqual([iso(NOW - 200 * DAY_MS)]);
    expect(items(await call(sim.url, 'GET', `${SECURITY_EVENTS}?${YEAR}&eventCategories=LOGINS`))).toHaveLength(24);
    expect(items(await call(sim.url, 'GET', `${SECURITY_EVENTS}?${YEAR}&eventCategories=LOGOUT`))).toEqual([]);
  });

  test('fail for a window over a year, or without startTime', async () => {
    const tooLong = await call(sim.url, 'GET', `${SECURITY_EVENTS}?orgId=${CLINIC.orgId}&startTime=${iso(NOW - 400 * DAY_MS)}&endTime=${iso(NOW)}`);
    expect(tooLong.status).toBe(400);
    expect(descriptions(tooLong)[0]).toMatch(/startTime to endTime spans more/);
    expect((await call(sim.url, 'GET', `${SECURITY_EVENTS}?orgId=${CLINIC.orgId}&endTime=${iso(NOW)}`)).status).toBe(400);
  });

  test('cap max silently at 1000', async () => {
    const fleet = await startSimulator({ tokens: [FULL_ACCESS_TOKEN], seed: 'health-system', size: { orgs: 1, sites: 1, users: 1100 }, now: NOW });
    try {
      const query = `orgId=${HEALTH_SYSTEM.orgId(1)}&startTime=${iso(NOW - 364 * DAY_MS)}&endTime=${iso(NOW + DAY_MS)}`;
      const page = await call(fleet.url, 'GET', `${SECURITY_EVENTS}?${query}&max=5000`);
      expect(items(page)).toHaveLength(1000);
      expect(nextPath(page)).toBeDefined();
      expect(items(await call(fleet.url, 'GET', nextPath(page)!)).length).toBeGreaterThan(0);
    } finally {
      await fleet.close();
    }
  });
});
