import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { Manifest, PREFERENCE_CONTROL_KEYS, SITE_CONTROLS } from '../../manifest';
import { applyPlan, planOrgs, WebexClient } from '../../provisioning';
import { MeetingPreferencesSchema, PersonalRoomResponseSchema, SchedulingOptionsResponseSchema } from '../../provisioning/client/schemas/meeting-preferences';
import { FullPersonSchema, PersonListSchema, RoleListSchema } from '../../provisioning/client/schemas/person';
import { SiteSessionTypesSchema, UserSessionTypesListSchema, UserSessionTypesSchema } from '../../provisioning/client/schemas/session-types';
import { startSimulator } from '../../simulator';
import { specExample } from '../helpers/spec-examples';
import { synthesizeMainManifest } from '../helpers/synth-main';
import { validateRequest } from './openapi-contract';

const TOKEN = 'client-controls-token-3f9a';

/**
 * The identity PATCH operations are not in the spec copies of test/fixtures (WEBEX-API.md §2.6–2.7, source
 * S3: a later spec version): their request bodies are held against these schemas, written from that
 * description instead. All password policy values are strings; every field but notAcceptableStrings is
 * required; the authentication config takes schemas, mfaEnabled and the RememberMyLoginId pair only.
 */
const integerString = (min: number, max: number) =>
  z.string().regex(/^\d+$/).refine((v) => Number(v) >= min && Number(v) <= max, `an integer from ${min} to ${max}, as a string`);
const PasswordPolicyPatchSchema = z
  .object({
    schemas: z.array(z.string()).refine((s) => s.includes('urn:cisco:codev:identity:idbroker:pwdpolicy:schemas:1.0'), 'must contain the pwdpolicy schema'),
    minimumNumeric: integerString(0, 256),
    minimumCapAlpha: integerString(0, 256),
    minimumLowAlpha: integerString(0, 256),
    minimumSpecial: integerString(0, 256),
    minimumLength: integerString(8, 256),
    historyCount: integerString(1, 5),
    maxPasswordAge: integerString(90, 1825),
    notAcceptableStrings: z.string().optional(),
  })
  .strict();
const AuthenticationConfigPatchSchema = z
  .object({
    schemas: z.array(z.string()).refine((s) => s.includes('urn:cisco:codev:identity:idbroker:authnconfig:schemas:1.0'), 'must contain the authnconfig schema'),
    mfaEnabled: z.boolean().optional(),
    RememberMyLoginId: z.boolean().optional(),
    RememberMyLoginIdDuration: z.number().int().min(1).max(120).optional(),
  })
  .strict();

const IDENTITY_PATCHES: readonly [RegExp, z.ZodType][] = [
  [/^\/identity\/organizations\/[0-9a-f-]{36}\/passwordPolicy$/, PasswordPolicyPatchSchema],
  [/^\/identity\/organizations\/[0-9a-f-]{36}\/authenticationConfig$/, AuthenticationConfigPatchSchema],
];

