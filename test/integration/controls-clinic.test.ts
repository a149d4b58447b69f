import axios, { AxiosInstance } from 'axios';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Manifest, Org, PREFERENCE_CONTROL_KEYS } from '../../manifest';
import { applyPlan, observeOrgs, planChanges, planOrgs, PlanError, renderPlanJson, renderPlanText, WebexClient } from '../../provisioning';
import { RunningSimulator, startSimulator } from '../../simulator';
import { CLINIC } from '../../simulator/seeds/clinic';
import { synthesizeMainManifest } from '../helpers/synth-main';

const TOKEN = 'controls-token-0b5f2c';
const SITE = 'riverside-clinic.webex.com';
const DOMAIN = 'riverside-clinic.example';
const HOSTS = ['admin', 'dr.lee', 'dr.patel', 'dr.garcia', 'dr.nguyen', 'dr.smith', 'dr.johnson', 'dr.kim', 'dr.brown', 'dr.davis', 'dr.wilson', 'dr.moore', 'dr.taylor'].map((l) => `${l}@${DOMAIN}`);
const E2EE = '628';

describe('every control against the simulator\'s clinic seed, over real HTTP, as main.ts declares it', () => {
  let manifest: Manifest;
  let sim: RunningSimulator;
  let client: WebexClient;
  let stateDir: string;
  const webex = (): AxiosInstance => axios.create({ baseURL: sim.url, headers: { Authorization: `Bearer ${TOKEN}` } });
  const orgs = (): Org[] => structuredClone(manifest.orgs);

  beforeAll(() => {
    manifest = synthesizeMainManifest();
  });
  beforeEach(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    client = new WebexClient({ baseUrl: sim.url, token: TOKEN, sleep: async () => undefined });
    stateDir = mkdtempSync(join(tmpdir(), 'webex-iac-controls-'));
  });
  afterEach(async () => {
    await sim.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  test('plan shows changes for every automated control, the opt-in ones as findings, and every attestation; apply converges it; a second plan has no changes', async () => {
    const plan = await planOrgs(client, orgs(), { stateDir });
    const bySetting = (setting: string) => plan.changes.filter((c) => c.setting === setting);
    expect(bySetting('meetingSecurity')).toHaveLength(1);
    expect(bySetting('hostLobby').map((c) => (c.target.kind === 'person' ? c.target.email : '')).sort()).toEqual([...HOSTS].sort());
    expect(bySetting('endToEndEncryption').map((c) => (c.target.kind === 'person' ? c.target.email : '')).sort()).toEqual([...HOSTS].sort());
    expect(bySetting('passwordPolicy')).toEqual([expect.objectContaining({ action: 'enforce', writeOnly: true, before: {} })]);
    expect(bySetting('mfa')).toEqual([expect.objectContaining({ action: 'enforce', writeOnly: true, after: { mfaEnabled: true } })]);
    expect(plan.changes.filter((c) => c.action === 'revoke' || c.action === 'deactivate')).toEqual([]);
    expect(plan.summary.weakening).toBe(0);

    const findings = plan.findings.map((f) => `${f.kind} ${f.target.kind === 'person' ? f.target.email : f.target.kind}`);
    expect(findings).toEqual(
      expect.arrayContaining([
        `unexpected-admin former.contractor@${DOMAIN}`,
        'too-many-full-admins org',
        `inactive-account nurse.old@${DOMAIN}`,
        `inactive-account dr.retired@${DOMAIN}`,
        `mfa-off former.contractor@${DOMAIN}`,
      ]),
    );
    expect(findings.filter((f) => f.startsWith('unexpected-admin'))).toHaveLength(1);
    expect(findings.filter((f) => f.startsWith('inactive-account'))).toHaveLength(2);
    expect(plan.attestations.map((a) => [a.control, a.status])).toEqual([
      ['messageRetention', 'valid'],
      ['recordingRetention', 'valid'],
      ['idleTimeout', 'valid'],
      ['ssoEnforcement', 'valid'],
      ['siteLobbyPolicy', 'valid'],
      ['recordingAccess', 'valid'],
      ['dataResidency', 'valid'],
      ['businessAssociateAgreement', 'valid'],
      ['aiAssistantCoverage', 'valid'],
      ['siteEndToEndEncryption', 'valid'],
    ]);

    const applied = await applyPlan(client, plan, { stateDir });
    expect(applied).toHaveLength(plan.changes.length);
    // Opt-in actions were not opted in: nobody's person record was written.
    expect(sim.exchanges.filter((e) => e.method === 'PUT' && e.url.startsWith('/v1/people/'))).toEqual([]);

    const again = await planOrgs(client, orgs(), { stateDir });
    expect(again.changes).toEqual([]);
    expect(renderPlanText(again)).toMatch(/^No changes\. /m);
    // Findings and attestations are still reported on a converged org.
    expect(again.findings.length).toBe(plan.findings.length);
    expect(again.attestations).toHaveLength(10);
  });

  test('read through the Webex API afterwards: auto-lock on and join-before-host off for every host, E2EE assigned with their other session types kept', async () => {
    const typesBefore = new Map<string, string[]>();
    const people = (await webex().get('/v1/people', { params: { max: 100 } })).data.items as { id: string; emails: string[] }[];
    const idOf = (email: string) => people.find((p) => p.emails[0] === email)!.id;
    for (const email of HOSTS) {
      const { data } = await webex().get('/v1/admin/meeting/userconfig/sessionTypes', { params: { siteUrl: SITE, personId: idOf(email) } });
      typesBefore.set(email, data.items[0].sessionTypes.map((t: { id: string }) => t.id));
    }
    expect([...typesBefore.values()].some((ids) => ids.includes(E2EE))).toBe(false);

    await applyPlan(client, await planOrgs(client, orgs(), { stateDir }), { stateDir });

    for (const email of HOSTS) {
      const room = (await webex().get('/v1/meetingPreferences/personalMeetingRoom', { params: { userEmail: email, siteUrl: SITE } })).data;
      expect({ email, enabledAutoLock: room.enabledAutoLock, autoLockMinutes: room.autoLockMinutes, enabledNotifyHost: room.enabledNotifyHost }).toEqual({ email, enabledAutoLock: true, autoLockMinutes: 5, enabledNotifyHost: true });
      const scheduling = (await webex().get('/v1/meetingPreferences/schedulingOptions', { params: { userEmail: email, siteUrl: SITE } })).data;
      expect({ email, enabledJoinBeforeHost: scheduling.enabledJoinBeforeHost }).toEqual({ email, enabledJoinBeforeHost: false });
      const { data } = await webex().get('/v1/admin/meeting/userconfig/sessionTypes', { params: { siteUrl: SITE, personId: idOf(email) } });
      const ids: string[] = data.items[0].sessionTypes.map((t: { id: string }) => t.id).sort();
      expect({ email, ids }).toEqual({ email, ids: [...typesBefore.get(email)!, E2EE].sort() });
    }
  });

  test('the host PINs are sent back unchanged and appear in no plan, observation or state file', async () => {
    const pins = new Map<string, string>();
    for (const email of HOSTS) pins.set(email, (await webex().get('/v1/meetingPreferences/personalMeetingRoom', { params: { userEmail: email, siteUrl: SITE } })).data.hostPin);
    const observed = await observeOrgs(client, orgs(), { stateDir });
    const plan = planChanges(orgs(), observed);
    await applyPlan(client, plan, { stateDir });
    const outputs = [renderPlanText(plan), renderPlanJson(plan), JSON.stringify(observed), ...readdirSync(stateDir).map((f) => readFileSync(join(stateDir, f), 'utf8'))];
    for (const [email, pin] of pins) {
      expect((await webex().get('/v1/meetingPreferences/personalMeetingRoom', { params: { userEmail: email, siteUrl: SITE } })).data.hostPin).toBe(pin);
      for (const output of outputs) expect(output).not.toMatch(new RegExp(`"${pin}"|= ${pin}\\b`));
    }
    expect(outputs.some((o) => o.includes('hostPin'))).toBe(false);
    // The PUT did carry the PIN (Webex requires the whole room).
    expect(sim.exchanges.filter((e) => e.method === 'PUT' && e.url.startsWith('/v1/meetingPreferences/personalMeetingRoom')).every((e) => typeof (e.requestBody as { hostPin?: unknown }).hostPin === 'string')).toBe(true);
  });

  test('opted in: unexpected admins are revoked and inactive accounts deactivated, with the rest of each person kept', async () => {
    const declared = orgs();
    declared[0]!.settings.adminAccess!.revokeUnexpected = true;
    declared[0]!.settings.inactiveAccounts!.deactivate = true;
    const personByEmail = async (email: string) => (await webex().get('/v1/people', { params: { email } })).data.items[0];
    const contractorBefore = await personByEmail(`former.contractor@${DOMAIN}`);

    const plan = await planOrgs(client, declared, { stateDir });
    expect(plan.changes.filter((c) => c.action === 'revoke').map((c) => (c.target.kind === 'person' ? c.target.email : ''))).toEqual([`former.contractor@${DOMAIN}`]);
    expect(plan.changes.filter((c) => c.action === 'deactivate').map((c) => (c.target.kind === 'person' ? c.target.email : '')).sort()).toEqual([`dr.retired@${DOMAIN}`, `nurse.old@${DOMAIN}`]);
    // Once the contractor is revoked, two Full Administrators remain: the limit holds.
    expect(plan.findings.filter((f) => f.kind === 'unexpected-admin' || f.kind === 'too-many-full-admins' || f.kind === 'inactive-account')).toEqual([]);

    await applyPlan(client, plan, { stateDir });

    const contractor = await personByEmail(`former.contractor@${DOMAIN}`);
    expect(contractor.roles).toEqual([]);
    // Cisco: nickName "will be set to the firstName automatically in update requests"; everything else is kept.
    const { roles: _r, lastModified: _m, nickName: _n, ...keptBefore } = contractorBefore;
    const { roles: _r2, lastModified: _m2, nickName: _n2, ...keptAfter } = contractor;
    expect(keptAfter).toEqual(keptBefore);
    for (const local of ['nurse.old', 'dr.retired']) {
      const person = await personByEmail(`${local}@${DOMAIN}`);
      expect([local, String(person.loginEnabled)]).toEqual([local, 'false']);
    }
    const again = await planOrgs(client, declared, { stateDir });
    expect(again.changes).toEqual([]);
  });

  test('apply refuses a plan made before a host changed, for host and person targets alike, writing nothing', async () => {
    const plan = await planOrgs(client, orgs(), { stateDir });
    await webex().put('/v1/meetingPreferences/schedulingOptions', { enabledJoinBeforeHost: false, joinBeforeHostMinutes: 0, enabledAutoShareRecording: false }, { params: { userEmail: `dr.smith@${DOMAIN}`, siteUrl: SITE } });
    const writes = sim.exchanges.filter((e) => e.method !== 'GET').length;
    await expect(applyPlan(client, plan, { stateDir })).rejects.toThrow(PlanError);
    await expect(applyPlan(client, plan, { stateDir })).rejects.toThrow(new RegExp(`\\(settings\\.hostLobby\\.schedulingOptions\\.enabledJoinBeforeHost of host dr\\.smith@${DOMAIN} of site ${SITE}\\) was true when planned, is now false`));
    expect(sim.exchanges.filter((e) => e.method !== 'GET')).toHaveLength(writes);
  });

  test('host selection: by email (a listed non-host is a finding), exemptions never read', async () => {
    const declared = orgs();
    const settings = declared[0]!.sites[0]!.settings;
    settings.hostLobby = { ...settings.hostLobby!, hosts: { emails: [`dr.lee@${DOMAIN}`, `dr.kim@${DOMAIN}`, `nurse.adams@${DOMAIN}`], exemptEmails: [`dr.kim@${DOMAIN}`] } };
    settings.endToEndEncryption = { ...settings.endToEndEncryption!, hosts: { emailDomains: ['elsewhere.example'] } };
    // The other controls that read a host's meeting preferences select nobody here either.
    for (const key of PREFERENCE_CONTROL_KEYS) delete settings[key];
    const plan = await planOrgs(client, declared, { stateDir });
    expect(plan.changes.filter((c) => c.setting === 'hostLobby').map((c) => (c.target.kind === 'person' ? c.target.email : ''))).toEqual([`dr.lee@${DOMAIN}`]);
    expect(plan.changes.filter((c) => c.setting === 'endToEndEncryption')).toEqual([]);
    expect(plan.findings).toContainEqual(expect.objectContaining({ kind: 'not-a-host', setting: 'hostLobby', target: { kind: 'person', email: `nurse.adams@${DOMAIN}`, siteUrl: SITE } }));
    const hostReads = sim.exchanges.filter((e) => e.url.startsWith('/v1/meetingPreferences?') || e.url.startsWith('/v1/admin/meeting/userconfig/sessionTypes'));
    expect(hostReads.map((e) => decodeURIComponent(e.url))).toEqual([expect.stringContaining(`userEmail=dr.lee@${DOMAIN}`)]);
  });

  test('write-only settings: enforced once, then planned only on --reenforce or when the declaration changes', async () => {
    await applyPlan(client, await planOrgs(client, orgs(), { stateDir }), { stateDir });
    expect((await planOrgs(client, orgs(), { stateDir })).changes).toEqual([]);
    expect((await planOrgs(client, orgs(), { stateDir, reenforce: true })).changes.map((c) => c.setting).sort()).toEqual(['mfa', 'passwordPolicy']);
    const stricter = orgs();
    stricter[0]!.settings.passwordPolicy!.minimumLength = 14;
    expect((await planOrgs(client, stricter, { stateDir })).changes).toEqual([expect.objectContaining({ setting: 'passwordPolicy', action: 'enforce', after: expect.objectContaining({ minimumLength: 14 }) })]);
    // A fresh state folder knows nothing: enforce again, never a claim that the live value was read.
    const fresh = mkdtempSync(join(tmpdir(), 'webex-iac-fresh-'));
    try {
      expect((await planOrgs(client, orgs(), { stateDir: fresh })).changes.map((c) => [c.setting, c.before])).toEqual([
        ['passwordPolicy', {}],
        ['mfa', {}],
      ]);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  test('removing a control stops managing it: nothing of it is read, planned or reset', async () => {
    const declared = orgs();
    delete declared[0]!.sites[0]!.settings.hostLobby;
    // The per-host preference controls read the same meeting preferences: removed too.
    for (const key of PREFERENCE_CONTROL_KEYS) delete declared[0]!.sites[0]!.settings[key];
    delete declared[0]!.settings.passwordPolicy;
    const plan = await planOrgs(client, declared, { stateDir });
    expect(plan.changes.map((c) => c.setting)).not.toContain('hostLobby');
    expect(plan.changes.map((c) => c.setting)).not.toContain('passwordPolicy');
    expect(sim.exchanges.filter((e) => e.url.startsWith('/v1/meetingPreferences?') || e.url.startsWith('/v1/meetingPreferences/personalMeetingRoom') || e.url.startsWith('/v1/meetingPreferences/schedulingOptions'))).toEqual([]);
    await applyPlan(client, plan, { stateDir });
    expect(sim.exchanges.filter((e) => e.url.includes('personalMeetingRoom') || e.url.includes('passwordPolicy'))).toEqual([]);
  });

  test('reads every host of the site with two calls each, plus a handful for the org', async () => {
    const before = sim.exchanges.length;
    await observeOrgs(client, orgs(), { stateDir, concurrency: 8 });
    const calls = sim.exchanges.slice(before);
    // Every control of a host that reads its meeting preferences shares one GET /v1/meetingPreferences.
    const perHost = ['/v1/meetingPreferences?', 'userconfig/sessionTypes'];
    for (const kind of perHost) expect(calls.filter((e) => e.url.includes(kind) && e.method === 'GET')).toHaveLength(CLINIC.hosts.length);
    expect(calls.filter((e) => e.url.includes('personalMeetingRoom') || e.url.includes('schedulingOptions'))).toEqual([]);
    // Speed belongs in the benchmark; here only the call budget: about 2 reads per host.
    expect(calls.length).toBeLessThan(CLINIC.hosts.length * 2 + 20);
  });

  test('the clinic seed is the one main.ts declares', () => {
    expect(manifest.orgs.map((o) => [o.name, o.sites.map((s) => s.siteUrl)])).toEqual([[CLINIC.orgName, [CLINIC.siteUrl]]]);
  });
});
