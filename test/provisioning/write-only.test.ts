import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mfa, Org, PasswordPolicy } from '../../manifest';
import {
  applyPlan,
  EnforcementRecord,
  enforcementHash,
  ObservedOrg,
  planChanges,
  PlanError,
  readEnforcements,
  recordEnforcement,
  renderPlanText,
  stateDirFrom,
  stateFile,
  VerificationError,
  WebexClient,
} from '../../provisioning';
import { identityOrgId } from '../../provisioning/people/identity-org-id';
import { startScriptedServer } from '../helpers/scripted-server';
import type { WriteOnlyAudit } from '../../provisioning/audit/write-only-audit';
import { untrusted } from '../../manifest/text';

const TOKEN = 'write-only-token-6b2f';
// base64url("ciscospark://us/ORGANIZATION/3f2b8c1e-5d4a-4e9b-a7c6-1b2d3e4f5a60"), as /v1/organizations returns it.
const ORG_ID = Buffer.from('ciscospark://us/ORGANIZATION/3f2b8c1e-5d4a-4e9b-a7c6-1b2d3e4f5a60').toString('base64url');
const IDENTITY_ORG_ID = '3f2b8c1e-5d4a-4e9b-a7c6-1b2d3e4f5a60';

const POLICY: PasswordPolicy = {
  path: 'clinic/Org/Baseline/PasswordPolicy',
  minimumLength: 12,
  minimumNumeric: 1,
  minimumCapAlpha: 1,
  minimumLowAlpha: 1,
  minimumSpecial: 1,
  historyCount: 5,
  maxPasswordAgeDays: 90,
  notAcceptableStrings: ['password', 'webex'],
};
const MFA: Mfa = { path: 'clinic/Org/Baseline/Mfa', mfaEnabled: true };
const POLICY_VALUES = { minimumLength: 12, minimumNumeric: 1, minimumCapAlpha: 1, minimumLowAlpha: 1, minimumSpecial: 1, historyCount: 5, maxPasswordAgeDays: 90, notAcceptableStrings: ['password', 'webex'] };

function org(settings: Org['settings']): Org {
  return { path: 'clinic/Org', name: 'Riverside Family Clinic', settings, sites: [] };
}

/** The org as read: the state file's records, and (by default) an admin audit log with no change since. */
function observed(enforced: Record<string, EnforcementRecord | null>, writeOnlyAudit?: Record<string, WriteOnlyAudit>): ObservedOrg {
  const quiet = Object.fromEntries(Object.entries(enforced).filter(([, record]) => record !== null).map(([setting]) => [setting, { state: 'unchanged' as const }]));
  return { name: 'Riverside Family Clinic', orgId: ORG_ID, sites: {}, org: { enforced, writeOnlyAudit: writeOnlyAudit ?? quiet } };
}

const client = (url: string) => new WebexClient({ baseUrl: url, token: TOKEN, sleep: async () => undefined });

