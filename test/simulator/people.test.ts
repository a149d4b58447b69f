import { CLINIC, HEALTH_SYSTEM, ROLE_IDS, type RunningSimulator, startSimulator } from '../../simulator';
import { call, type CallResult, errorBody, FULL_ACCESS_TOKEN } from './webex-call';

const NOW = Date.parse('2026-05-04T12:00:00.000Z');
const BAD_REQUEST = "The request could not be understood by the server due to malformed syntax. See 'errors' for more details.";

type Person = Record<string, unknown> & { id: string; emails: string[]; roles?: string[]; siteUrls: string[] };

/** The fields of a Person that `PUT /people/{personId}` takes, as a client round-trips them (booleans, work phones without `primary`). */
function updatable(person: Person): Record<string, unknown> {
  const fields = ['emails', 'extension', 'locationId', 'displayName', 'firstName', 'lastName', 'avatar', 'orgId', 'roles', 'licenses'];
  const more = ['department', 'manager', 'managerId', 'title', 'addresses', 'siteUrls'];
  const body: Record<string, unknown> = Object.fromEntries([...fields, ...more].filter((name) => name in person).map((name) => [name, person[name]]));
  if (Array.isArray(person.phoneNumbers)) {
    body.phoneNumbers = (person.phoneNumbers as { type: string; value: string }[]).map(({ type, value }) => ({ type, value }));
  }
  body.loginEnabled = person.loginEnabled === 'true';
  return body;
}

/** The URL of a `Link: <…>; rel="next"` header, as a path and query. */
function nextPath(result: CallResult): string | undefined {
  const link = result.headers.get('link');
  if (link === null) {
    return undefined;
  }
  const match = /^<([^>]+)>; rel="next"$/.exec(link);
  expect(match).not.toBeNull();
  const url = new URL(match![1]);
  return `${url.pathname}${url.search}`;
}

const items = (result: CallResult) => (result.body as { items: Person[] }).items;
const emailsOf = (result: CallResult) => items(result).map(({ emails }) => emails[0].split('@')[0]);

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator({ tokens: [FULL_ACCESS_TOKEN], now: NOW });
});

afterEach(() => sim.close());

const getPerson = async (personId: string) => (await call(sim.url, 'GET', `/v1/people/${personId}`)).body as Person;
const put = (personId: string, body: unknown, query = '') => call(sim.url, 'PUT', `/v1/people/${personId}${query}`, { body });

