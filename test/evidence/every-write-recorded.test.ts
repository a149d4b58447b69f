import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judgeEvidence } from '../../bench/chaos/evidence-vs-audit';
import { Manifest } from '../../manifest';
import { planOrgs, WebexClient } from '../../provisioning';
import { applyPlanWithEvidence, EvidenceLog, EvidenceRecorder } from '../../provisioning/evidence';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { fleetManifest } from '../helpers/fleet-manifest';

const TOKEN = 'every-write-recorded-token-3c9e';

interface RequestEntry {
  trackingId: string;
  request: string;
  purpose: string;
  outcome: string;
}

/**
 * Every write that reaches Webex is named in the evidence log with its TrackingID and outcome, the
 * auxiliary ones too (found by the chaos suite, npm run chaos): the default-site switches and restores
 * around a site PATCH, and a host-lobby change whose second PUT got no answer after the first was applied.
 */
describe('every write that reaches Webex is in the evidence', () => {
  let dir: string;
  let sim: RunningSimulator | undefined;
  const lockDir = process.env.WEBEX_IAC_LOCK_DIR;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'webex-iac-every-write-'));
    // A lock folder of this test's own: the default-site lock is per machine otherwise.
    process.env.WEBEX_IAC_LOCK_DIR = join(dir, 'locks');
  });
  afterEach(async () => {
    if (lockDir === undefined) delete process.env.WEBEX_IAC_LOCK_DIR;
    else process.env.WEBEX_IAC_LOCK_DIR = lockDir;
    await sim?.close();
    sim = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const evidenceDir = () => join(dir, 'evidence');
  const recorder = () => new EvidenceRecorder(new EvidenceLog({ dir: evidenceDir(), toolVersion: 'test' }), 'webex-iac apply --auto-approve', {});
  const records = (org: string) => new EvidenceLog({ dir: evidenceDir(), toolVersion: 'test' }).read(org).map((r) => r.record);
  const requests = (org: string) => records(org).flatMap((r) => ((r.details?.requests ?? []) as RequestEntry[]));

  async function apply(manifest: Manifest, client: WebexClient): Promise<{ org: string; error?: unknown }> {
    const plan = await planOrgs(client, manifest.orgs, { stateDir: join(dir, 'state') });
    expect(plan.changes.length).toBeGreaterThan(0);
    const evidence = recorder();
    await evidence.recordPlan(client, plan);
    const error = await applyPlanWithEvidence(client, plan, evidence, { stateDir: join(dir, 'state') }).then(
      () => undefined,
      (e: unknown) => e,
    );
    return { org: plan.orgs[0]!, error };
  }

  test('the default-site switches and restores around a site PATCH are recorded as applied auxiliary writes', async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'health-system', size: { orgs: 1, sites: 2, users: 1 } });
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN, sleep: async () => undefined });
    const before = sim.snapshot();
    const { org, error } = await apply(fleetManifest({ orgs: 1, sites: 2 }), client);
    expect(error).toBeUndefined();

    const audit = sim.snapshot().adminAudit;
    const switches = audit.filter((e) => / the default site of /.test(e.data.actionText));
    // The second site is not the token user's default: it is switched to and back.
    expect(switches.length).toBeGreaterThanOrEqual(2);
    expect(judgeEvidence(evidenceDir(), audit)).toMatchObject({ unrecorded: [], phantom: [], log: [] });
    const byId = new Map(requests(org).filter((r) => r.outcome === 'applied').map((r) => [r.trackingId, r]));
    for (const event of switches) expect(byId.get(event.data.trackingId)?.purpose).toMatch(/^default-site (switch|restore)$/);
    expect(switches.some((e) => byId.get(e.data.trackingId)?.purpose === 'default-site switch')).toBe(true);
    expect(switches.some((e) => byId.get(e.data.trackingId)?.purpose === 'default-site restore')).toBe(true);
    expect(sim.snapshot().people).toEqual(before.people);
  }, 60_000);

  test('a lobby change whose scheduling PUT got no answer, after its personal room PUT was applied: partly applied, each PUT under its own outcome', async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN, sleep: async () => undefined });
    const manifest = clinicManifest();
    manifest.orgs[0]!.sites[0]!.settings = {
      hostLobby: { path: 'clinic/Lobby', personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5 }, schedulingOptions: { enabledJoinBeforeHost: false } },
    };
    // The connection breaks before the scheduling PUT is served: the personal room PUT before it was applied.
    sim.injectFault({ method: 'PUT', path: '/v1/meetingPreferences/schedulingOptions', kind: 'drop' });
    const { org, error } = await apply(manifest, client);
    expect(error).toBeDefined();

    const audit = sim.snapshot().adminAudit;
    expect(judgeEvidence(evidenceDir(), audit)).toMatchObject({ unrecorded: [], phantom: [], log: [] });
    const dropped = sim.exchanges.find((e) => e.fault === 'drop')!;
    expect(dropped).toBeDefined();
    const writes = records(org).filter((r) => r.kind === 'apply-writes').flatMap((r) => (r.changes ?? []) as unknown as { outcome: string; trackingId?: string; verified?: boolean; error?: string }[]);
    const partly = writes.find((w) => w.error?.startsWith('partly applied'));
    expect(partly).toMatchObject({ outcome: 'applied', verified: false });
    // Named under the personal room PUT that was applied, never under the dropped one.
    const servedPmr = audit.filter((e) => /personal room/i.test(e.data.actionText) || /personalMeetingRoom/.test(e.data.actionText)).map((e) => e.data.trackingId);
    expect(partly!.trackingId!.split(', ').every((id) => audit.some((e) => e.data.trackingId === id))).toBe(true);
    expect(servedPmr.length === 0 || servedPmr.some((id) => partly!.trackingId!.includes(id))).toBe(true);
    // No record says a served PUT failed.
    const failedIds = writes.filter((w) => w.outcome === 'failed').flatMap((w) => w.trackingId?.split(', ') ?? []);
    expect(failedIds.filter((id) => audit.some((e) => e.data.trackingId === id))).toEqual([]);
  }, 60_000);

  test('a lobby change whose scheduling PUT was refused, after its personal room PUT was applied: partly applied, not "failed"', async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN, sleep: async () => undefined });
    const manifest = clinicManifest();
    manifest.orgs[0]!.sites[0]!.settings = {
      hostLobby: { path: 'clinic/Lobby', personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5 }, schedulingOptions: { enabledJoinBeforeHost: false } },
    };
    sim.injectFault({ method: 'PUT', path: '/v1/meetingPreferences/schedulingOptions', status: 400 });
    const { org, error } = await apply(manifest, client);
    expect(error).toBeDefined();
    const audit = sim.snapshot().adminAudit;
    expect(judgeEvidence(evidenceDir(), audit)).toMatchObject({ unrecorded: [], phantom: [], log: [] });
    const writes = records(org).filter((r) => r.kind === 'apply-writes').flatMap((r) => (r.changes ?? []) as unknown as { outcome: string; trackingId?: string; error?: string }[]);
    const failedIds = writes.filter((w) => w.outcome === 'failed').flatMap((w) => w.trackingId?.split(', ') ?? []);
    expect(failedIds.filter((id) => audit.some((e) => e.data.trackingId === id))).toEqual([]);
    expect(writes.some((w) => w.outcome === 'applied' && w.error?.startsWith('partly applied'))).toBe(true);
    // The refused PUT is recorded as failed under its own TrackingID.
    expect(requests(org).some((r) => r.request.startsWith('PUT /v1/meetingPreferences/schedulingOptions') && r.outcome === 'failed')).toBe(true);
  }, 60_000);

  test('each write is in the log before it reaches Webex, so a kill right after the send still leaves it named', async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'health-system', size: { orgs: 1, sites: 2, users: 1 } });
    const unnamed: string[] = [];
    let writes = 0;
    const target = sim.url;
    const server: Server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        void (async () => {
          const trackingId = String(req.headers.trackingid ?? '');
          if (req.method !== 'GET') {
            writes++;
            // What a kill at this moment would leave behind: the log as it is now.
            const logged = new EvidenceLog({ dir: evidenceDir(), toolVersion: 'test' }).read(orgName).some((r) => JSON.stringify(r.record).includes(trackingId));
            if (!logged) unnamed.push(`${req.method} ${req.url}`);
          }
          const headers: Record<string, string> = { authorization: String(req.headers.authorization), trackingid: trackingId, accept: 'application/json' };
          if (req.headers['content-type']) headers['content-type'] = String(req.headers['content-type']);
          const answer = await fetch(`${target}${req.url}`, { method: req.method, headers, body: raw === '' ? undefined : raw });
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json', trackingid: answer.headers.get('trackingid') ?? trackingId });
          res.end(await answer.text());
        })().catch(() => req.socket.destroy());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const orgName = fleetManifest({ orgs: 1, sites: 2 }).orgs[0]!.name;
    try {
      const client = new WebexClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: TOKEN, sleep: async () => undefined });
      const { error } = await apply(fleetManifest({ orgs: 1, sites: 2 }), client);
      expect(error).toBeUndefined();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(writes).toBeGreaterThan(5);
    expect(unnamed).toEqual([]);
  }, 60_000);
});