describe('write-only settings (password policy, MFA)', () => {
  let stateDir: string;
  beforeEach(() => (stateDir = mkdtempSync(join(tmpdir(), 'webex-iac-state-'))));
  afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

  describe('planning', () => {
    test('never enforced: an enforce change, marked write-only, with nothing claimed as read', () => {
      const plan = planChanges([org({ passwordPolicy: POLICY })], [observed({ passwordPolicy: null })]);
      expect(plan.changes).toHaveLength(1);
      expect(plan.changes[0]).toMatchObject({ target: { kind: 'org', orgId: ORG_ID }, setting: 'passwordPolicy', action: 'enforce', writeOnly: true, before: {}, after: POLICY_VALUES });
      expect(plan.changes[0]!.notes[0]).toMatch(/never enforced by webex-iac for this org/);
      expect(plan.summary.actions).toEqual({ update: 0, enforce: 1, revoke: 0, deactivate: 0 });
      expect(renderPlanText(plan)).toMatch(/! minimumLength +\S* = \(write-only: cannot be read\) -> 12/);
    });

    test('last enforced with the same values: no change, so a converged org plans "No changes"', () => {
      const record = { sha256: enforcementHash(POLICY_VALUES), enforcedAt: '2026-11-01T00:00:00.000Z', trackingId: 'T' };
      const plan = planChanges([org({ passwordPolicy: POLICY })], [observed({ passwordPolicy: record })]);
      expect(plan.changes).toEqual([]);
      expect(plan.summary.unchangedSettings).toBe(1);
    });

    test('--reenforce enforces it anyway, saying why', () => {
      const record = { sha256: enforcementHash(POLICY_VALUES), enforcedAt: '2026-11-01T00:00:00.000Z', trackingId: 'T' };
      const plan = planChanges([org({ passwordPolicy: POLICY })], [observed({ passwordPolicy: record })], { reenforce: true });
      expect(plan.changes[0]!.notes[0]).toBe('--reenforce: enforced again although webex-iac last enforced these values on 2026-11-01T00:00:00.000Z');
    });

    test('declared values that differ from the last enforced ones: enforce', () => {
      const record = { sha256: enforcementHash({ ...POLICY_VALUES, minimumLength: 8 }), enforcedAt: '2026-11-01T00:00:00.000Z', trackingId: 'T' };
      const plan = planChanges([org({ passwordPolicy: POLICY })], [observed({ passwordPolicy: record })]);
      expect(plan.changes[0]!.notes[0]).toBe('the declared values differ from those webex-iac last enforced on 2026-11-01T00:00:00.000Z');
    });

    test('same values, but another admin changed the org\'s authentication settings since: enforce, naming who and when', () => {
      const record = { sha256: enforcementHash(POLICY_VALUES), enforcedAt: '2026-11-01T00:00:00.000Z', trackingId: 'T' };
      const event = { actorName: untrusted('IT Lead'), actorEmail: untrusted('it.lead@clinic.example'), actorId: untrusted('P2'), at: untrusted('2026-11-20T10:00:00.000Z'), trackingId: untrusted('ATLAS_1'), category: untrusted('ORG'), description: untrusted('Password policy updated') };
      const plan = planChanges([org({ passwordPolicy: POLICY })], [observed({ passwordPolicy: record }, { passwordPolicy: { state: 'changed', event } })]);
      expect(plan.changes).toHaveLength(1);
      expect(plan.changes[0]).toMatchObject({ setting: 'passwordPolicy', action: 'enforce', after: POLICY_VALUES });
      expect(plan.changes[0]!.notes[0]).toBe(
        'drifted: passwordPolicy changed in Control Hub by it.lead@clinic.example at 2026-11-20T10:00:00.000Z (trackingId ATLAS_1: ORG "Password policy updated") after webex-iac enforced it on 2026-11-01T00:00:00.000Z',
      );
    });

    test('enforced longer ago than the audit log reaches: the plan says so and enforces again', () => {
      const record = { sha256: enforcementHash({ mfaEnabled: true }), enforcedAt: '2024-01-01T00:00:00.000Z', trackingId: 'T' };
      const plan = planChanges([org({ mfa: MFA })], [observed({ mfa: record }, { mfa: { state: 'not-covered', reachDays: 365 } })]);
      expect(plan.changes[0]!.notes[0]).toBe(
        'webex-iac last enforced it on 2024-01-01T00:00:00.000Z, longer ago than the admin audit log reaches (365 days): no audit event can show it unchanged, so it is enforced again',
      );
    });

    test('fails when the admin audit log was not read for an enforced setting (never counted as unchanged)', () => {
      const record = { sha256: enforcementHash({ mfaEnabled: true }), enforcedAt: '2026-11-01T00:00:00.000Z', trackingId: 'T' };
      expect(() => planChanges([org({ mfa: MFA })], [observed({ mfa: record }, {})])).toThrow(/^clinic\/Org\/Baseline\/Mfa \(settings\.mfa of org "Riverside Family Clinic"\): the admin audit log was not read for it, so nothing can be planned/);
    });

    test('an unknown write-only setting (audit log unreadable) is neither enforced nor unchanged', () => {
      const record = { sha256: enforcementHash({ mfaEnabled: true }), enforcedAt: '2026-11-01T00:00:00.000Z', trackingId: 'T' };
      const live: ObservedOrg = { ...observed({ mfa: record }, {}), unknown: [{ org: 'Riverside Family Clinic', target: { kind: 'org', orgId: ORG_ID }, setting: 'mfa', reason: untrusted('x') }] };
      const plan = planChanges([org({ mfa: MFA })], [live]);
      expect(plan.changes).toEqual([]);
      expect(plan.summary.unchangedSettings).toBe(0);
      expect(plan.unknown).toHaveLength(1);
    });

    test('enforcing MFA off weakens; on strengthens', () => {
      expect(planChanges([org({ mfa: { ...MFA, mfaEnabled: false } })], [observed({ mfa: null })]).changes[0]!.impact).toBe('weakens');
      expect(planChanges([org({ mfa: MFA })], [observed({ mfa: null })]).changes[0]!.impact).toBe('strengthens');
    });

    test('fails when the record was not read', () => {
      expect(() => planChanges([org({ mfa: MFA })], [observed({})])).toThrow(/\(settings\.mfa of org "Riverside Family Clinic"\): its write-only record was not read, so nothing can be planned for it; plan again/);
    });
  });

  describe('apply', () => {
    test('PATCHes the identity org with every value as a string, checks the response, records what was enforced', async () => {
      const plan = planChanges([org({ passwordPolicy: POLICY, mfa: MFA })], [observed({ passwordPolicy: null, mfa: null })]);
      const server = await startScriptedServer([
        { status: 200, body: { minimumNumeric: '1', minimumCapAlpha: '1', minimumLowAlpha: '1', minimumSpecial: '1', minimumLength: '12', historyCount: '5', maxPasswordAge: '90', notAcceptableStrings: 'password,webex' } },
        { status: 200, body: { schemas: ['urn:cisco:codev:identity:idbroker:authnconfig:schemas:1.0'], LockoutDuration: 1 } },
      ]);
      try {
        const applied = await applyPlan(client(server.url), plan, { stateDir, concurrency: 1 });
        // No GET exists: apply reads nothing before writing.
        expect(server.received.map((r) => `${r.method} ${r.url}`)).toEqual([
          `PATCH /identity/organizations/${IDENTITY_ORG_ID}/passwordPolicy`,
          `PATCH /identity/organizations/${IDENTITY_ORG_ID}/authenticationConfig`,
        ]);
        expect(server.received[0]!.body).toEqual({
          schemas: ['urn:cisco:codev:identity:idbroker:pwdpolicy:schemas:1.0'],
          minimumLength: '12',
          minimumNumeric: '1',
          minimumCapAlpha: '1',
          minimumLowAlpha: '1',
          minimumSpecial: '1',
          historyCount: '5',
          maxPasswordAge: '90',
          notAcceptableStrings: 'password,webex',
        });
        expect(server.received[1]!.body).toEqual({ schemas: ['urn:cisco:codev:identity:idbroker:authnconfig:schemas:1.0'], mfaEnabled: true });
        expect(applied[0]).toMatchObject({ readBack: POLICY_VALUES });
        expect(applied[0]!.unverifiedFields).toBeUndefined();
        // The response did not echo mfaEnabled: recorded, but said to be unverifiable.
        expect(applied[1]!.unverifiedFields).toEqual(['mfaEnabled']);

        const records = readEnforcements(stateDir, ORG_ID);
        expect(records.passwordPolicy!.sha256).toBe(enforcementHash(POLICY_VALUES));
        expect(records.mfa!.sha256).toBe(enforcementHash({ mfaEnabled: true }));
        // The next plan, from the record, has nothing to do.
        expect(planChanges([org({ passwordPolicy: POLICY, mfa: MFA })], [observed(records)]).changes).toEqual([]);
      } finally {
        await server.close();
      }
    });

    test('a response that echoes other values than were written is an error, and nothing is recorded', async () => {
      const plan = planChanges([org({ mfa: MFA })], [observed({ mfa: null })]);
      const server = await startScriptedServer([{ status: 200, body: { mfaEnabled: false } }]);
      try {
        await expect(applyPlan(client(server.url), plan, { stateDir })).rejects.toThrow(VerificationError);
        expect(readEnforcements(stateDir, ORG_ID)).toEqual({});
      } finally {
        await server.close();
      }
    });

    test('a failed write records nothing', async () => {
      const plan = planChanges([org({ mfa: MFA })], [observed({ mfa: null })]);
      const server = await startScriptedServer([{ status: 403, body: { message: 'Forbidden', errors: [{ description: 'id_full_admin required' }], trackingId: 'T2' } }]);
      try {
        await expect(applyPlan(client(server.url), plan, { stateDir })).rejects.toThrow(/answered 403: Forbidden; id_full_admin required/);
        expect(readEnforcements(stateDir, ORG_ID)).toEqual({});
      } finally {
        await server.close();
      }
    });
  });

  describe('state file', () => {
    test('holds a hash and when, never the values', () => {
      recordEnforcement(stateDir, { orgId: ORG_ID, name: 'Riverside Family Clinic' }, 'passwordPolicy', POLICY_VALUES, 'TRACK-1', new Date('2026-11-25T10:00:00Z'));
      const text = readFileSync(stateFile(stateDir, ORG_ID), 'utf8');
      expect(JSON.parse(text)).toEqual({
        formatVersion: 1,
        orgId: ORG_ID,
        orgName: 'Riverside Family Clinic',
        enforced: { passwordPolicy: { sha256: enforcementHash(POLICY_VALUES), enforcedAt: '2026-11-25T10:00:00.000Z', trackingId: 'TRACK-1' } },
      });
      expect(text).not.toContain('password,webex');
      expect(text).not.toContain('"webex"');
    });

    test('a corrupt or foreign file fails the plan with a way out', () => {
      writeFileSync(stateFile(stateDir, ORG_ID), '{not json');
      expect(() => readEnforcements(stateDir, ORG_ID)).toThrow(PlanError);
      expect(() => readEnforcements(stateDir, ORG_ID)).toThrow(/is not valid JSON .*fix or delete it \(deleting makes the next plan enforce every write-only setting again\)/);
      writeFileSync(stateFile(stateDir, ORG_ID), JSON.stringify({ formatVersion: 1, orgId: 'OTHER', orgName: 'x', enforced: {} }));
      expect(() => readEnforcements(stateDir, ORG_ID)).toThrow(/it belongs to org OTHER/);
    });

    test('its folder is WEBEX_IAC_STATE_DIR, else .webex-iac/state', () => {
      expect(stateDirFrom({ WEBEX_IAC_STATE_DIR: '/var/lib/webex-iac' }, '/repo')).toBe('/var/lib/webex-iac');
      expect(stateDirFrom({ WEBEX_IAC_STATE_DIR: 'ci-cache/state' }, '/repo')).toBe('/repo/ci-cache/state');
      expect(stateDirFrom({}, '/repo')).toBe('/repo/.webex-iac/state');
    });
  });

  test('identity endpoints take the UUID inside the /v1 org id', () => {
    expect(identityOrgId(ORG_ID)).toBe(IDENTITY_ORG_ID);
    expect(identityOrgId(IDENTITY_ORG_ID)).toBe(IDENTITY_ORG_ID);
    expect(identityOrgId('not-an-encoded-id')).toBe('not-an-encoded-id');
  });
});
