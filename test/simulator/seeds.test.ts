import { CLINIC } from '../../simulator';
import { loadSeed } from '../../simulator/seeds/load-seed';

const decode = (id: string) => Buffer.from(id, 'base64url').toString('utf8');
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

describe('seeds', () => {
  test('are deterministic and fresh on every load', () => {
    const first = loadSeed('clinic');
    const second = loadSeed('clinic');
    expect(first).toEqual(second);
    expect(first).not.toBe(second);
    expect(first.sites[0]).not.toBe(second.sites[0]);
  });

  test('clinic ids are unpadded base64 of ciscospark URIs with fixed UUIDs', () => {
    expect(decode(CLINIC.orgId)).toMatch(new RegExp(`^ciscospark://us/ORGANIZATION/${UUID}$`));
    expect(decode(CLINIC.adminPersonId)).toMatch(new RegExp(`^ciscospark://us/PEOPLE/${UUID}$`));
    expect(CLINIC.orgId).not.toMatch(/=/);
  });

  test.each(['clinic', 'empty'] as const)('%s has one org, one admin of it and one default site of it', (name) => {
    const seed = loadSeed(name);
    expect(seed.organizations).toHaveLength(1);
    expect(seed.people).toHaveLength(1);
    expect(seed.sites).toHaveLength(1);
    const [org] = seed.organizations;
    const [admin] = seed.people;
    expect(admin.person.id).toBe(seed.adminPersonId);
    expect(admin.person.orgId).toBe(org.id);
    expect(seed.sites[0].orgId).toBe(org.id);
    expect(admin.defaultSiteUrl).toBe(seed.sites[0].siteUrl);
  });
});
