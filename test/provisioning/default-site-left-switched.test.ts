import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { applyCommand } from '../../cli/commands/apply';
import { canonicalJson } from '../../manifest';
import { WebexClient } from '../../provisioning';
import { EvidenceLog, EvidenceRecorder } from '../../provisioning/evidence';
import { leftSwitches, withDefaultSiteLock } from '../../provisioning/settings/default-site-lock';
import { HEALTH_SYSTEM, RunningSimulator, startSimulator } from '../../simulator';
import { fleetManifest } from '../helpers/fleet-manifest';

const TOKEN = 'left-switched-token-81b2';
const SITES = '/v1/meetingPreferences/sites';
const [FIRST, SECOND] = [1, 2].map((n) => HEALTH_SYSTEM.siteUrl(1, n)) as [string, string];

/**
 * Found by the chaos suite (npm run chaos): a run killed after its site PATCH landed, before it put the
 * token user's default site back, left the default on the other site for good: the rerun had no site
 * setting left to write, so nothing put it back. Every apply now puts back a switch an earlier run left
 * marked, also when it has nothing to write, and records the restore like any write; when the restore
 * fails, the command fails and the next run tries again.
 */
describe('a default site left switched by an earlier run', () => {
  let dir: string;
  let sim: RunningSimulator;
  const lockDir = process.env.WEBEX_IAC_LOCK_DIR;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'webex-iac-left-switched-'));
    process.env.WEBEX_IAC_LOCK_DIR = join(dir, 'locks');
    sim = await startSimulator({ tokens: [TOKEN], seed: 'health-system', size: { orgs: 1, sites: 2, users: 1 } });
  });
  afterEach(async () => {
    await sim.close();
    if (lockDir === undefined) delete process.env.WEBEX_IAC_LOCK_DIR;
    else process.env.WEBEX_IAC_LOCK_DIR = lockDir;
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sim.url}${path}`, { method, headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return (await response.json()) as Record<string, any>;
  };
  const defaultSite = async () => ((await call('GET', SITES)).sites as { siteUrl: string; default: boolean }[]).find((s) => s.default)?.siteUrl;

  async function apply(): Promise<{ code: number; stderr: string }> {
    const manifest = join(dir, 'manifest.json');
    writeFileSync(manifest, canonicalJson(fleetManifest({ orgs: 1, sites: 2 })));
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN, sleep: async () => undefined });
    const evidence = new EvidenceRecorder(new EvidenceLog({ dir: join(dir, 'evidence'), toolVersion: 'test' }), 'webex-iac apply --auto-approve', {});
    const out = new PassThrough() as unknown as NodeJS.WriteStream;
    const stderr: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => stderr.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      const code = await applyCommand({ manifest: [manifest], autoApprove: true, quiet: true, stateDir: join(dir, 'state') }, client, out, evidence);
      return { code, stderr: stderr.join('') };
    } finally {
      process.stderr.write = write;
    }
  }

  /** What a run killed between its switch and its restore leaves: the default on SECOND, marked in the lock's record. */
  async function leaveSwitched(): Promise<void> {
    const me = await call('GET', '/v1/people/me');
    await withDefaultSiteLock({ baseUrl: sim.url, personId: me.id, user: me.emails[0] }, async (held) => {
      held.switching(FIRST, SECOND);
      await call('PUT', `${SITES}?defaultSite=true`, { siteUrl: SECOND });
      throw new Error('killed');
    }).catch(() => undefined);
  }

  const restores = () =>
    new EvidenceLog({ dir: join(dir, 'evidence'), toolVersion: 'test' })
      .read(HEALTH_SYSTEM.orgName(1))
      .flatMap((r) => (r.record.details?.requests ?? []) as { trackingId: string; control: string; purpose: string; outcome: string }[])
      .filter((r) => r.control === 'defaultSite' && r.purpose === 'default-site restore' && r.outcome === 'applied');

  test('an apply with nothing to write puts it back, says so, and records the restore', async () => {
    expect((await apply()).code).toBe(0);
    expect(await defaultSite()).toBe(FIRST);
    await leaveSwitched();
    expect(await defaultSite()).toBe(SECOND);
    expect(leftSwitches(sim.url)).toHaveLength(1);

    const rerun = await apply();
    expect(rerun.code).toBe(0);
    expect(await defaultSite()).toBe(FIRST);
    expect(leftSwitches(sim.url)).toEqual([]);
    expect(rerun.stderr).toContain(`it was put back to "${FIRST}"`);
    const restoreEvent = sim.snapshot().adminAudit.filter((e) => / the default site of /.test(e.data.actionText)).pop()!;
    expect(restoreEvent.data.actionText).toContain(FIRST);
    expect(restores().map((r) => r.trackingId)).toContain(restoreEvent.data.trackingId);
  }, 60_000);

  test('a restore that keeps failing fails the command loudly, and the next run puts it back', async () => {
    expect((await apply()).code).toBe(0);
    await leaveSwitched();
    sim.injectFault({ method: 'PUT', path: SITES, status: 403, times: 3 });
    await expect(apply()).rejects.toThrow(/default Meetings site could not be set back to hs1-site1\.webex\.com/);
    expect(await defaultSite()).toBe(SECOND);
    expect(leftSwitches(sim.url)).toHaveLength(1);

    expect((await apply()).code).toBe(0);
    expect(await defaultSite()).toBe(FIRST);
    expect(leftSwitches(sim.url)).toEqual([]);
    expect(restores()).toHaveLength(1);
  }, 60_000);
});
