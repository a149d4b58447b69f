import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'cdktf';
import { buildManifest, HipaaBaseline, MeetingSite, WebexOrg, WebexStack } from '../../constructs';
import { isHostControl, Org } from '../../manifest';
import { applyPlan, observeOrgs, planChanges, ProgressMeters, WebexClient } from '../../provisioning';
import { HEALTH_SYSTEM, RunningSimulator, SESSION_TYPE_IDS, startSimulator } from '../../simulator';

const TOKEN = 'fleet-tool-token';
/** A second token, throttled on its own, that checks the result without the tool's code. */
const CHECKER = 'fleet-checker-token';
const SIZE = { orgs: 2, sites: 2, users: 5 };
/** Low enough that the tool's 16 requests in flight run into 429s within its first second. */
const RATE = 50;

/** The health system hardened with HipaaBaseline, as a project's main.ts would declare it. */
function fleetOrgs(): Org[] {
  const stack = new WebexStack(new App(), 'fleet');
  for (let o = 1; o <= SIZE.orgs; o++) {
    const org = new WebexOrg(stack, `Org${o}`, { name: HEALTH_SYSTEM.orgName(o) });
    for (let s = 1; s <= SIZE.sites; s++) new MeetingSite(org, `Site${s}`, { siteUrl: HEALTH_SYSTEM.siteUrl(o, s) });
    new HipaaBaseline(org, 'HipaaBaseline', { adminAccess: { allowedAdmins: [...new Set([HEALTH_SYSTEM.userEmail(o, 0), HEALTH_SYSTEM.adminEmail])] } });
  }
  return buildManifest(stack).orgs;
}

/** GET through the Webex API as any script would: the checker's token, waiting out its own 429s. */
async function read(sim: RunningSimulator, path: string): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const response = await fetch(`${sim.url}${path}`, { headers: { Authorization: `Bearer ${CHECKER}`, Accept: 'application/json' } });
    if (response.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? '1') * 1000));
      continue;
    }
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  }
  throw new Error(`GET ${path} stayed throttled`);
}

describe('a throttled fleet', () => {
  let sim: RunningSimulator;
  let stateDir: string;

  beforeAll(async () => {
    sim = await startSimulator({ tokens: [TOKEN, CHECKER], seed: 'health-system', size: SIZE, ratePerSecond: RATE });
    stateDir = mkdtempSync(join(tmpdir(), 'webex-iac-fleet-'));
  });

  afterAll(async () => {
    await sim.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  test('converges under 429s: every host and site setting is right afterwards, read through the Webex API', async () => {
    const orgs = fleetOrgs();
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN, concurrency: 16 });
    const progress = new ProgressMeters();

    const plan = planChanges(orgs, await observeOrgs(client, orgs, { stateDir, progress }));
    const hostAccounts = SIZE.orgs * SIZE.sites * (SIZE.users + 1);
    // Every host lacks the E2EE session type in the seed: one change per host and site at least.
    expect(plan.changes.filter((c) => c.setting === 'endToEndEncryption')).toHaveLength(hostAccounts);
    await applyPlan(client, plan, { stateDir, progress });

    // The token was throttled, and the scheduler saw every 429 the simulator sent it.
    const throttled = sim.exchanges.filter((e) => e.status === 429).length;
    expect(throttled).toBeGreaterThan(0);
    expect(client.scheduler.stats()).toMatchObject({ throttled, inFlight: 0, waiting: 0 });
    expect(client.scheduler.stats().episodes).toBeGreaterThan(0);
    // Progress counted each org's targets and calls.
    const meters = progress.all();
    expect(meters.filter((m) => m.phase === 'read').map((m) => [m.org, m.done, m.complete])).toEqual(
      // Each host is one target per per-host control the baseline declares on its site.
      orgs.map((o) => [o.name, SIZE.sites * (SIZE.users + 1) * Object.keys(o.sites[0]!.settings).filter(isHostControl).length, true]),
    );
    expect(meters.filter((m) => m.phase === 'apply').reduce((n, m) => n + m.done, 0)).toBe(plan.changes.length);
    expect(meters.reduce((n, m) => n + m.throttled, 0)).toBe(throttled);

    // Planning again finds nothing to change.
    expect((await observeOrgs(client, orgs, { stateDir }).then((observed) => planChanges(orgs, observed))).changes).toEqual([]);

    // And a reader that shares no code with webex-iac sees every declared value.
    for (let o = 1; o <= SIZE.orgs; o++) {
      for (let s = 1; s <= SIZE.sites; s++) {
        const siteUrl = HEALTH_SYSTEM.siteUrl(o, s);
        const common = await read(sim, `/v1/admin/meeting/config/commonSettings?siteUrl=${siteUrl}`);
        expect(common.securityOptions).toMatchObject({ joinBeforeHost: false, audioBeforeHost: false, unlistAllMeetings: true, requireLoginBeforeAccess: true, requireStrongPassword: true });
        for (let u = 0; u <= SIZE.users; u++) {
          const email = encodeURIComponent(HEALTH_SYSTEM.userEmail(o, u));
          const room = await read(sim, `/v1/meetingPreferences/personalMeetingRoom?userEmail=${email}&siteUrl=${siteUrl}`);
          expect([u, siteUrl, room]).toEqual([u, siteUrl, expect.objectContaining({ enabledAutoLock: true, autoLockMinutes: 5, enabledNotifyHost: true })]);
          const scheduling = await read(sim, `/v1/meetingPreferences/schedulingOptions?userEmail=${email}&siteUrl=${siteUrl}`);
          expect([u, siteUrl, scheduling.enabledJoinBeforeHost]).toEqual([u, siteUrl, false]);
          const types = await read(sim, `/v1/admin/meeting/userconfig/sessionTypes?siteUrl=${siteUrl}&personId=${HEALTH_SYSTEM.personId(o, u)}`);
          const ids = (types.items as { sessionTypes: { id: string }[] }[])[0]!.sessionTypes.map((t) => t.id);
          expect([u, siteUrl, ids]).toEqual([u, siteUrl, expect.arrayContaining([SESSION_TYPE_IDS.endToEndEncryption, SESSION_TYPE_IDS.pro])]);
        }
      }
      // Password policy and MFA have no GET in Webex: the simulator's own record shows what was written.
      const identity = sim.identitySettings(HEALTH_SYSTEM.orgId(o));
      expect(identity.authenticationConfig.mfaEnabled).toBe(true);
      expect(identity.passwordPolicy.minimumLength).toBe(String(orgs[o - 1]!.settings.passwordPolicy!.minimumLength));
    }
  });
});
