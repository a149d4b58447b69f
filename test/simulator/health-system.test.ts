import { HEALTH_SYSTEM, ROLE_IDS, SESSION_TYPE_IDS, startSimulator } from '../../simulator';
import { loadSeed } from '../../simulator/seeds/load-seed';
import type { Seed } from '../../simulator/state/seed';
import { call, FULL_ACCESS_TOKEN } from './webex-call';

const NOW = Date.parse('2026-05-04T12:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;

const seedOf = (size: { orgs: number; sites: number; users: number }) => loadSeed('health-system', { now: NOW, size });
const userNumber = (email: string) => (email.startsWith('admin@') ? 0 : Number(email.slice(4, 9)));

function people(seed: Seed, org: number) {
  return seed.people.filter(({ person }) => person.orgId === HEALTH_SYSTEM.orgId(org));
}

describe('health-system seed', () => {
  test('defaults to 2 orgs of 2 sites and 50 users, each org with its admin', () => {
    const seed = loadSeed('health-system', { now: NOW });
    expect(seed.organizations.map(({ organization }) => [organization.id, organization.displayName])).toEqual([
      [HEALTH_SYSTEM.orgId(1), 'Health System Org 1'],
      [HEALTH_SYSTEM.orgId(2), 'Health System Org 2'],
    ]);
    expect(seed.sites.map(({ siteUrl, orgId }) => [siteUrl, orgId])).toEqual([
      ['hs1-site1.webex.com', HEALTH_SYSTEM.orgId(1)],
      ['hs1-site2.webex.com', HEALTH_SYSTEM.orgId(1)],
      ['hs2-site1.webex.com', HEALTH_SYSTEM.orgId(2)],
      ['hs2-site2.webex.com', HEALTH_SYSTEM.orgId(2)],
    ]);
    expect(seed.people).toHaveLength(102);
    expect(people(seed, 2).slice(0, 3).map(({ person }) => person.emails[0])).toEqual(['admin@org2.example', 'user00001@org2.example', 'user00002@org2.example']);
    expect(seed.adminPersonId).toBe(HEALTH_SYSTEM.adminPersonId);
    expect(seed.people[0].person).toMatchObject({ id: HEALTH_SYSTEM.adminPersonId, emails: [HEALTH_SYSTEM.adminEmail], displayName: 'Org Admin' });
  });

  test('makes every user a host on every site of their org, and the fleet admin a host everywhere', () => {
    const seed = seedOf({ orgs: 2, sites: 3, users: 5 });
    for (const { person } of people(seed, 2)) {
      expect(person.siteUrls).toEqual(['hs2-site1.webex.com#host', 'hs2-site2.webex.com#host', 'hs2-site3.webex.com#host']);
    }
    expect(seed.people[0].person.siteUrls).toEqual(seed.sites.map(({ siteUrl }) => `${siteUrl}#host`));
    expect(people(seed, 1).every(({ defaultSiteUrl }) => defaultSiteUrl === 'hs1-site1.webex.com')).toBe(true);
    expect(people(seed, 2).every(({ defaultSiteUrl }) => defaultSiteUrl === 'hs2-site1.webex.com')).toBe(true);
  });

  test('mixes in admins, idle and pending accounts and MFA off by user number', () => {
    const seed = seedOf({ orgs: 1, sites: 1, users: 200 });
    const numbers = (test: (record: Seed['people'][number]) => boolean) =>
      seed.people.filter(test).map(({ person }) => userNumber(person.emails[0]));
    expect(numbers(({ person }) => person.roles.includes(ROLE_IDS.fullAdministrator))).toEqual([0, 1]);
    expect(numbers(({ person }) => person.roles.includes(ROLE_IDS.userAdministrator))).toEqual([2]);
    expect(numbers(({ person }) => person.status === 'inactive')).toEqual([50, 100, 150, 200]);
    expect(numbers(({ person }) => person.invitePending === 'true')).toEqual([97, 194]);
    expect(numbers(({ person }) => person.lastActivity === undefined)).toEqual([97, 194]);
    expect(numbers(({ mfaEnabled }) => !mfaEnabled)).toEqual([20, 40, 60, 80, 100, 120, 140, 160, 180, 200]);
    for (const { person } of seed.people.filter(({ person }) => person.status === 'active')) {
      expect(NOW - Date.parse(person.lastActivity!)).toBeLessThan(11 * DAY_MS);
    }
    for (const { person } of seed.people.filter(({ person }) => person.status === 'inactive')) {
      expect(NOW - Date.parse(person.lastActivity!)).toBeGreaterThanOrEqual(120 * DAY_MS);
    }
  });

  test('leaves sites whose org and site numbers add up to an even number open', () => {
    const seed = seedOf({ orgs: 2, sites: 2, users: 1 });
    expect(seed.sites.map(({ siteUrl, commonSettings }) => [siteUrl, commonSettings.securityOptions.joinBeforeHost])).toEqual([
      ['hs1-site1.webex.com', true],
      ['hs1-site2.webex.com', false],
      ['hs2-site1.webex.com', false],
      ['hs2-site2.webex.com', true],
    ]);
  });

  test('mixes unsafe host settings by user and site number, and assigns nobody the E2EE type', () => {
    const seed = seedOf({ orgs: 1, sites: 2, users: 20 });
    const [site1, site2] = seed.sites;
    const hostsWhere = (site: Seed['sites'][number], test: (settings: ReturnType<Seed['hostSettings']>) => boolean) =>
      seed.people.filter((record) => test(seed.hostSettings(record, site))).map(({ person }) => userNumber(person.emails[0]));
    expect(hostsWhere(site1, ({ personalMeetingRoom }) => !personalMeetingRoom.enabledAutoLock)).toEqual([4, 9, 14, 19]);
    expect(hostsWhere(site2, ({ personalMeetingRoom }) => !personalMeetingRoom.enabledAutoLock)).toEqual([3, 8, 13, 18]);
    expect(hostsWhere(site1, ({ schedulingOptions }) => schedulingOptions.enabledJoinBeforeHost)).toEqual([6, 13, 20]);
    expect(hostsWhere(site1, ({ sessionTypeIds }) => sessionTypeIds.includes(SESSION_TYPE_IDS.webinar))).toEqual([10, 20]);
    expect(hostsWhere(site1, ({ sessionTypeIds }) => sessionTypeIds.includes(SESSION_TYPE_IDS.endToEndEncryption))).toEqual([]);
  });

  test('is deterministic', () => {
    const { hostSettings: _first, ...first } = seedOf({ orgs: 2, sites: 2, users: 30 });
    const { hostSettings: _second, ...second } = seedOf({ orgs: 2, sites: 2, users: 30 });
    expect(first).toEqual(second);
  });

  // How fast is a benchmark's question (bench/), not a unit test's: a loaded CI machine must not fail it.
  test('builds 20,000 users and serves any of them', async () => {
    const sim = await startSimulator({ tokens: [FULL_ACCESS_TOKEN], seed: 'health-system', size: { orgs: 4, sites: 5, users: 5000 }, now: NOW });
    try {
      const orgs = await call(sim.url, 'GET', '/v1/organizations');
      expect((orgs.body as { items: unknown[] }).items).toHaveLength(4);
      const room = await call(sim.url, 'GET', `/v1/meetingPreferences/personalMeetingRoom?userEmail=user05000@org4.example&siteUrl=${HEALTH_SYSTEM.siteUrl(4, 5)}`);
      expect(room.body).toMatchObject({ topic: "User 05000's Personal Room", enabledAutoLock: false });
      const lastPage = await call(sim.url, 'GET', `/v1/people?orgId=${HEALTH_SYSTEM.orgId(4)}&email=user05000@org4.example`);
      expect((lastPage.body as { items: { id: string }[] }).items.map(({ id }) => id)).toEqual([HEALTH_SYSTEM.personId(4, 5000)]);
    } finally {
      await sim.close();
    }
  });
});

describe('simulator size options', () => {
  test.each<[object, RegExp]>([
    [{ seed: 'clinic', size: { users: 10 } }, /size applies only to the health-system seed, not to clinic/],
    [{ seed: 'health-system', size: { users: 0 } }, /size\.users must be a positive integer; received 0/],
    [{ seed: 'health-system', size: { orgs: 1.5 } }, /size\.orgs must be a positive integer/],
    [{ now: Number.NaN }, /now must be epoch milliseconds/],
  ])('refuses %p', async (options, message) => {
    await expect(startSimulator({ tokens: [FULL_ACCESS_TOKEN], ...options })).rejects.toThrow(message);
  });

  test('takes missing sizes from the defaults, and ignores sizes left undefined for any seed', async () => {
    const sim = await startSimulator({ tokens: [FULL_ACCESS_TOKEN], seed: 'health-system', size: { orgs: 3, sites: undefined } });
    try {
      expect(((await call(sim.url, 'GET', '/v1/organizations')).body as { items: unknown[] }).items).toHaveLength(3);
      expect(((await call(sim.url, 'GET', '/v1/meetingPreferences/sites')).body as { sites: unknown[] }).sites).toHaveLength(6);
    } finally {
      await sim.close();
    }
    const clinic = await startSimulator({ tokens: [FULL_ACCESS_TOKEN], seed: 'clinic', size: { users: undefined } });
    await clinic.close();
  });
});
