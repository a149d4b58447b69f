import { InactiveAccounts, Org } from '../../manifest';
import { applyPlan, ObservedOrg, planChanges, WebexClient } from '../../provisioning';
import { ObservedAccount } from '../../provisioning/observe-fleet';
import { startScriptedServer } from '../helpers/scripted-server';

const TOKEN = 'inactive-token-2a7c';
const NOW = new Date('2026-11-25T12:00:00Z');
const DECLARED: InactiveAccounts = { path: 'clinic/Org/Baseline/InactiveAccounts', inactiveDays: 90 };

const account = (local: string, lastActivity: string | null): ObservedAccount => ({ email: `${local}@clinic.example`, personId: `ID-${local}`, lastActivity, unsendablePhoneTypes: [] });
const ACCOUNTS = [account('dr.retired', '2025-10-21T12:00:00.000Z'), account('invited', null), account('nurse.old', '2026-05-09T12:00:00.000Z')];

function org(declared: Partial<InactiveAccounts> = {}): Org {
  return { path: 'clinic/Org', name: 'Clinic', settings: { inactiveAccounts: { ...DECLARED, ...declared } }, sites: [] };
}

function observed(accounts: ObservedAccount[] = ACCOUNTS, actor = 'admin@clinic.example'): ObservedOrg {
  return { name: 'Clinic', orgId: 'ORG', sites: {}, inactive: accounts, actor: { id: 'ID-admin', email: actor } };
}

describe('inactive accounts', () => {
  test('each inactive account is a finding until deactivate is set; an account without activity data is never judged inactive', () => {
    const plan = planChanges([org()], [observed()], { now: NOW });
    expect(plan.changes).toEqual([]);
    expect(plan.findings.map((f) => [f.kind, f.target.kind === 'person' ? f.target.email : '', f.detail])).toEqual([
      ['inactive-account', 'dr.retired@clinic.example', 'no activity for 400 days (last 2025-10-21), inactive after 90 (set deactivate: true to turn its login off)'],
      ['activity-unknown', 'invited@clinic.example', expect.stringMatching(/no last activity .*never deactivated/)],
      ['inactive-account', 'nurse.old@clinic.example', 'no activity for 200 days (last 2026-05-09), inactive after 90 (set deactivate: true to turn its login off)'],
    ]);
    expect(plan.summary.unchangedSettings).toBe(1);
  });

  test('deactivate: one change per inactive account, planned from its last activity', () => {
    const plan = planChanges([org({ deactivate: true })], [observed()], { now: NOW });
    expect(plan.changes.map((c) => [c.action, c.target, c.before, c.after, c.plannedFrom])).toEqual([
      ['deactivate', { kind: 'person', email: 'dr.retired@clinic.example', personId: 'ID-dr.retired', orgId: 'ORG' }, { loginEnabled: true }, { loginEnabled: false }, { lastActivity: '2025-10-21T12:00:00.000Z' }],
      ['deactivate', { kind: 'person', email: 'nurse.old@clinic.example', personId: 'ID-nurse.old', orgId: 'ORG' }, { loginEnabled: true }, { loginEnabled: false }, { lastActivity: '2026-05-09T12:00:00.000Z' }],
    ]);
    expect(plan.findings.map((f) => f.kind)).toEqual(['activity-unknown']);
  });

  test('an account that became active again by plan time is left alone', () => {
    expect(planChanges([org({ deactivate: true, inactiveDays: 300 })], [observed()], { now: NOW }).changes.map((c) => c.target)).toEqual([expect.objectContaining({ email: 'dr.retired@clinic.example' })]);
  });

  test('never deactivates the token\'s own user', () => {
    const plan = planChanges([org({ deactivate: true })], [observed(ACCOUNTS, 'nurse.old@clinic.example')], { now: NOW });
    expect(plan.changes.map((c) => c.target)).toEqual([expect.objectContaining({ email: 'dr.retired@clinic.example' })]);
    expect(plan.findings).toContainEqual(expect.objectContaining({ target: expect.objectContaining({ email: 'nurse.old@clinic.example' }), detail: expect.stringMatching(/token's own user, which webex-iac never deactivates/) }));
  });

  test('apply: re-reads the account, PUTs the whole person with loginEnabled false, reads back', async () => {
    const plan = planChanges([org({ deactivate: true })], [observed([ACCOUNTS[0]!])], { now: NOW });
    const person = { id: 'ID-dr.retired', emails: ['dr.retired@clinic.example'], displayName: 'Walter Grant', orgId: 'ORG', roles: [], licenses: ['LIC'], lastActivity: '2025-10-21T12:00:00.000Z', loginEnabled: 'true' };
    const server = await startScriptedServer([
      { status: 200, body: { items: [] } }, // GET /v1/roles
      { status: 200, body: { items: [person] } },
      { status: 200, body: person },
      { status: 200, body: { ...person, loginEnabled: 'false' } },
      { status: 200, body: { items: [{ ...person, loginEnabled: 'false' }] } },
    ]);
    try {
      const client = new WebexClient({ baseUrl: server.url, token: TOKEN, sleep: async () => undefined });
      const [applied] = await applyPlan(client, plan);
      expect(applied!.readBack).toEqual({ loginEnabled: false });
      const put = server.received.find((r) => r.method === 'PUT')!;
      expect(put.body).toEqual({ emails: ['dr.retired@clinic.example'], displayName: 'Walter Grant', orgId: 'ORG', roles: [], licenses: ['LIC'], loginEnabled: false });
    } finally {
      await server.close();
    }
  });

  test('apply refuses when the account was used since the plan', async () => {
    const plan = planChanges([org({ deactivate: true })], [observed([ACCOUNTS[0]!])], { now: NOW });
    const server = await startScriptedServer([
      { status: 200, body: { items: [] } },
      { status: 200, body: { items: [{ id: 'ID-dr.retired', emails: ['dr.retired@clinic.example'], orgId: 'ORG', lastActivity: '2026-11-25T09:00:00.000Z', loginEnabled: true }] } },
    ]);
    try {
      const client = new WebexClient({ baseUrl: server.url, token: TOKEN, sleep: async () => undefined });
      await expect(applyPlan(client, plan)).rejects.toThrow(/settings\.inactiveAccounts\.lastActivity of person dr\.retired@clinic\.example of org "Clinic"\) was "2025-10-21T12:00:00.000Z" when planned, is now "2026-11-25T09:00:00.000Z"/);
      expect(server.received.filter((r) => r.method === 'PUT')).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
