import { CLINIC, HEALTH_SYSTEM, type RunningSimulator, SESSION_TYPE_IDS, startSimulator } from '../../simulator';
import { call, errorBody, FULL_ACCESS_TOKEN } from './webex-call';

const SITE_TYPES = '/v1/admin/meeting/config/sessionTypes';
const USER_TYPES = '/v1/admin/meeting/userconfig/sessionTypes';
const PRO = { id: '3', shortName: 'PRO', name: 'Pro Meeting', type: 'meeting' };
const WEBINAR = { id: SESSION_TYPE_IDS.webinar, shortName: 'WBN', name: 'Webex Webinar', type: 'webinar' };
const E2EE = { id: SESSION_TYPE_IDS.endToEndEncryption, shortName: 'PRO3E2E', name: 'Pro 3.0 End to End Encryption_VOIPonly', type: 'meeting' };

interface UserSessionTypes {
  personId: string;
  email: string;
  siteUrl: string;
  sessionTypes: { id: string }[];
}

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator({ tokens: [FULL_ACCESS_TOKEN] });
});

afterEach(() => sim.close());

const userTypes = async (query: string, headers?: Record<string, string>) =>
  ((await call(sim.url, 'GET', `${USER_TYPES}${query}`, { headers })).body as { items: UserSessionTypes[] }).items;
const assign = (body: unknown) => call(sim.url, 'PUT', USER_TYPES, { body });

