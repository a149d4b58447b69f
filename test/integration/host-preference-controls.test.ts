import { applyPlan, planOrgs, WebexClient } from '../../provisioning';
import { SchedulingOptionsResponseSchema } from '../../provisioning/client/schemas/meeting-preferences';
import { CLINIC, RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';

const TOKEN = 'scheduling-flag-controls-token';
const SITE = CLINIC.siteUrl;
const DOMAIN = CLINIC.emailDomain;

/**
 * Issue 15 item 3: the AI Assistant off by default and no automatic sharing of recordings, per host, with
 * exemptions, read from the host's one GET /v1/meetingPreferences and written with the full-body PUT of
 * the scheduling options (against the clinic seed: dr.nguyen has the assistant on, dr.garcia auto-share).
 */
describe('per-host scheduling flags: AI Assistant default and automatic sharing of recordings', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
  });
  afterEach(() => sim.close());

  const id = (local: string) => CLINIC.personIds[local]!;

  test('plan one change per host that has the flag on, never an exempt host; apply keeps every other option; one read per host', async () => {
    const manifest = clinicManifest();
    manifest.orgs[0]!.sites[0]!.settings = {
      hostLobby: { path: 'clinic/Lobby', schedulingOptions: { enabledJoinBeforeHost: false } },
      hostAiAssistant: { path: 'clinic/Ai', schedulingOptions: { enabledWebexAssistantByDefault: false } },
      hostRecordingSharing: { path: 'clinic/Rec', hosts: { exemptEmails: [`dr.garcia@${DOMAIN}`] }, schedulingOptions: { enabledAutoShareRecording: false } },
    };
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN, sleep: async () => undefined });
    const before = structuredClone(sim.snapshot().hosts[SITE]!);
    expect(before[id('dr.nguyen')]!.schedulingOptions.enabledWebexAssistantByDefault).toBe(true);
    expect(before[id('dr.garcia')]!.schedulingOptions.enabledAutoShareRecording).toBe(true);

    const plan = await planOrgs(client, manifest.orgs);
    const hosts = Object.keys(before).length;
    expect(sim.exchanges.filter((e) => e.url.startsWith('/v1/meetingPreferences?'))).toHaveLength(hosts);
    const flagChanges = plan.changes.filter((c) => c.setting !== 'hostLobby');
    expect(flagChanges.map((c) => ({ setting: c.setting, target: c.target, before: c.before, after: c.after, impact: c.impact }))).toEqual([
      {
        setting: 'hostAiAssistant',
        target: expect.objectContaining({ kind: 'person', email: `dr.nguyen@${DOMAIN}`, siteUrl: SITE }),
        before: { 'schedulingOptions.enabledWebexAssistantByDefault': true },
        after: { 'schedulingOptions.enabledWebexAssistantByDefault': false },
        impact: 'strengthens',
      },
    ]);

    await applyPlan(client, plan);
    const after = sim.snapshot().hosts[SITE]!;
    expect(after[id('dr.nguyen')]!.schedulingOptions).toEqual({ ...before[id('dr.nguyen')]!.schedulingOptions, enabledWebexAssistantByDefault: false });
    expect(after[id('dr.nguyen')]!.personalMeetingRoom).toEqual(before[id('dr.nguyen')]!.personalMeetingRoom);
    // The exempt host was neither read for this control nor written.
    expect(after[id('dr.garcia')]!.schedulingOptions.enabledAutoShareRecording).toBe(true);
    expect((await planOrgs(client, manifest.orgs)).changes).toEqual([]);
  });

  test('a host whose lobby and assistant both change: both written, the second PUT built on what the first left', async () => {
    const manifest = clinicManifest();
    manifest.orgs[0]!.sites[0]!.settings = {
      hostLobby: { path: 'clinic/Lobby', schedulingOptions: { enabledJoinBeforeHost: false } },
      hostAiAssistant: { path: 'clinic/Ai', schedulingOptions: { enabledWebexAssistantByDefault: false } },
    };
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN, sleep: async () => undefined });
    // dr.patel schedules with join-before-host on; give the host the assistant too.
    await client.put('/v1/meetingPreferences/schedulingOptions', { enabledJoinBeforeHost: true, joinBeforeHostMinutes: 10, enabledAutoShareRecording: false, enabledWebexAssistantByDefault: true, delegateEmails: [`dr.lee@${DOMAIN}`] }, SchedulingOptionsResponseSchema, { userEmail: `dr.patel@${DOMAIN}`, siteUrl: SITE });
    const plan = await planOrgs(client, manifest.orgs);
    expect(plan.changes.filter((c) => c.target.kind === 'person' && c.target.email === `dr.patel@${DOMAIN}`).map((c) => c.setting).sort()).toEqual(['hostAiAssistant', 'hostLobby']);
    const before = sim.exchanges.length;
    await applyPlan(client, plan);
    expect(sim.snapshot().hosts[SITE]![id('dr.patel')]!.schedulingOptions).toEqual({ enabledJoinBeforeHost: false, joinBeforeHostMinutes: 10, enabledAutoShareRecording: false, enabledWebexAssistantByDefault: false, delegateEmails: [`dr.lee@${DOMAIN}`] });
    // One read of the host (the stale check); the second PUT is built on the first PUT's answer, the object as stored.
    const patel = sim.exchanges.slice(before).filter((e) => decodeURIComponent(e.url).includes(`userEmail=dr.patel@${DOMAIN}`));
    expect(patel.map((e) => `${e.method} ${e.url.split('?')[0]}`)).toEqual(['GET /v1/meetingPreferences', 'PUT /v1/meetingPreferences/schedulingOptions', 'PUT /v1/meetingPreferences/schedulingOptions']);
    expect((await planOrgs(client, manifest.orgs)).changes).toEqual([]);
  });
});
