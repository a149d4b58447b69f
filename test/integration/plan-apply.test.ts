import axios from 'axios';
import { applyPlan, planOrgs, PlanError, WebexClient } from '../../provisioning';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';

const TOKEN = 'integration-token-3b9f0c';
const SITE = 'riverside-clinic.webex.com';
const SETTINGS_URL = `/v1/admin/meeting/config/commonSettings?siteUrl=${SITE}`;

describe('plan → apply → plan over real HTTP against the simulator', () => {
  let sim: RunningSimulator;
  let client: WebexClient;

  beforeEach(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    client = new WebexClient({ baseUrl: sim.url, token: TOKEN, sleep: async () => undefined });
  });
  afterEach(() => sim.close());

  const webex = () => axios.create({ baseURL: sim.url, headers: { Authorization: `Bearer ${TOKEN}` } });

  test('the clinic seed plans changes, apply converges it, and a second plan has no changes', async () => {
    const orgs = clinicManifest().orgs;
    const first = await planOrgs(client, orgs);
    expect(first.changes).toHaveLength(1);
    expect(first.changes[0]!.before).toMatchObject({ joinBeforeHost: true, audioBeforeHost: true, requireStrongPassword: false, unlistAllMeetings: false });

    const applied = await applyPlan(client, first);
    expect(applied).toHaveLength(1);
    expect(applied[0]!.readBack).toEqual(first.changes[0]!.after);

    const second = await planOrgs(client, orgs);
    expect(second.changes).toEqual([]);

    // Read through the Webex API, not through the tool: the site really is hardened.
    const { data } = await webex().get(SETTINGS_URL);
    expect(data.securityOptions).toMatchObject({ joinBeforeHost: false, audioBeforeHost: false, requireStrongPassword: true, unlistAllMeetings: true, requireLoginBeforeAccess: true });
    expect(data.securityOptions.passwordCriteria).toMatchObject({ minLength: 12, mixedCase: true });
  });

  test('apply PATCHes only the changed fields, and leaves undeclared fields alone', async () => {
    const manifest = clinicManifest();
    manifest.orgs[0]!.sites[0]!.settings.meetingSecurity = { path: 'p', unlistAllMeetings: true };
    await applyPlan(client, await planOrgs(client, manifest.orgs));
    const patches = sim.exchanges.filter((e) => e.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0]!.requestBody).toEqual({ securityOptions: { unlistAllMeetings: true } });
    const { data } = await webex().get(SETTINGS_URL);
    expect(data.securityOptions.joinBeforeHost).toBe(true);
  });

  test('apply refuses, writing nothing, when the org changed since the plan', async () => {
    const plan = await planOrgs(client, clinicManifest().orgs);
    await webex().patch(SETTINGS_URL, { securityOptions: { unlistAllMeetings: true } });
    const writesBefore = sim.exchanges.filter((e) => e.method === 'PATCH').length;
    await expect(applyPlan(client, plan)).rejects.toThrow(/changed since the plan.*clinic\/RiversideClinic\/MainSite\/MeetingSecurity \(settings\.meetingSecurity\.unlistAllMeetings of site riverside-clinic\.webex\.com\) was false when planned, is now true/);
    expect(sim.exchanges.filter((e) => e.method === 'PATCH')).toHaveLength(writesBefore);
  });

  test('a write whose response is lost is read back, not replayed', async () => {
    sim.injectFault({ method: 'PATCH', path: '/v1/admin/meeting/config/commonSettings', kind: 'lose-response', times: 1 });
    const applied = await applyPlan(client, await planOrgs(client, clinicManifest().orgs));
    expect(applied).toHaveLength(1);
    expect(sim.exchanges.filter((e) => e.method === 'PATCH')).toHaveLength(1);
    expect((await planOrgs(client, clinicManifest().orgs)).changes).toEqual([]);
  });

  test('throttled and unavailable answers are retried until the apply converges', async () => {
    sim.injectFault({ method: 'GET', path: '/v1/admin/meeting/config/commonSettings', status: 429, retryAfter: 1, times: 2 });
    sim.injectFault({ method: 'PATCH', path: '/v1/admin/meeting/config/commonSettings', status: 503, retryAfter: 1, times: 1 });
    await applyPlan(client, await planOrgs(client, clinicManifest().orgs));
    expect((await planOrgs(client, clinicManifest().orgs)).changes).toEqual([]);
  });

  test('a site the token does not administer fails the plan clearly', async () => {
    const manifest = clinicManifest();
    manifest.orgs[0]!.sites[0]!.siteUrl = 'elsewhere.webex.com';
    await expect(planOrgs(client, manifest.orgs)).rejects.toThrow(PlanError);
    await expect(planOrgs(client, manifest.orgs)).rejects.toThrow(/^\S+ \(siteUrl elsewhere\.webex\.com of org "Riverside Family Clinic"\): not a Meetings site this token administers \(its sites: riverside-clinic\.webex\.com\); set the site's siteUrl to one of them/);
  });

  test('an org the token cannot see fails the plan clearly', async () => {
    const manifest = clinicManifest();
    manifest.orgs[0]!.name = 'Someone Else';
    await expect(planOrgs(client, manifest.orgs)).rejects.toThrow(/^\S+ \(name "Someone Else"\): the org is not visible to this token \(visible orgs: "Riverside Family Clinic"\); set the org's name \(or orgId\) to one of them/);
  });

  test('a bad token fails with Webex\'s message and never shows the token', async () => {
    const bad = new WebexClient({ baseUrl: sim.url, token: 'wrong-token-123456' });
    const error = (await planOrgs(bad, clinicManifest().orgs).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/answered 401: The request requires a valid access token/);
    expect(error.message).not.toContain('wrong-token-123456');
  });
});
