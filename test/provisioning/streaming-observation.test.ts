import { App } from 'cdktf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildManifest, HipaaBaseline, MeetingSite, WebexOrg, WebexStack } from '../../constructs';
import { Org } from '../../manifest';
import { applyPlan, observedHash, observeOrg, observeOrgs, planChanges, RequestScheduler, WebexClient } from '../../provisioning';
import { HEALTH_SYSTEM, RunningSimulator, startSimulator } from '../../simulator';

const TOKEN = 'streaming-token';
const SIZE = { orgs: 1, sites: 2, users: 30 };
const HOSTS_PER_SITE = SIZE.users + 1;

function fleetOrgs(): Org[] {
  const stack = new WebexStack(new App(), 'fleet');
  const org = new WebexOrg(stack, 'Org1', { name: HEALTH_SYSTEM.orgName(1) });
  for (let s = 1; s <= SIZE.sites; s++) new MeetingSite(org, `Site${s}`, { siteUrl: HEALTH_SYSTEM.siteUrl(1, s) });
  new HipaaBaseline(org, 'HipaaBaseline', { adminAccess: { allowedAdmins: [HEALTH_SYSTEM.adminEmail] } });
  return buildManifest(stack).orgs;
}

describe('observing a fleet for a plan keeps the changes, not the org', () => {
  let sim: RunningSimulator;
  let stateDir: string;
  const client = (ceiling: number) => new WebexClient({ baseUrl: sim.url, token: TOKEN, scheduler: new RequestScheduler({ ceiling }) });

  beforeAll(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'health-system', size: SIZE });
    stateDir = mkdtempSync(join(tmpdir(), 'webex-iac-streaming-'));
  });
  afterAll(async () => {
    await sim.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  test('lists only the hosts that differ, counts the others, and plans the same changes', async () => {
    const orgs = fleetOrgs();
    // Nobody in the seed has the declared lobby and E2EE type: fix the first ten users, leave the rest.
    const first = planChanges(orgs, await observeOrgs(client(16), orgs, { stateDir }));
    const fixed = new Set(Array.from({ length: 10 }, (_, u) => HEALTH_SYSTEM.userEmail(1, u + 1)));
    await applyPlan(client(16), { ...first, changes: first.changes.filter((c) => c.target.kind === 'person' && fixed.has(c.target.email)) }, { stateDir });

    const [observed] = await observeOrgs(client(16), orgs, { stateDir });
    const [full] = [await observeOrg(client(16), orgs[0]!, { stateDir })];
    for (let s = 1; s <= SIZE.sites; s++) {
      const siteUrl = HEALTH_SYSTEM.siteUrl(1, s);
      const lobby = observed!.hosts![siteUrl]!.hostLobby!;
      const everyHost = full!.hosts![siteUrl]!.hostLobby!;
      // assess and import (observeOrg) see every host; a plan's observation lists the ones to change.
      expect(everyHost.converged).toBeUndefined();
      expect(everyHost.hosts).toHaveLength(HOSTS_PER_SITE);
      expect(lobby.converged!.count).toBe(fixed.size);
      expect(lobby.hosts).toHaveLength(HOSTS_PER_SITE - fixed.size);
      expect(lobby.hosts.some((h) => fixed.has(h.email))).toBe(false);
    }
    // The same plan either way, converged hosts counted as unchanged settings.
    const fromSummary = planChanges(orgs, [observed!]);
    const fromEveryHost = planChanges(orgs, [full!]);
    expect(fromSummary.changes).toEqual(fromEveryHost.changes);
    expect(fromSummary.summary).toEqual(fromEveryHost.summary);
  });

  test('the digest does not depend on the order hosts were read in, and changes with any converged host', async () => {
    const orgs = fleetOrgs();
    const concurrent = await observeOrgs(client(16), orgs, { stateDir });
    const sequential = await observeOrgs(client(1), orgs, { stateDir, concurrency: 1 });
    expect(observedHash(sequential)).toBe(observedHash(concurrent));

    await applyPlan(client(16), planChanges(orgs, concurrent), { stateDir });
    const converged = await observeOrgs(client(16), orgs, { stateDir });
    const siteUrl = HEALTH_SYSTEM.siteUrl(1, 1);
    expect(converged[0]!.hosts![siteUrl]!.hostLobby).toMatchObject({ hosts: [], converged: { count: HOSTS_PER_SITE } });
    expect(planChanges(orgs, converged).changes).toEqual([]);

    // Someone turns one converged host's notification off by hand: still counted, but not the same digest.
    const email = HEALTH_SYSTEM.userEmail(1, 3);
    const query = `userEmail=${encodeURIComponent(email)}&siteUrl=${siteUrl}`;
    const room = (await (await fetch(`${sim.url}/v1/meetingPreferences/personalMeetingRoom?${query}`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()) as Record<string, unknown>;
    const body = Object.fromEntries(['topic', 'hostPin', 'enabledAutoLock', 'autoLockMinutes', 'enabledNotifyHost', 'supportCoHost', 'coHosts'].map((k) => [k, room[k]]));
    const put = await fetch(`${sim.url}/v1/meetingPreferences/personalMeetingRoom?${query}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...body, coHosts: body.coHosts ?? [], supportCoHost: body.supportCoHost ?? false, enabledNotifyHost: false }),
    });
    expect(put.status).toBe(200);
    const drifted = await observeOrgs(client(16), orgs, { stateDir });
    expect(drifted[0]!.hosts![siteUrl]!.hostLobby).toMatchObject({ hosts: [expect.objectContaining({ email })], converged: { count: HOSTS_PER_SITE - 1 } });
    expect(observedHash(drifted)).not.toBe(observedHash(converged));
  });
});
