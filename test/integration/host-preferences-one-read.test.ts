import { applyPlan, planOrgs, WebexClient } from '../../provisioning';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';

const TOKEN = 'host-preferences-one-read-token';
const SITE = 'riverside-clinic.webex.com';
const PREFERENCES = '/v1/meetingPreferences';

/**
 * Issue 15 item 4: a host's room and scheduling options are one GET /v1/meetingPreferences, in the plan
 * and in the apply, where the stale check's read is the one the full-body PUTs are built from.
 */
describe('one read of a host\'s meeting preferences', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
  });
  afterEach(() => sim.close());

  test('plan: one GET per host; apply: that GET and the PUTs; every PIN round-tripped and in no output', async () => {
    const manifest = clinicManifest();
    manifest.orgs[0]!.sites[0]!.settings = {
      hostLobby: { path: 'clinic/Lobby', personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5, enabledNotifyHost: true }, schedulingOptions: { enabledJoinBeforeHost: false } },
      // Another control of the same hosts, written before the lobby: its write must not cost the lobby its read.
      endToEndEncryption: { path: 'clinic/E2EE' },
    };
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN, sleep: async () => undefined });
    const pinsBefore = Object.fromEntries(Object.entries(sim.snapshot().hosts[SITE]!).map(([id, settings]) => [id, settings.personalMeetingRoom.hostPin]));
    const hosts = Object.keys(pinsBefore).length;
    expect(hosts).toBeGreaterThan(3);

    const plan = await planOrgs(client, manifest.orgs);
    const planReads = sim.exchanges.filter((e) => e.url.startsWith('/v1/meetingPreferences?') || e.url.startsWith('/v1/meetingPreferences/personalMeetingRoom') || e.url.startsWith('/v1/meetingPreferences/schedulingOptions'));
    expect(planReads.map((e) => `${e.method} ${e.url.split('?')[0]}`)).toEqual(Array(hosts).fill(`GET ${PREFERENCES}`));
    expect(plan.changes.length).toBeGreaterThan(0);

    const before = sim.exchanges.length;
    const applied = await applyPlan(client, plan);
    const applyCalls = sim.exchanges.slice(before).map((e) => `${e.method} ${e.url.split('?')[0]}`);
    const changed = plan.changes.filter((c) => c.setting === 'hostLobby').length;
    expect(plan.changes.filter((c) => c.setting === 'endToEndEncryption').length).toBeGreaterThan(0);
    // Per changed host: the stale check's GET, and no other read of its preferences (the PUTs' answers verify the write).
    expect(applyCalls.filter((c) => c.startsWith('GET /v1/meetingPreferences'))).toEqual(Array(changed).fill(`GET ${PREFERENCES}`));
    const puts = plan.changes.reduce((n, c) => n + (Object.keys(c.after).some((f) => f.startsWith('personalMeetingRoom.')) ? 1 : 0) + (Object.keys(c.after).some((f) => f.startsWith('schedulingOptions.')) ? 1 : 0), 0);
    expect(applyCalls.filter((c) => c.startsWith('PUT /v1/meetingPreferences'))).toHaveLength(puts);

    const after = sim.snapshot().hosts[SITE]!;
    expect(Object.fromEntries(Object.entries(after).map(([id, settings]) => [id, settings.personalMeetingRoom.hostPin]))).toEqual(pinsBefore);
    const audioPins = sim.exchanges.filter((e) => e.url.startsWith(`${PREFERENCES}?`)).map((e) => (e.responseBody as { audio: { audioPin: string } }).audio.audioPin);
    const output = JSON.stringify({ plan, applied });
    for (const secret of [...Object.values(pinsBefore), ...audioPins]) expect(output).not.toContain(`"${secret}"`);
    expect((await planOrgs(client, manifest.orgs)).changes).toEqual([]);
  });
});
