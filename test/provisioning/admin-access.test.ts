import { AdminAccess, Org } from '../../manifest';
import { applyPlan, ObservedOrg, planChanges, PlanError, renderPlanText, WebexClient } from '../../provisioning';
import { ObservedAdmin } from '../../provisioning/observe-org-settings';
import { startScriptedServer } from '../helpers/scripted-server';

const TOKEN = 'admin-access-token-9d3e';
const FULL = 'Full Administrator';
const ROLES = { items: [{ id: 'ROLE-FULL', name: FULL }, { id: 'ROLE-USER', name: 'User Administrator' }] };
const ACCESS: AdminAccess = { path: 'clinic/Org/Baseline/AdminAccess', allowedAdmins: ['admin@clinic.example', 'it.lead@clinic.example'], maxFullAdmins: 2 };

const admin = (local: string, roles: string[], unsendablePhoneTypes: string[] = []): ObservedAdmin => ({ email: `${local}@clinic.example`, personId: `ID-${local}`, roles, unsendablePhoneTypes });
const ADMINS = [admin('admin', [FULL]), admin('former.contractor', [FULL], ['mobile']), admin('it.lead', [FULL])];

function org(declared: Partial<AdminAccess> = {}): Org {
  return { path: 'clinic/Org', name: 'Clinic', settings: { adminAccess: { ...ACCESS, ...declared } }, sites: [] };
}

function observed(admins: ObservedAdmin[] = ADMINS, actor = 'admin@clinic.example'): ObservedOrg {
  return { name: 'Clinic', orgId: 'ORG', sites: {}, org: { admins }, actor: { id: 'ID-actor', email: actor } };
}

