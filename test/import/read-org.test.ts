import { ImportError, readOrgForImport } from '../../cli/import/read-org';
import { HOST_CONTROL_KEYS, isHostControl, SITE_CONTROL_KEYS, SITE_CONTROLS, WRITE_ONLY_CONTROL_KEYS } from '../../manifest';
import { WebexClient } from '../../provisioning';
import { RunningSimulator, startSimulator } from '../../simulator';
import { CLINIC } from '../../simulator/seeds/clinic';
import { startClinicWith } from '../hostile/seeded-simulator';

const TOKEN = 'read-org-token-5d1c';
const NOW = new Date();

/** How many times the simulator served `path` for each host and site (the host named by `hostParam`). */
function servedPerHost(sim: RunningSimulator, path: string, hostParam: string): Map<string, number> {
  const served = new Map<string, number>();
  for (const exchange of sim.exchanges) {
    const url = new URL(exchange.url, 'http://simulator');
    if (exchange.method !== 'GET' || url.pathname !== path) continue;
    const key = `${url.searchParams.get(hostParam)} ${url.searchParams.get('siteUrl')}`;
    served.set(key, (served.get(key) ?? 0) + 1);
  }
  return served;
}

describe('import reads the org through the catalogue, declaring nothing (over real HTTP)', () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  test('every site and per-host control of the catalogue, every field of every host, one preferences read and one meeting list per host', async () => {
    sim = await startSimulator({ seed: 'clinic', tokens: [TOKEN] });
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN });
    const observation = await readOrgForImport(client, {}, { now: NOW, toolVersion: 'test' });

    // Nothing was declared to make the handlers read: the observation carries no probe declaration.
    expect(observation).not.toHaveProperty('probe');
    const { observed } = observation;
    expect(observed.unknown).toBeUndefined();
    expect(Object.keys(observed.sites[CLINIC.siteUrl]!).sort()).toEqual(SITE_CONTROL_KEYS.filter((key) => !isHostControl(key)).sort());
    const hostControls = observed.hosts?.[CLINIC.siteUrl] ?? {};
    expect(Object.keys(hostControls).sort()).toEqual([...HOST_CONTROL_KEYS].sort());

    // Every host of the site, the same hosts for each control, each with every field the catalogue names.
    const hosts = hostControls[HOST_CONTROL_KEYS[0]!]!.hosts.map((h) => h.email);
    expect(hosts.length).toBeGreaterThan(10);
    for (const key of HOST_CONTROL_KEYS) {
      expect(hostControls[key]!.hosts.map((h) => h.email)).toEqual(hosts);
      for (const host of hostControls[key]!.hosts) expect(Object.keys(host.values)).toEqual(expect.arrayContaining(Object.keys(SITE_CONTROLS[key].fields)));
    }

    // The host controls share one GET /v1/meetingPreferences per host; List Meetings once per host (one page each).
    const once = new Map(hosts.map((email) => [`${email} ${CLINIC.siteUrl}`, 1]));
    expect(servedPerHost(sim, '/v1/meetingPreferences', 'userEmail')).toEqual(once);
    if (isHostControl('scheduledMeetingLobby')) expect(servedPerHost(sim, '/v1/meetings', 'hostEmail')).toEqual(once);
  });

  test('the org controls too, without an invented cutoff: every login-enabled account with its activity, admins, users without MFA, enforcement records', async () => {
    sim = await startSimulator({ seed: 'clinic', tokens: [TOKEN] });
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN });
    const { observed } = await readOrgForImport(client, {}, { now: NOW, toolVersion: 'test' });

    // The accounts active today are read too: the declared inactiveDays applies when plan and rules judge.
    const inactive = new Map((observed.inactive ?? []).map((a) => [a.email, a.lastActivity]));
    const activeToday = [...inactive.values()].filter((last) => last !== null && NOW.getTime() - Date.parse(last) < 86_400_000);
    expect(activeToday.length).toBeGreaterThan(0);
    expect(inactive.has(CLINIC.adminEmail)).toBe(true);
    expect(observed.org?.admins?.map((a) => a.email)).toContain(CLINIC.adminEmail);
    expect(observed.org?.mfaUsers?.exposed).toBe(true);
    expect(Object.keys(observed.org?.enforced ?? {}).sort()).toEqual([...WRITE_ONLY_CONTROL_KEYS].sort());
    expect(observed.actor?.email).toBe(CLINIC.adminEmail);
  });

  test.each([
    ['a template sequence', 'Riverside ${var.x} Clinic', /WebexOrg name must be the org display name without "\$\{", "%\{" or "#\{" \(Terraform and cdktf would rewrite them\), received: /],
    ['control characters', 'Riverside\u0007\u001b[2J Clinic', /WebexOrg name must be the non-empty org display name, without control characters, received: /],
  ])('an org name with %s, which a program cannot declare, is refused in one line before any host is read', async (_, name, reason) => {
    sim = await startClinicWith(TOKEN, (seed) => {
      seed.organizations[0]!.organization.displayName = name;
    });
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN });
    const read = readOrgForImport(client, {}, { now: NOW, toolVersion: 'test' });
    await expect(read).rejects.toThrow(ImportError);
    await expect(read).rejects.toThrow(new RegExp(`^org ${JSON.stringify(name).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')} cannot be declared: ${reason.source}`));
    expect(servedPerHost(sim, '/v1/meetingPreferences', 'userEmail').size).toBe(0);
  });
});
