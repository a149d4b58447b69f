import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Plan, planOrgs, WebexClient } from '../../provisioning';
import { applyPlanWithEvidence, EvidenceLog, EvidenceRecorder } from '../../provisioning/evidence';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { startCuttableProxy } from '../helpers/cuttable-proxy';
import { auditTrackingIds, expectEvidenceMatchesAudit, recordedWrites } from '../helpers/evidence-vs-audit';
import { fleetManifest } from '../helpers/fleet-manifest';

const TOKEN = 'truthful-records-token-4a1e';
const isWrite = (method: string) => method === 'PUT' || method === 'PATCH' || method === 'POST' || method === 'DELETE';

describe('a record that tells the truth after any failure', () => {
  let dir: string;
  let sim: RunningSimulator | undefined;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'webex-iac-truth-'))));
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const recorder = () => new EvidenceRecorder(new EvidenceLog({ dir: join(dir, 'evidence'), toolVersion: 'test' }), 'webex-iac apply --auto-approve', {});

  test('network cut mid-apply: every write that reached Webex is recorded as applied or unknown, none as not applied', async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'health-system', size: { orgs: 1, sites: 2, users: 12 }, latencyMs: 15 });
    const proxy = await startCuttableProxy(sim.url);
    try {
      const client = new WebexClient({ baseUrl: proxy.url, token: TOKEN, concurrency: 8, sleep: async () => undefined });
      const org = fleetManifest({ orgs: 1, sites: 2 }).orgs;
      const plan: Plan = await planOrgs(client, org, { stateDir: join(dir, 'state') });
      expect(plan.changes.length).toBeGreaterThan(30);
      const evidence = recorder();
      await evidence.recordPlan(client, plan);
      // Cut the network once some writes have reached the simulator, with most of the plan still to go.
      const cutter = setInterval(() => {
        if (sim!.exchanges.filter((e) => isWrite(e.method)).length >= 6) {
          clearInterval(cutter);
          proxy.cut();
        }
      }, 2);
      await expect(applyPlanWithEvidence(client, plan, evidence, { stateDir: join(dir, 'state') })).rejects.toThrow();
      clearInterval(cutter);

      const orgName = plan.orgs[0]!;
      const recorded = recordedWrites(join(dir, 'evidence'), orgName);
      const audited = await auditTrackingIds(sim.url, TOKEN);
      expect(audited.length).toBeGreaterThan(0);
      expect(audited.length).toBeLessThan(plan.changes.length);
      expectEvidenceMatchesAudit(recorded, audited);
      expect(recorded.kinds).toEqual(expect.arrayContaining(['plan', 'apply-started', 'apply-writes', 'apply']));
      // The final record splits the plan into applied, failed, unknown and never sent, and nothing is counted twice.
      const final = new EvidenceLog({ dir: join(dir, 'evidence'), toolVersion: 'test' }).read(orgName).map((r) => r.record).filter((r) => r.kind === 'apply').pop()!;
      const details = final.details as { planned: number; applied: number; failed?: unknown[]; outcomeUnknown?: unknown[]; notApplied?: unknown[] };
      expect(details.applied).toBe(recorded.applied.length);
      expect(details.applied + (details.failed?.length ?? 0) + (details.outcomeUnknown?.length ?? 0) + (details.notApplied?.length ?? 0)).toBe(details.planned);
    } finally {
      await proxy.close();
    }
  }, 120_000);

  test('a state folder that cannot be written: nothing is sent to Webex, and the evidence says so', async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'health-system', size: { orgs: 1, sites: 1, users: 1 } });
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN, sleep: async () => undefined });
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const stateDir = join(blocker, 'state');
    const plan = await planOrgs(client, fleetManifest({ orgs: 1, sites: 1 }).orgs, { stateDir });
    expect(plan.changes.some((c) => c.writeOnly)).toBe(true);
    const evidence = recorder();
    await evidence.recordPlan(client, plan);
    await expect(applyPlanWithEvidence(client, plan, evidence, { stateDir })).rejects.toThrow(`cannot create the state folder ${stateDir}: ${blocker} is a file, not a folder (ENOTDIR)`);
    expect(sim.exchanges.filter((e) => isWrite(e.method))).toEqual([]);
    expect(await auditTrackingIds(sim.url, TOKEN)).toEqual([]);
    const final = new EvidenceLog({ dir: join(dir, 'evidence'), toolVersion: 'test' }).read(plan.orgs[0]!).map((r) => r.record).pop()!;
    expect(final.kind).toBe('apply');
    expect(final.details).toMatchObject({ outcome: 'failed', applied: 0 });
    expect((final.details as { notApplied: unknown[] }).notApplied).toHaveLength(plan.changes.length);
  }, 60_000);

  test('each outcome is in the log when it becomes known, before the apply ends', async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN, sleep: async () => undefined });
    const plan = await planOrgs(client, clinicManifest().orgs, { stateDir: join(dir, 'state') });
    const evidence = recorder();
    const seenDuringApply: string[][] = [];
    await applyPlanWithEvidence(client, plan, evidence, {
      stateDir: join(dir, 'state'),
      onApplied: () => seenDuringApply.push(evidence.log.read(plan.orgs[0]!).map((r) => r.record.kind)),
    });
    const kinds = evidence.log.read(plan.orgs[0]!).map((r) => r.record.kind);
    expect(kinds[0]).toBe('apply-started');
    expect(kinds[kinds.length - 1]).toBe('apply');
    expect(kinds.filter((k) => k === 'apply-writes').length).toBeGreaterThan(0);
    const { applied } = recordedWrites(join(dir, 'evidence'), plan.orgs[0]!);
    expect(applied).toHaveLength(plan.changes.length);
    expectEvidenceMatchesAudit(recordedWrites(join(dir, 'evidence'), plan.orgs[0]!), await auditTrackingIds(sim.url, TOKEN));
    expect(seenDuringApply.length).toBe(plan.changes.length);
  }, 60_000);
});