describe('GET /v1/people', () => {
  test("lists the caller's org, 100 at most by default, without Link when everything fits", async () => {
    const result = await call(sim.url, 'GET', '/v1/people');
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/json');
    expect(result.headers.get('link')).toBeNull();
    expect(items(result)).toHaveLength(25);
    expect(items(result)[0]).toMatchObject({ id: CLINIC.adminPersonId, loginEnabled: 'true', invitePending: 'false', status: 'active' });
    expect(items(result)[0].lastActivity).toBe('2026-05-04T10:00:00.000Z');
  });

  test('pages with max and Link rel="next", every person exactly once, the cursor carrying the other parameters', async () => {
    const seen: string[] = [];
    let path: string | undefined = '/v1/people?max=10&excludeStatus=false';
    const sizes: number[] = [];
    while (path !== undefined) {
      const page = await call(sim.url, 'GET', path);
      expect(page.status).toBe(200);
      sizes.push(items(page).length);
      seen.push(...items(page).map(({ id }) => id));
      path = nextPath(page);
      if (path !== undefined) {
        expect(new URL(path, sim.url).searchParams.get('max')).toBe('10');
        expect(new URL(path, sim.url).searchParams.get('excludeStatus')).toBe('false');
      }
    }
    expect(sizes).toEqual([10, 10, 5]);
    expect(new Set(seen).size).toBe(25);
  });

  test.each(['0', '-1', 'ten', '2.5'])('fails with 400 for max=%s', async (max) => {
    const result = await call(sim.url, 'GET', `/v1/people?max=${max}`);
    expect(result.status).toBe(400);
    expect(errorBody(result).errors[0].description).toMatch(/max/);
  });

  test('fails with 400 for a cursor it did not issue', async () => {
    expect((await call(sim.url, 'GET', '/v1/people?cursor=bm9wZQ')).status).toBe(400);
  });

  test('filters by email, case-insensitively, and by the start of displayName', async () => {
    expect(emailsOf(await call(sim.url, 'GET', '/v1/people?email=DR.LEE@riverside-clinic.example'))).toEqual(['dr.lee']);
    const doctors = emailsOf(await call(sim.url, 'GET', '/v1/people?displayName=dr.%20'));
    expect(doctors).toHaveLength(13);
    expect(doctors.every((name) => name.startsWith('dr.'))).toBe(true);
    expect(items(await call(sim.url, 'GET', '/v1/people?email=nobody@riverside-clinic.example'))).toEqual([]);
  });

  test('lists the holders of any of the given roles', async () => {
    expect(emailsOf(await call(sim.url, 'GET', `/v1/people?roles=${ROLE_IDS.fullAdministrator}`))).toEqual([
      'admin',
      'it.lead',
      'former.contractor',
    ]);
    expect(emailsOf(await call(sim.url, 'GET', `/v1/people?roles=${ROLE_IDS.fullAdministrator},${ROLE_IDS.userAdministrator}`))).toEqual([
      'admin',
      'it.lead',
      'former.contractor',
      'practice.manager',
    ]);
  });

  test('fails with 400 for a role id that is not a role', async () => {
    const result = await call(sim.url, 'GET', '/v1/people?roles=Y2lzY29zcGFyazovL3VzL1JPTEUvbm9uZQ');
    expect(result.status).toBe(400);
    expect(errorBody(result).errors[0].description).toMatch(/Y2lzY29zcGFyazovL3VzL1JPTEUvbm9uZQ/);
  });

  test('looks people up by id without presence or the enriched admin fields, naming ids not found', async () => {
    const ids = [CLINIC.personIds['dr.lee'], CLINIC.personIds['former.contractor'], 'bm90LWEtcGVyc29u'];
    const result = await call(sim.url, 'GET', `/v1/people?id=${ids.join(',')}`);
    expect(emailsOf(result)).toEqual(['dr.lee', 'former.contractor']);
    for (const person of items(result)) {
      expect(person).not.toHaveProperty('lastActivity');
      expect(person).not.toHaveProperty('status');
      expect(person).not.toHaveProperty('roles');
      expect(person).not.toHaveProperty('licenses');
      expect(person).toHaveProperty('loginEnabled', 'true');
    }
    expect((result.body as { notFoundIds: string[] }).notFoundIds).toEqual(['bm90LWEtcGVyc29u']);
  });

  test('fails with 400 for more than 85 ids', async () => {
    const ids = Array.from({ length: 86 }, (_, i) => `id${i}`).join(',');
    const result = await call(sim.url, 'GET', `/v1/people?id=${ids}`);
    expect(result.status).toBe(400);
    expect(errorBody(result).errors[0].description).toMatch(/up to 85/);
  });

  test('drops status with excludeStatus=true', async () => {
    const result = await call(sim.url, 'GET', '/v1/people?excludeStatus=true&max=1');
    expect(items(result)[0]).not.toHaveProperty('status');
    expect(items(result)[0]).toHaveProperty('lastActivity');
  });

  test('fails with 404 for an orgId it does not know, and 400 for a boolean that is not one', async () => {
    expect((await call(sim.url, 'GET', '/v1/people?orgId=bm8tb3Jn')).status).toBe(404);
    expect((await call(sim.url, 'GET', '/v1/people?callingData=yes')).status).toBe(400);
  });
});

