import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { buildManifest, HipaaBaseline, MeetingSecurity, MeetingSite, WebexOrg } from '../../constructs';
import { MANIFEST_JSON_SCHEMA_FILE, MANIFEST_JSON_SCHEMA_ID, manifestJsonSchema, renderManifestJsonSchema } from '../../manifest/json-schema';
import { newStack } from '../constructs/fixtures';

const COMMITTED = join(__dirname, '..', '..', MANIFEST_JSON_SCHEMA_FILE);

function validator() {
  return new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(COMMITTED, 'utf8')) as object);
}

function clinicManifest() {
  const stack = newStack();
  const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
  new MeetingSite(org, 'Site', { siteUrl: 'riverside-clinic.webex.com' });
  const research = new MeetingSite(org, 'Research', { siteUrl: 'research.riverside-clinic.webex.com' });
  new MeetingSecurity(research, 'Security', { joinBeforeHost: true, audioBeforeHost: true, requireStrongPassword: false });
  new HipaaBaseline(org, 'HipaaBaseline');
  return JSON.parse(JSON.stringify(buildManifest(stack))) as Record<string, any>;
}

describe('JSON Schema', () => {
  test('the committed file is up to date with the zod schema (run `npm run schema`)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(renderManifestJsonSchema());
  });

  test('has $id, title and description, and targets draft 2020-12', () => {
    const schema = manifestJsonSchema();
    expect(schema).toMatchObject({ $id: MANIFEST_JSON_SCHEMA_ID, $schema: 'https://json-schema.org/draft/2020-12/schema' });
    expect(schema.title).toEqual(expect.any(String));
    expect(schema.description).toEqual(expect.stringContaining('formatVersion 1'));
  });

  test('accepts a synthesized manifest', () => {
    const validate = validator();
    expect(validate(clinicManifest())).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  test.each<[string, (m: Record<string, any>) => void, string]>([
    ['minLength above 12', (m) => (m.orgs[0].sites[1].settings.meetingSecurity.passwordCriteria.minLength = 13), '/orgs/0/sites/1/settings/meetingSecurity/passwordCriteria/minLength'],
    ['an unknown field', (m) => (m.orgs[0].sites[1].settings.lobby = {}), '/orgs/0/sites/1/settings'],
    ['audioBeforeHost without joinBeforeHost', (m) => (m.orgs[0].sites[0].settings.meetingSecurity.joinBeforeHost = false), '/orgs/0/sites/0/settings/meetingSecurity/joinBeforeHost'],
    ['passwordCriteria without strong passwords', (m) => (m.orgs[0].sites[0].settings.meetingSecurity.passwordCriteria = {}), '/orgs/0/sites/0/settings/meetingSecurity'],
    ['repeated disallowValues', (m) => m.orgs[0].sites[1].settings.meetingSecurity.passwordCriteria.disallowValues.push('webex'), '/orgs/0/sites/1/settings/meetingSecurity/passwordCriteria/disallowValues'],
    ['a siteUrl in upper case', (m) => (m.orgs[0].sites[1].siteUrl = 'Riverside-Clinic.webex.com'), '/orgs/0/sites/1/siteUrl'],
  ])('rejects %s, like parseManifest', (_, mutate, instancePath) => {
    const manifest = clinicManifest();
    // The research site (sorted first) has audioBeforeHost on and no criteria; the main site has the baseline.
    expect(manifest.orgs[0].sites.map((s: { siteUrl: string }) => s.siteUrl)).toEqual(['research.riverside-clinic.webex.com', 'riverside-clinic.webex.com']);
    mutate(manifest);
    const validate = validator();
    expect(validate(manifest)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain(instancePath);
  });
});