describe('admin access', () => {
  test('an unexpected admin is a finding, not a change, until revokeUnexpected is set: the org still plans "No changes"', () => {
    const plan = planChanges([org()], [observed()]);
    expect(plan.changes).toEqual([]);
    expect(plan.findings).toEqual([
      {
        org: 'Clinic',
        kind: 'unexpected-admin',
        target: { kind: 'person', email: 'former.contractor@clinic.example', personId: 'ID-former.contractor' },
        setting: 'adminAccess',
        detail: 'holds Full Administrator but is not in allowedAdmins (set revokeUnexpected: true to revoke)',
        path: ACCESS.path,
      },
      {
        org: 'Clinic',
        kind: 'too-many-full-admins',
        target: { kind: 'org', orgId: 'ORG' },
        setting: 'adminAccess',
        detail: '3 people hold Full Administrator, at most 2 allowed: admin@clinic.example, former.contractor@clinic.example, it.lead@clinic.example',
        path: ACCESS.path,
      },
    ]);
    expect(renderPlanText(plan)).toMatch(/^Findings \(2\)[\s\S]*\n\nNo changes\. [^\n]*\n$/);
  });

  test('revokeUnexpected: a revoke change per unexpected admin, with a note when the full-body PUT cannot keep a phone number', () => {
    const plan = planChanges([org({ revokeUnexpected: true })], [observed()]);
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]).toMatchObject({
      target: { kind: 'person', email: 'former.contractor@clinic.example', personId: 'ID-former.contractor', orgId: 'ORG' },
      setting: 'adminAccess',
      action: 'revoke',
      before: { roles: [FULL] },
      after: { roles: [] },
      impact: 'strengthens',
    });
    expect(plan.changes[0]!.notes).toContainEqual(expect.stringMatching(/accepts only work phone numbers: this person's mobile number\(s\) cannot be sent back/));
    // After the revocation two Full Administrators remain: no finding.
    expect(plan.findings).toEqual([]);
  });

  test('never revokes the token\'s own user, even when it is unexpected', () => {
    const plan = planChanges([org({ revokeUnexpected: true, allowedAdmins: ['it.lead@clinic.example'] })], [observed()]);
    expect(plan.changes.map((c) => c.target)).toEqual([expect.objectContaining({ email: 'former.contractor@clinic.example' })]);
    expect(plan.findings).toContainEqual(expect.objectContaining({ kind: 'unexpected-admin', target: expect.objectContaining({ email: 'admin@clinic.example' }), detail: expect.stringMatching(/token's own user, which webex-iac never revokes/) }));
  });

  test('refuses to plan revoking the last Full Administrator', () => {
    const admins = [admin('one', [FULL]), admin('two', [FULL])];
    expect(() => planChanges([org({ revokeUnexpected: true, allowedAdmins: [] })], [observed(admins, 'service@clinic.example')])).toThrow(PlanError);
    expect(() => planChanges([org({ revokeUnexpected: true, allowedAdmins: [] })], [observed(admins, 'service@clinic.example')])).toThrow(/^clinic\/Org\/Baseline\/AdminAccess \(settings\.adminAccess of org "Clinic"\): revoking every admin not in allowedAdmins would leave the org without a Full Administrator/);
  });

  test('other admin roles count too', () => {
    const plan = planChanges([org()], [observed([...ADMINS.filter((a) => a.email !== 'former.contractor@clinic.example'), admin('clerk', ['User Administrator'])])]);
    expect(plan.findings).toEqual([expect.objectContaining({ kind: 'unexpected-admin', detail: expect.stringMatching(/^holds User Administrator but/) })]);
  });

  test('apply: re-reads the person, PUTs the whole person back without the admin roles, reads back', async () => {
    const plan = planChanges([org({ revokeUnexpected: true })], [observed()]);
    const person = {
      id: 'ID-former.contractor',
      emails: ['former.contractor@clinic.example'],
      phoneNumbers: [{ type: 'work', value: '+1 555 0100', primary: true }, { type: 'mobile', value: '+1 555 0199', primary: false }],
      displayName: 'Casey Morgan',
      firstName: 'Casey',
      lastName: 'Morgan',
      orgId: 'ORG',
      roles: ['ROLE-FULL', 'ROLE-UNKNOWN'],
      licenses: ['LIC-1'],
      created: '2021-01-01T00:00:00.000Z',
      lastActivity: '2026-11-20T00:00:00.000Z',
      siteUrls: ['clinic.webex.com#attendee'],
      status: 'active',
      invitePending: 'false',
      loginEnabled: 'true',
      type: 'person',
    };
    const server = await startScriptedServer([
      { status: 200, body: ROLES },
      { status: 200, body: { items: [person] } }, // stale check: GET /v1/people?email=
      { status: 200, body: person }, // write: GET /v1/people/{id}
      { status: 200, body: { ...person, roles: ['ROLE-UNKNOWN'] } }, // PUT
      { status: 200, body: { items: [{ ...person, roles: ['ROLE-UNKNOWN'] }] } }, // read back
    ]);
    try {
      const client = new WebexClient({ baseUrl: server.url, token: TOKEN, sleep: async () => undefined });
      const [applied] = await applyPlan(client, plan);
      expect(applied!.readBack).toEqual({ roles: [] });
      expect(server.received.map((r) => `${r.method} ${r.url}`)).toEqual([
        'GET /v1/roles',
        'GET /v1/people?email=former.contractor%40clinic.example&orgId=ORG',
        'GET /v1/people/ID-former.contractor',
        'PUT /v1/people/ID-former.contractor',
        'GET /v1/people?email=former.contractor%40clinic.example&orgId=ORG',
      ]);
      expect(server.received[3]!.body).toEqual({
        emails: ['former.contractor@clinic.example'],
        phoneNumbers: [{ type: 'work', value: '+1 555 0100' }],
        displayName: 'Casey Morgan',
        firstName: 'Casey',
        lastName: 'Morgan',
        orgId: 'ORG',
        roles: ['ROLE-UNKNOWN'],
        licenses: ['LIC-1'],
        siteUrls: ['clinic.webex.com#attendee'],
        loginEnabled: true,
      });
    } finally {
      await server.close();
    }
  });

  test('apply refuses when the person\'s roles changed since the plan', async () => {
    const plan = planChanges([org({ revokeUnexpected: true })], [observed()]);
    const server = await startScriptedServer([
      { status: 200, body: ROLES },
      { status: 200, body: { items: [{ id: 'ID-former.contractor', emails: ['former.contractor@clinic.example'], orgId: 'ORG', roles: ['ROLE-FULL', 'ROLE-USER'] }] } },
    ]);
    try {
      const client = new WebexClient({ baseUrl: server.url, token: TOKEN, sleep: async () => undefined });
      await expect(applyPlan(client, plan)).rejects.toThrow(/\(settings\.adminAccess\.roles of person former\.contractor@clinic\.example of org "Clinic"\) was \["Full Administrator"\] when planned, is now \["Full Administrator","User Administrator"\]/);
      expect(server.received.filter((r) => r.method === 'PUT')).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