describe('GET /v1/people with a fleet', () => {
  let fleet: RunningSimulator;

  beforeAll(async () => {
    fleet = await startSimulator({ tokens: [FULL_ACCESS_TOKEN], seed: 'health-system', size: { orgs: 2, sites: 1, users: 1200 }, now: NOW });
  });

  afterAll(() => fleet.close());

  test('caps max silently at 1000, and at 100 with callingData', async () => {
    const capped = await call(fleet.url, 'GET', '/v1/people?max=5000');
    expect(items(capped)).toHaveLength(1000);
    expect(capped.headers.get('link')).toMatch(/rel="next"/);
    expect(items(await call(fleet.url, 'GET', '/v1/people?max=5000&callingData=true'))).toHaveLength(100);
  });

  test("lists another org's people with orgId, and finds anyone by email or id without it", async () => {
    const other = await call(fleet.url, 'GET', `/v1/people?orgId=${HEALTH_SYSTEM.orgId(2)}&max=2`);
    expect(items(other).map(({ emails }) => emails[0])).toEqual(['admin@org2.example', 'user00001@org2.example']);
    expect(items(await call(fleet.url, 'GET', '/v1/people?email=user00007@org2.example'))).toHaveLength(1);
    expect(items(await call(fleet.url, 'GET', `/v1/people?id=${HEALTH_SYSTEM.personId(2, 7)}`))).toHaveLength(1);
    expect(items(await call(fleet.url, 'GET', '/v1/people?displayName=User%2000007'))).toHaveLength(1);
  });

  test('caps max at 50 with locationId, which lists only the people of that location', async () => {
    for (let user = 1; user <= 55; user += 1) {
      const personId = HEALTH_SYSTEM.personId(1, user);
      const person = (await call(fleet.url, 'GET', `/v1/people/${personId}`)).body as Person;
      expect((await call(fleet.url, 'PUT', `/v1/people/${personId}`, { body: { ...updatable(person), locationId: 'TE9DQVRJT04' } })).status).toBe(200);
    }
    const page = await call(fleet.url, 'GET', '/v1/people?locationId=TE9DQVRJT04&max=100');
    expect(items(page)).toHaveLength(50);
    const rest = await call(fleet.url, 'GET', nextPath(page)!);
    expect(items(rest)).toHaveLength(5);
    expect(rest.headers.get('link')).toBeNull();
  });
});

describe('GET /v1/people/{personId}', () => {
  test('returns one person with roles, licenses and presence', async () => {
    const result = await call(sim.url, 'GET', `/v1/people/${CLINIC.personIds['former.contractor']}`);
    expect(result.body).toMatchObject({
      id: CLINIC.personIds['former.contractor'],
      emails: ['former.contractor@riverside-clinic.example'],
      displayName: 'Casey Morgan',
      roles: [ROLE_IDS.fullAdministrator],
      licenses: [CLINIC.messagingLicenseId],
      siteUrls: ['riverside-clinic.webex.com#attendee'],
      status: 'active',
      lastActivity: expect.any(String),
    });
  });

  test('fails with 404 for an unknown person', async () => {
    const result = await call(sim.url, 'GET', '/v1/people/bm90LWEtcGVyc29u');
    expect(result.status).toBe(404);
    expect(errorBody(result).errors[0].description).toMatch(/bm90LWEtcGVyc29u/);
  });
});

