import { applyPlan, planOrgs, WebexClient } from '../../provisioning';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';

const TOKEN = 'host-lobby-lost-answer-token';

/**
 * Found by the chaos suite (npm run chaos): a host's lobby change is two PUTs (personal room, then
 * scheduling options). When the second one's answer was lost, the change was read back, found applied,
 * and recorded with the second trackingId only: the first PUT reached Webex and no record named it.
 */
describe('host lobby: a lost answer to the second PUT', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
  });
  afterEach(() => sim.close());

  test('the applied change names the trackingIds of both PUTs, as the admin audit trail lists them', async () => {
    const manifest = clinicManifest();
    manifest.orgs[0]!.sites[0]!.settings = {
      hostLobby: { path: 'clinic/Lobby', personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5 }, schedulingOptions: { enabledJoinBeforeHost: false } },
    };
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN, sleep: async () => undefined });
    const plan = await planOrgs(client, manifest.orgs);
    sim.injectFault({ method: 'PUT', path: '/v1/meetingPreferences/schedulingOptions', kind: 'lose-response' });
    const applied = await applyPlan(client, plan);

    const recorded = new Set(applied.flatMap((a) => a.trackingId.split(', ')));
    const served = sim.snapshot().adminAudit.map((e) => e.data.trackingId);
    expect(sim.exchanges.filter((e) => e.fault === 'lose-response')).toHaveLength(1);
    // Without an answer, the write is verified by reading the host again (an answered PUT needs no read).
    const lost = sim.exchanges.findIndex((e) => e.fault === 'lose-response');
    const host = new URL(sim.exchanges[lost]!.url, 'http://x').searchParams.get('userEmail');
    expect(sim.exchanges.slice(lost + 1).some((e) => e.method === 'GET' && e.url.startsWith('/v1/meetingPreferences?') && new URL(e.url, 'http://x').searchParams.get('userEmail') === host)).toBe(true);
    expect(served.length).toBeGreaterThan(0);
    expect(served.filter((id) => !recorded.has(id))).toEqual([]);
    expect((await planOrgs(client, manifest.orgs)).changes).toEqual([]);
  });
});
