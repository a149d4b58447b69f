import { CLINIC, EMPTY, ROLE_IDS, SESSION_TYPE_IDS } from '../../simulator';
import { isAcceptableHostPin } from '../../simulator/state/host-settings';
import { loadSeed } from '../../simulator/seeds/load-seed';
import type { Seed } from '../../simulator/state/seed';

const NOW = Date.parse('2026-05-04T12:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const decode = (id: string) => Buffer.from(id, 'base64url').toString('utf8');
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const local = (email: string) => email.split('@')[0];

const HOSTS = [
  'admin',
  'dr.lee',
  'dr.patel',
  'dr.garcia',
  'dr.nguyen',
  'dr.smith',
  'dr.johnson',
  'dr.kim',
  'dr.brown',
  'dr.davis',
  'dr.wilson',
  'dr.moore',
  'dr.taylor',
];
const ATTENDEES = [
  'it.lead',
  'former.contractor',
  'practice.manager',
  'privacy.officer',
  'nurse.adams',
  'nurse.baker',
  'nurse.clark',
  'front.desk',
  'billing',
  'lab.tech',
  'nurse.old',
  'dr.retired',
];

/** Each host's settings as the seed defines them, by the local part of their email. */
function hostSettingsByHost(seed: Seed) {
  const site = seed.sites[0];
  return Object.fromEntries(
    seed.people.filter(({ person }) => person.siteUrls.includes(`${site.siteUrl}#host`)).map((record) => [local(record.person.emails[0]), seed.hostSettings(record, site)]),
  );
}

describe('seeds', () => {
  test('are deterministic and fresh on every load', () => {
    const { hostSettings: firstSettings, ...first } = loadSeed('clinic', { now: NOW });
    const { hostSettings: secondSettings, ...second } = loadSeed('clinic', { now: NOW });
    expect(first).toEqual(second);
    expect(first.sites[0]).not.toBe(second.sites[0]);
    const admin = first.people[0];
    expect(firstSettings(admin, first.sites[0])).toEqual(secondSettings(admin, first.sites[0]));
  });

  test('clinic ids are unpadded base64 of ciscospark URIs with fixed UUIDs', () => {
    expect(decode(CLINIC.orgId)).toBe(`ciscospark://us/ORGANIZATION/${CLINIC.identityOrgId}`);
    expect(CLINIC.identityOrgId).toBe('3f2b8c1e-5d4a-4e9b-a7c6-1b2d3e4f5a60');
    expect(decode(CLINIC.adminPersonId)).toBe('ciscospark://us/PEOPLE/9a1c5e7b-2d4f-4b8a-9c3e-6f7a8b9c0d1e');
    for (const id of Object.values(CLINIC.personIds)) {
      expect(decode(id)).toMatch(new RegExp(`^ciscospark://us/PEOPLE/${UUID}$`));
      expect(id).not.toMatch(/=/);
    }
  });

  test('empty has one org, one admin hosting on its one default site', () => {
    const seed = loadSeed('empty', { now: NOW });
    expect(seed.organizations.map(({ organization }) => organization.id)).toEqual([EMPTY.orgId]);
    expect(seed.people.map(({ person }) => person.id)).toEqual([EMPTY.adminPersonId]);
    expect(seed.sites.map(({ siteUrl, orgId }) => [siteUrl, orgId])).toEqual([[EMPTY.siteUrl, EMPTY.orgId]]);
    expect(seed.people[0].defaultSiteUrl).toBe(EMPTY.siteUrl);
    expect(seed.people[0].person.siteUrls).toEqual([`${EMPTY.siteUrl}#host`]);
  });
});

describe('clinic', () => {
  const seed = loadSeed('clinic', { now: NOW });
  const people = Object.fromEntries(seed.people.map((record) => [local(record.person.emails[0]), record]));

  test('is Riverside Family Clinic with one default site and 25 people of its email domain', () => {
    expect(seed.organizations.map(({ organization }) => organization)).toEqual([
      { id: CLINIC.orgId, displayName: 'Riverside Family Clinic', created: '2021-03-15T16:02:11+00:00' },
    ]);
    expect(seed.sites.map(({ siteUrl }) => siteUrl)).toEqual(['riverside-clinic.webex.com']);
    expect(seed.people).toHaveLength(25);
    expect(Object.keys(people).sort()).toEqual([...HOSTS, ...ATTENDEES].sort());
    for (const record of seed.people) {
      expect(record.person.emails).toEqual([`${local(record.person.emails[0])}@riverside-clinic.example`]);
      expect(record.person.orgId).toBe(CLINIC.orgId);
      expect(record.defaultSiteUrl).toBe(CLINIC.siteUrl);
      expect(record.person.id).toBe(CLINIC.personIds[local(record.person.emails[0])]);
    }
    expect(seed.adminPersonId).toBe(CLINIC.adminPersonId);
    expect(people.admin.person).toMatchObject({ id: CLINIC.adminPersonId, emails: [CLINIC.adminEmail], displayName: 'Morgan Ellis' });
  });

  test('has three Full Administrators, one of them unexpected, and two other admins', () => {
    const holders = (role: string) => seed.people.filter(({ person }) => person.roles.includes(role)).map(({ person }) => local(person.emails[0]));
    expect(holders(ROLE_IDS.fullAdministrator)).toEqual(['admin', 'it.lead', 'former.contractor']);
    expect(holders(ROLE_IDS.userAdministrator)).toEqual(['practice.manager']);
    expect(holders(ROLE_IDS.complianceOfficer)).toEqual(['privacy.officer']);
  });

  test('has 13 hosts with a meetings license; everyone else is an attendee', () => {
    expect(CLINIC.hosts).toEqual(HOSTS);
    for (const name of HOSTS) {
      expect(people[name].person.siteUrls).toEqual(['riverside-clinic.webex.com#host']);
      expect(people[name].person.licenses).toEqual([CLINIC.messagingLicenseId, CLINIC.meetingsLicenseId]);
    }
    for (const name of ATTENDEES) {
      expect(people[name].person.siteUrls).toEqual(['riverside-clinic.webex.com#attendee']);
      expect(people[name].person.licenses).toEqual([CLINIC.messagingLicenseId]);
    }
  });

  test('has two accounts idle for 200 and 400 days; everyone else was active within 10 days', () => {
    const idleDays = (name: string) => (NOW - Date.parse(people[name].person.lastActivity!)) / DAY_MS;
    expect(idleDays('nurse.old')).toBe(200);
    expect(idleDays('dr.retired')).toBe(400);
    expect([people['nurse.old'].person.status, people['dr.retired'].person.status]).toEqual(['inactive', 'inactive']);
    for (const name of [...HOSTS, ...ATTENDEES].filter((other) => other !== 'nurse.old' && other !== 'dr.retired')) {
      expect(idleDays(name)).toBeGreaterThan(0);
      expect(idleDays(name)).toBeLessThan(10);
      expect(people[name].person.status).toBe('active');
    }
    expect(seed.people.every(({ person }) => person.loginEnabled === 'true' && person.invitePending === 'false')).toBe(true);
  });

  test('has MFA off for four users', () => {
    expect(seed.people.filter(({ mfaEnabled }) => !mfaEnabled).map(({ person }) => local(person.emails[0]))).toEqual([
      'former.contractor',
      'front.desk',
      'nurse.old',
      'dr.retired',
    ]);
  });

  test('offers Pro Meeting, a webinar type and the E2EE type on its site', () => {
    expect(seed.sites[0].sessionTypes).toEqual([
      { id: '3', shortName: 'PRO', name: 'Pro Meeting', type: 'meeting' },
      { id: SESSION_TYPE_IDS.webinar, shortName: 'WBN', name: 'Webex Webinar', type: 'webinar' },
      { id: SESSION_TYPE_IDS.endToEndEncryption, shortName: 'PRO3E2E', name: 'Pro 3.0 End to End Encryption_VOIPonly', type: 'meeting' },
    ]);
  });

  test('gives every host a realistic personal room, four of them without auto-lock', () => {
    const settings = hostSettingsByHost(seed);
    expect(Object.keys(settings)).toEqual(HOSTS);
    const pins = new Set<string>();
    for (const [name, { personalMeetingRoom: room }] of Object.entries(settings)) {
      expect(room.topic).toBe(`${people[name].person.displayName}'s Personal Room`);
      expect(room.hostPin).toMatch(/^\d{4}$/);
      expect(isAcceptableHostPin(room.hostPin)).toBe(true);
      expect(room.coHosts).toEqual([]);
      pins.add(room.hostPin);
    }
    expect(pins.size).toBe(HOSTS.length);
    const autoLockOff = Object.entries(settings).filter(([, { personalMeetingRoom }]) => !personalMeetingRoom.enabledAutoLock);
    expect(autoLockOff.map(([name]) => name)).toEqual(['dr.lee', 'dr.garcia', 'dr.kim', 'dr.moore']);
    expect(Object.values(settings).filter(({ personalMeetingRoom }) => personalMeetingRoom.enabledAutoLock).map(({ personalMeetingRoom }) => personalMeetingRoom.autoLockMinutes)).toEqual(
      Array(9).fill(10),
    );
  });

  test('lets attendees join before three hosts', () => {
    const settings = hostSettingsByHost(seed);
    const joinBeforeHost = Object.entries(settings)
      .filter(([, { schedulingOptions }]) => schedulingOptions.enabledJoinBeforeHost)
      .map(([name, { schedulingOptions }]) => [name, schedulingOptions.joinBeforeHostMinutes]);
    expect(joinBeforeHost).toEqual([
      ['dr.patel', 10],
      ['dr.smith', 5],
      ['dr.wilson', 15],
    ]);
  });

  test('gives every host Pro Meeting, three the webinar type, and nobody the E2EE type', () => {
    const settings = hostSettingsByHost(seed);
    for (const { sessionTypeIds } of Object.values(settings)) {
      expect(sessionTypeIds).toContain(SESSION_TYPE_IDS.pro);
      expect(sessionTypeIds).not.toContain(SESSION_TYPE_IDS.endToEndEncryption);
    }
    expect(Object.entries(settings).filter(([, { sessionTypeIds }]) => sessionTypeIds.includes(SESSION_TYPE_IDS.webinar)).map(([name]) => name)).toEqual([
      'admin',
      'dr.patel',
      'dr.nguyen',
    ]);
  });

  test('counts lastActivity back from `now`', () => {
    const later = loadSeed('clinic', { now: NOW + DAY_MS });
    expect(Date.parse(later.people[0].person.lastActivity!) - Date.parse(seed.people[0].person.lastActivity!)).toBe(DAY_MS);
  });
});