/** Problems with one request: against Cisco's spec, or for the identity PATCHes against the schemas above. */
function requestProblems(method: string, url: string, body: unknown): string[] {
  const identity = method === 'PATCH' ? IDENTITY_PATCHES.find(([pattern]) => pattern.test(url)) : undefined;
  if (identity !== undefined) {
    const parsed = identity[1].safeParse(body);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  // A next-page URL is the server's own (followed verbatim, as Webex asks): its cursor is not ours to declare.
  const parsed = new URL(url, 'http://x');
  if (parsed.searchParams.has('cursor')) return [];
  return validateRequest({ method, url, requestBody: body });
}

describe('every request the client sends for the controls agrees with Cisco\'s spec', () => {
  let manifest: Manifest;
  beforeAll(() => {
    manifest = synthesizeMainManifest();
  });

  test('plan and apply of every control, opt-in actions included, against the simulator', async () => {
    const sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    const stateDir = mkdtempSync(join(tmpdir(), 'webex-iac-contract-'));
    try {
      const client = new WebexClient({ baseUrl: sim.url, token: TOKEN, sleep: async () => undefined });
      const orgs = structuredClone(manifest.orgs);
      orgs[0]!.settings.adminAccess!.revokeUnexpected = true;
      orgs[0]!.settings.inactiveAccounts!.deactivate = true;
      await applyPlan(client, await planOrgs(client, orgs, { stateDir }), { stateDir });
      await planOrgs(client, orgs, { stateDir });

      const operations = new Set(sim.exchanges.map((e) => `${e.method} ${new URL(e.url, 'http://x').pathname.replace(/\/people\/[^/]+$/, '/people/{id}').replace(/organizations\/[^/]+\//, 'organizations/{orgId}/').replace(/scim\/[^/]+\//, 'scim/{orgId}/')}`));
      // Every operation the controls use was exercised.
      expect([...operations].sort()).toEqual(
        expect.arrayContaining([
          'GET /v1/people',
          'GET /v1/people/{id}',
          'PUT /v1/people/{id}',
          'GET /v1/roles',
          'GET /v1/meetingPreferences',
          'PUT /v1/meetingPreferences/personalMeetingRoom',
          'PUT /v1/meetingPreferences/schedulingOptions',
          'GET /v1/admin/meeting/config/sessionTypes',
          'GET /v1/admin/meeting/userconfig/sessionTypes',
          'PUT /v1/admin/meeting/userconfig/sessionTypes',
          'PATCH /identity/organizations/{orgId}/passwordPolicy',
          'PATCH /identity/organizations/{orgId}/authenticationConfig',
          'GET /identity/scim/{orgId}/v2/Users',
        ]),
      );
      // A host's room and scheduling options are read together (Get Meeting Preference Details), never one by one.
      expect([...operations].filter((o) => o === 'GET /v1/meetingPreferences/personalMeetingRoom' || o === 'GET /v1/meetingPreferences/schedulingOptions')).toEqual([]);
      const problems = sim.exchanges.flatMap((e) => requestProblems(e.method, e.url, e.requestBody).map((p) => `${e.method} ${e.url}: ${p}`));
      expect(problems).toEqual([]);
      expect(sim.exchanges.every((e) => e.status >= 200 && e.status < 300)).toBe(true);
      // Each per-host preference control wrote its flag (the clinic seed has a host with each one on) in a request that validated above.
      for (const key of PREFERENCE_CONTROL_KEYS) {
        for (const [field, flag] of Object.entries(SITE_CONTROLS[key].preferences)) {
          const [section, name] = field.split('.') as [string, string];
          expect(sim.exchanges.some((e) => e.method === 'PUT' && e.url.startsWith(`/v1/meetingPreferences/${section}?`) && (e.requestBody as Record<string, unknown>)[name] === flag.safe)).toBe(true);
        }
      }
    } finally {
      await sim.close();
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  test('the identity schemas above reject what Webex would (so the check above can fail)', () => {
    expect(requestProblems('PATCH', '/identity/organizations/3f2b8c1e-5d4a-4e9b-a7c6-1b2d3e4f5a60/passwordPolicy', { schemas: ['urn:cisco:codev:identity:idbroker:pwdpolicy:schemas:1.0'], minimumLength: 12 })).not.toEqual([]);
    expect(requestProblems('PATCH', '/identity/organizations/3f2b8c1e-5d4a-4e9b-a7c6-1b2d3e4f5a60/authenticationConfig', { schemas: ['urn:cisco:codev:identity:idbroker:authnconfig:schemas:1.0'], mfaEnabled: true, LockoutDuration: 5 })).toEqual(['(root): Unrecognized key: "LockoutDuration"']);
    expect(requestProblems('PUT', '/v1/meetingPreferences/personalMeetingRoom?userEmail=a%40b.c', { topic: 't', hostPin: '4825', enabledAutoLock: true, autoLockMinutes: 5, enabledNotifyHost: true, supportCoHost: false, coHosts: [], sipAddress: 'x' })).toContainEqual(expect.stringMatching(/additional properties "sipAddress"/));
  });

  test.each<[string, z.ZodType, () => unknown]>([
    ['GET meetingPreferences', MeetingPreferencesSchema, () => specExample('get', '/meetingPreferences')],
    ['GET personalMeetingRoom', PersonalRoomResponseSchema, () => specExample('get', '/meetingPreferences/personalMeetingRoom')],
    ['PUT personalMeetingRoom', PersonalRoomResponseSchema, () => specExample('put', '/meetingPreferences/personalMeetingRoom')],
    ['GET schedulingOptions', SchedulingOptionsResponseSchema, () => specExample('get', '/meetingPreferences/schedulingOptions')],
    ['PUT schedulingOptions', SchedulingOptionsResponseSchema, () => specExample('put', '/meetingPreferences/schedulingOptions')],
    ['GET site session types', SiteSessionTypesSchema, () => specExample('get', '/admin/meeting/config/sessionTypes')],
    ['GET user session types', UserSessionTypesListSchema, () => specExample('get', '/admin/meeting/userconfig/sessionTypes')],
    ['PUT user session types', UserSessionTypesSchema, () => specExample('put', '/admin/meeting/userconfig/sessionTypes')],
    ['GET people', PersonListSchema, () => specExample('get', '/people')],
    ['GET people/{id}', FullPersonSchema, () => specExample('get', '/people/{personId}')],
    ['PUT people/{id}', FullPersonSchema, () => specExample('put', '/people/{personId}')],
    ['GET roles', RoleListSchema, () => specExample('get', '/roles')],
  ])('the client accepts the spec\'s example response of %s', (_, schema, example) => {
    const parsed = schema.safeParse(example());
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
});
