import type { Org } from '../../manifest';
import { observeOrg, WebexClient } from '../../provisioning';
import { RunningSimulator, startSimulator } from '../../simulator';
import { CLINIC } from '../../simulator/seeds/clinic';

const TOKEN = 'every-org-control-2b7e';
/** The clinic and its site, declaring no control at all. */
const NOTHING_DECLARED: Org = { path: 't', name: CLINIC.orgName, settings: {}, sites: [{ path: 't/site', siteUrl: CLINIC.siteUrl, settings: {} }] };

describe('observeOrg readEveryOrgControl: the org controls nobody declared (import), never by default (assess, plan)', () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });
  const served = (path: RegExp) => sim!.exchanges.filter((e) => e.method === 'GET' && path.test(e.url.split('?')[0]!)).length;

  test('readEverything alone reads the site and host controls but no undeclared org control', async () => {
    sim = await startSimulator({ seed: 'clinic', tokens: [TOKEN] });
    const observed = await observeOrg(new WebexClient({ baseUrl: sim.url, token: TOKEN }), NOTHING_DECLARED, { readEverything: true, stateDir: '/nonexistent/state' });
    expect(Object.keys(observed.hosts?.[CLINIC.siteUrl] ?? {}).length).toBeGreaterThan(0);
    expect(observed.org).toBeUndefined();
    expect(observed.inactive).toBeUndefined();
    expect(observed.actor).toBeUndefined();
    expect([served(/^\/v1\/roles$/), served(/^\/identity\/scim\//)]).toEqual([0, 0]);
  });

  test('with readEveryOrgControl: admins, users without MFA, every login-enabled account, enforcement records and the token user', async () => {
    sim = await startSimulator({ seed: 'clinic', tokens: [TOKEN] });
    const observed = await observeOrg(new WebexClient({ baseUrl: sim.url, token: TOKEN }), NOTHING_DECLARED, { readEverything: true, readEveryOrgControl: true, stateDir: '/nonexistent/state' });
    expect(observed.org?.admins?.map((a) => a.email)).toContain(CLINIC.adminEmail);
    expect(observed.org?.mfaUsers).toBeDefined();
    expect(Object.values(observed.org?.enforced ?? {}).every((record) => record === null)).toBe(true);
    expect(observed.inactive?.map((a) => a.email)).toContain(CLINIC.adminEmail);
    expect(observed.actor?.email).toBe(CLINIC.adminEmail);
    expect(served(/^\/v1\/roles$/)).toBe(1);
    expect(served(/^\/identity\/scim\//)).toBeGreaterThan(0);
  });
});