describe('PUT /v1/people/{personId}', () => {
  test('applies a full body round-tripped from GET, and reads back what it answered', async () => {
    const before = await getPerson(CLINIC.personIds['nurse.old']);
    const result = await put(before.id, { ...updatable(before), loginEnabled: false });
    expect(result.status).toBe(200);
    const after = await getPerson(before.id);
    expect(result.body).toEqual(after);
    expect(after).toEqual({ ...before, loginEnabled: 'false', nickName: 'Patricia', lastModified: expect.any(String) });
    expect(after.lastModified).not.toBe(before.lastModified);
  });

  test('revokes admin roles by leaving them out of an otherwise full body', async () => {
    const before = await getPerson(CLINIC.personIds['former.contractor']);
    const { roles: _roles, ...withoutRoles } = updatable(before);
    expect((await put(before.id, withoutRoles)).status).toBe(200);
    expect((await getPerson(before.id)).roles).toEqual([]);
    expect(emailsOf(await call(sim.url, 'GET', `/v1/people?roles=${ROLE_IDS.fullAdministrator}`))).toEqual(['admin', 'it.lead']);
  });

  test('clears or resets every field a partial body leaves out', async () => {
    const id = CLINIC.personIds['dr.lee'];
    await put(id, { ...updatable(await getPerson(id)), loginEnabled: false });
    const result = await put(id, { displayName: 'Hannah Lee' });
    expect(result.status).toBe(200);
    const after = await getPerson(id);
    expect(after).toEqual({
      id,
      emails: ['dr.lee@riverside-clinic.example'],
      displayName: 'Hannah Lee',
      orgId: CLINIC.orgId,
      roles: [],
      licenses: [],
      created: expect.any(String),
      lastModified: expect.any(String),
      timezone: 'America/Chicago',
      lastActivity: expect.any(String),
      siteUrls: [],
      status: 'active',
      invitePending: 'false',
      loginEnabled: 'true',
      type: 'person',
    });
    const room = await call(sim.url, 'GET', `/v1/meetingPreferences/personalMeetingRoom?userEmail=dr.lee@riverside-clinic.example`);
    expect(room.status).toBe(404);
  });

  test('sets nickName to firstName, takes a site without a role as a host, and stores roles, licenses and phones', async () => {
    const id = CLINIC.personIds['nurse.adams'];
    const body = {
      ...updatable(await getPerson(id)),
      nickName: 'Rae',
      roles: [ROLE_IDS.readOnlyAdministrator],
      licenses: [CLINIC.messagingLicenseId, CLINIC.meetingsLicenseId],
      siteUrls: [CLINIC.siteUrl],
      phoneNumbers: [{ type: 'work', value: '+1 555 010 2099' }],
    };
    const result = await put(id, body);
    expect(result.body).toMatchObject({
      nickName: 'Rachel',
      roles: [ROLE_IDS.readOnlyAdministrator],
      licenses: [CLINIC.messagingLicenseId, CLINIC.meetingsLicenseId],
      siteUrls: ['riverside-clinic.webex.com#host'],
      phoneNumbers: [{ type: 'work', value: '+1 555 010 2099', primary: true }],
    });
    const room = await call(sim.url, 'GET', '/v1/meetingPreferences/personalMeetingRoom?userEmail=nurse.adams@riverside-clinic.example');
    expect(room.status).toBe(200);
  });

  test('answers 204 without a body with minResponse=true', async () => {
    const person = await getPerson(CLINIC.personIds.billing);
    const result = await put(person.id, { ...updatable(person), title: 'Billing Lead' }, '?minResponse=true');
    expect(result.status).toBe(204);
    expect(result.body).toBeUndefined();
    expect((await getPerson(person.id)).title).toBe('Billing Lead');
  });

  describe('fails with 400 naming the field, and changes nothing', () => {
    test.each<[string, (body: Record<string, unknown>) => unknown, RegExp]>([
      ['a missing displayName', ({ displayName: _name, ...rest }) => rest, /^displayName is required\.$/],
      ['an empty displayName', (body) => ({ ...body, displayName: '' }), /^displayName must not be empty\.$/],
      ['loginEnabled as the string GET returns', (body) => ({ ...body, loginEnabled: 'false' }), /^loginEnabled must be a boolean/],
      ['a field only GET returns', (body) => ({ ...body, status: 'active' }), /^status is not a known field/],
      ['two emails', (body) => ({ ...body, emails: ['a@riverside-clinic.example', 'b@riverside-clinic.example'] }), /only one email address/],
      ['an email that is not one', (body) => ({ ...body, emails: ['not-an-email'] }), /^emails\[0\] must be an email address/],
      ['a role that does not exist', (body) => ({ ...body, roles: ['Y2lzY29zcGFyazovL3VzL1JPTEUvbm9uZQ'] }), /^roles: .* is not a role id/],
      ['a license of no one', (body) => ({ ...body, licenses: ['TElDRU5TRQ'] }), /^licenses: .* is not a license of organization Riverside Family Clinic/],
      ['an unknown site', (body) => ({ ...body, siteUrls: ['elsewhere.webex.com#host'] }), /^siteUrls: "elsewhere\.webex\.com#host" is not a known site/],
      ['an unknown site role', (body) => ({ ...body, siteUrls: ['riverside-clinic.webex.com#owner'] }), /^siteUrls: .* is not a known site, optionally followed by #host or #attendee/],
      ['another orgId', (body) => ({ ...body, orgId: 'b3RoZXI' }), /^orgId must be the person's organization/],
      ['a mobile phone', (body) => ({ ...body, phoneNumbers: [{ type: 'mobile', value: '1' }] }), /^phoneNumbers\[0\]\.type must be one of work/],
      ['a phone with primary, as GET returns it', (body) => ({ ...body, phoneNumbers: [{ type: 'work', value: '1', primary: true }] }), /^phoneNumbers\[0\]\.primary is not a known field/],
      ['repeated roles', (body) => ({ ...body, roles: [ROLE_IDS.userAdministrator, ROLE_IDS.userAdministrator] }), /^Repeated items are not allowed in roles/],
      ['an array body', () => [], /^The request body must be a JSON object/],
    ])('%s', async (_, change, description) => {
      const before = await getPerson(CLINIC.personIds['it.lead']);
      const result = await put(before.id, change(updatable(before)));
      expect(result.status).toBe(400);
      expect(result.body).toEqual({
        message: BAD_REQUEST,
        errors: expect.arrayContaining([{ description: expect.stringMatching(description) }]),
        trackingId: result.headers.get('trackingid'),
      });
      expect(await getPerson(before.id)).toEqual(before);
    });
  });

  test('fails with 400 without a body, 404 for an unknown person and 409 for an email someone else has', async () => {
    const person = await getPerson(CLINIC.personIds['lab.tech']);
    expect((await call(sim.url, 'PUT', `/v1/people/${person.id}`)).status).toBe(400);
    expect((await put('bm90LWEtcGVyc29u', { displayName: 'Nobody' })).status).toBe(404);
    const taken = await put(person.id, { ...updatable(person), emails: ['DR.LEE@riverside-clinic.example'] });
    expect(taken.status).toBe(409);
    expect(errorBody(taken).errors[0].description).toMatch(/already belongs to another person/);
  });

  test('moves the email index with a changed email', async () => {
    const person = await getPerson(CLINIC.personIds['lab.tech']);
    expect((await put(person.id, { ...updatable(person), emails: ['priya.shah@riverside-clinic.example'] })).status).toBe(200);
    expect(emailsOf(await call(sim.url, 'GET', '/v1/people?email=priya.shah@riverside-clinic.example'))).toEqual(['priya.shah']);
    expect(items(await call(sim.url, 'GET', '/v1/people?email=lab.tech@riverside-clinic.example'))).toEqual([]);
  });
});

describe('roles', () => {
  test('lists the admin roles, Full Administrator with the id of the spec example', async () => {
    const result = await call(sim.url, 'GET', '/v1/roles');
    expect(result.body).toEqual({
      items: [
        { id: 'Y2lzY29zcGFyazovL3VzL1JPTEUvOTZhYmMyYWEtM2RjYy0xMWU1LWExNTItZmUzNDgxOWNkYzlh', name: 'Full Administrator' },
        { id: ROLE_IDS.userAdministrator, name: 'User Administrator' },
        { id: ROLE_IDS.readOnlyAdministrator, name: 'Read-only Administrator' },
        { id: ROLE_IDS.deviceAdministrator, name: 'Device Administrator' },
        { id: ROLE_IDS.complianceOfficer, name: 'Compliance Officer' },
      ],
    });
  });

  test('returns one role by id, and 404 for an unknown one', async () => {
    expect((await call(sim.url, 'GET', `/v1/roles/${ROLE_IDS.complianceOfficer}`)).body).toEqual({
      id: ROLE_IDS.complianceOfficer,
      name: 'Compliance Officer',
    });
    expect((await call(sim.url, 'GET', '/v1/roles/bm9uZQ')).status).toBe(404);
  });
});