describe('GET /v1/admin/meeting/config/sessionTypes', () => {
  test("lists the site's session types with its siteUrl, for siteUrl or the caller's default site", async () => {
    const result = await call(sim.url, 'GET', `${SITE_TYPES}?siteUrl=${CLINIC.siteUrl}`);
    expect(result.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(result.body).toEqual({ items: [PRO, WEBINAR, E2EE].map((type) => ({ ...type, siteUrl: CLINIC.siteUrl })) });
    expect((await call(sim.url, 'GET', SITE_TYPES)).body).toEqual(result.body);
    expect((await call(sim.url, 'GET', `${SITE_TYPES}?siteUrl=elsewhere.webex.com`)).status).toBe(404);
  });
});

describe('GET /v1/admin/meeting/userconfig/sessionTypes', () => {
  test('answers one host by personId', async () => {
    expect(await userTypes(`?siteUrl=${CLINIC.siteUrl}&personId=${CLINIC.personIds['dr.patel']}`)).toEqual([
      { personId: CLINIC.personIds['dr.patel'], email: 'dr.patel@riverside-clinic.example', siteUrl: CLINIC.siteUrl, sessionTypes: [PRO, WEBINAR] },
    ]);
  });

  test('answers one host by the email header, as the spec declares it', async () => {
    const items = await userTypes(`?siteUrl=${CLINIC.siteUrl}`, { email: 'dr.kim@riverside-clinic.example' });
    expect(items.map(({ email, sessionTypes }) => [email, sessionTypes])).toEqual([['dr.kim@riverside-clinic.example', [PRO]]]);
  });

  test('lists every host of the site without a person, and ignores an email query parameter, which the spec does not declare', async () => {
    const all = await userTypes(`?siteUrl=${CLINIC.siteUrl}`);
    expect(all.map(({ email }) => email.split('@')[0])).toEqual(CLINIC.hosts);
    expect(await userTypes(`?siteUrl=${CLINIC.siteUrl}&email=dr.kim@riverside-clinic.example`)).toEqual(all);
  });

  test('fails with 404 for an attendee, an unknown person, or an unknown site', async () => {
    for (const query of [
      `?personId=${CLINIC.personIds['nurse.adams']}`,
      '?personId=bm9ib2R5',
      `?siteUrl=elsewhere.webex.com&personId=${CLINIC.personIds['dr.lee']}`,
    ]) {
      expect((await call(sim.url, 'GET', `${USER_TYPES}${query}`)).status).toBe(404);
    }
  });
});

describe('PUT /v1/admin/meeting/userconfig/sessionTypes', () => {
  test('replaces the whole set of a host, answering UserSessionTypes', async () => {
    const personId = CLINIC.personIds['dr.patel'];
    const result = await assign({ siteUrl: CLINIC.siteUrl, personId, sessionTypeIds: [SESSION_TYPE_IDS.endToEndEncryption, '3'] });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ personId, email: 'dr.patel@riverside-clinic.example', siteUrl: CLINIC.siteUrl, sessionTypes: [PRO, E2EE] });
    expect(await userTypes(`?personId=${personId}`)).toEqual([result.body]);
  });

  test('names the host by email, or by both when they agree', async () => {
    const byEmail = await assign({ siteUrl: CLINIC.siteUrl, email: 'DR.LEE@riverside-clinic.example', sessionTypeIds: ['3', SESSION_TYPE_IDS.endToEndEncryption] });
    expect(byEmail.status).toBe(200);
    const both = await assign({
      siteUrl: CLINIC.siteUrl,
      personId: CLINIC.personIds['dr.lee'],
      email: 'dr.lee@riverside-clinic.example',
      sessionTypeIds: ['3'],
    });
    expect((both.body as UserSessionTypes).sessionTypes).toEqual([PRO]);
  });

  test.each<[string, Record<string, unknown>, number, RegExp]>([
    ['an unknown session type id', { personId: CLINIC.personIds['dr.lee'], sessionTypeIds: ['3', '999'] }, 400, /"999" is not a session type of site/],
    ['no person', { sessionTypeIds: ['3'] }, 400, /At least one of personId and email is required/],
    ['a person and an email that disagree', { personId: CLINIC.personIds['dr.lee'], email: 'dr.kim@riverside-clinic.example', sessionTypeIds: ['3'] }, 400, /name different users/],
    ['repeated ids', { personId: CLINIC.personIds['dr.lee'], sessionTypeIds: ['3', '3'] }, 400, /Repeated items are not allowed in sessionTypeIds/],
    ['ids that are not strings', { personId: CLINIC.personIds['dr.lee'], sessionTypeIds: [3] }, 400, /^sessionTypeIds must be an array of strings/],
    ['an attendee', { personId: CLINIC.personIds['nurse.adams'], sessionTypeIds: ['3'] }, 404, /is not a host on site/],
    ['an unknown person', { email: 'nobody@riverside-clinic.example', sessionTypeIds: ['3'] }, 404, /nobody@/],
  ])('fails for %s, and changes nothing', async (_, fields, status, description) => {
    const before = await userTypes(`?siteUrl=${CLINIC.siteUrl}`);
    const result = await assign({ siteUrl: CLINIC.siteUrl, ...fields });
    expect(result.status).toBe(status);
    expect(errorBody(result).errors.map(({ description: text }) => text)).toContainEqual(expect.stringMatching(description));
    expect(await userTypes(`?siteUrl=${CLINIC.siteUrl}`)).toEqual(before);
  });

  test('fails with 400 without siteUrl or sessionTypeIds, and 404 for an unknown site', async () => {
    const personId = CLINIC.personIds['dr.lee'];
    expect(errorBody(await assign({ personId, sessionTypeIds: ['3'] })).errors).toEqual([{ description: 'siteUrl is required.' }]);
    expect(errorBody(await assign({ siteUrl: CLINIC.siteUrl, personId })).errors).toEqual([{ description: 'sessionTypeIds is required.' }]);
    expect((await assign({ siteUrl: 'elsewhere.webex.com', personId, sessionTypeIds: ['3'] })).status).toBe(404);
  });

  test('keeps assignments per site', async () => {
    const fleet = await startSimulator({ tokens: [FULL_ACCESS_TOKEN], seed: 'health-system', size: { orgs: 1, sites: 2, users: 2 } });
    try {
      const personId = HEALTH_SYSTEM.personId(1, 1);
      const body = { siteUrl: HEALTH_SYSTEM.siteUrl(1, 2), personId, sessionTypeIds: ['3', SESSION_TYPE_IDS.endToEndEncryption] };
      expect((await call(fleet.url, 'PUT', USER_TYPES, { body })).status).toBe(200);
      const onSite = async (site: number) =>
        ((await call(fleet.url, 'GET', `${USER_TYPES}?siteUrl=${HEALTH_SYSTEM.siteUrl(1, site)}&personId=${personId}`)).body as { items: UserSessionTypes[] })
          .items[0].sessionTypes.map(({ id }) => id);
      expect([await onSite(1), await onSite(2)]).toEqual([['3'], ['3', SESSION_TYPE_IDS.endToEndEncryption]]);
    } finally {
      await fleet.close();
    }
  });
});
