import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../../manifest';
import { EvidenceLog } from '../../provisioning/evidence';
import { RunningSimulator, startSimulator } from '../../simulator';
import { auditTrackingIds, expectEvidenceMatchesAudit, recordedWrites } from '../helpers/evidence-vs-audit';
import { fleetManifest } from '../helpers/fleet-manifest';
import { spawnCli } from '../helpers/spawn-cli';

const TOKEN = 'signals-token-77d0';
const isWrite = (method: string) => method === 'PUT' || method === 'PATCH';
const ORG = 'Health System Org 1';

/** Resolves once the simulator has served `n` writes. */
async function writesServed(sim: RunningSimulator, n: number, limitMs = 60_000): Promise<void> {
  const start = Date.now();
  while (sim.exchanges.filter((e) => isWrite(e.method)).length < n) {
    if (Date.now() - start > limitMs) throw new Error(`only ${sim.exchanges.filter((e) => isWrite(e.method)).length} writes after ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('SIGINT and SIGTERM stop any command within two seconds, leaving the evidence consistent', () => {
  let sim: RunningSimulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let manifest: string;

  beforeEach(async () => {
    // Slow enough that an apply of a few dozen writes is still running when the signal comes.
    sim = await startSimulator({ tokens: [TOKEN], seed: 'health-system', size: { orgs: 1, sites: 2, users: 12 }, latencyMs: 40 });
    dir = mkdtempSync(join(tmpdir(), 'webex-iac-signals-'));
    manifest = join(dir, 'webex-manifest.json');
    writeFileSync(manifest, canonicalJson(fleetManifest({ orgs: 1, sites: 2 })));
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(dir, 'state'), WEBEX_IAC_EVIDENCE_DIR: join(dir, 'evidence'), WEBEX_IAC_CONCURRENCY: '4' };
  });
  afterEach(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s mid-apply: exits %i within 2 s, says what was in flight, and the evidence matches the audit log', async (signal, code) => {
    const cli = spawnCli(['apply', '--manifest', manifest, '--auto-approve', '--quiet'], env, { hardLimitMs: 90_000 });
    await writesServed(sim, 5);
    const sent = Date.now();
    cli.child.kill(signal);
    const result = await cli.done;
    const elapsed = Date.now() - sent;
    expect(result.hung).toBe(false);
    expect(result.code).toBe(code);
    expect(elapsed).toBeLessThan(2_000);
    expect(result.stderr).toMatch(new RegExp(`interrupted by ${signal}: (\\d+ write\\(s\\) in flight to [^;]+; their outcome is recorded as unknown|no write was in flight)`));
    expect(result.stderr).not.toMatch(/\n\s+at /);

    // Writes the simulator was still serving when the CLI died finish there; then compare.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const recorded = recordedWrites(join(dir, 'evidence'), ORG);
    expect(recorded.kinds).toEqual(expect.arrayContaining(['plan', 'apply-started', 'apply']));
    const final = new EvidenceLog({ dir: join(dir, 'evidence'), toolVersion: 'test' }).read(ORG).map((r) => r.record).pop()!;
    expect(final.kind).toBe('apply');
    expect(final.details).toMatchObject({ outcome: 'interrupted', interrupted: `interrupted by ${signal}` });
    expectEvidenceMatchesAudit(recorded, await auditTrackingIds(sim.url, TOKEN));
  }, 120_000);

  test('SIGTERM while plan reads: exits 143 within 2 s and says nothing was written', async () => {
    const cli = spawnCli(['plan', '--manifest', manifest], { ...env, WEBEX_IAC_CONCURRENCY: '1' }, { hardLimitMs: 90_000 });
    while (sim.exchanges.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    const sent = Date.now();
    cli.child.kill('SIGTERM');
    const result = await cli.done;
    expect(result.code).toBe(143);
    expect(Date.now() - sent).toBeLessThan(2_000);
    expect(result.stderr).toMatch(/interrupted by SIGTERM: plan only reads from Webex: nothing was written to Webex\n$/);
  }, 120_000);

  test('--timeout stops a command that talks to Webex, in one line, exit 1', async () => {
    const slow = await startSimulator({ tokens: [TOKEN], seed: 'clinic', latencyMs: 5_000 });
    try {
      const result = await spawnCli(['drift', '--manifest', manifest, '--timeout', '1'], { ...env, WEBEX_BASE_URL: slow.url }, { hardLimitMs: 60_000 }).done;
      expect(result.hung).toBe(false);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/Error: timed out after 1 s \(--timeout\): drift only reads from Webex: nothing was written to Webex\n$/);
    } finally {
      await slow.close();
    }
  }, 120_000);

  test('--timeout is refused when it is not a whole number of seconds', async () => {
    const result = await spawnCli(['plan', '--manifest', manifest, '--timeout', 'soon'], env, { hardLimitMs: 60_000 }).done;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--timeout must be an integer from 1 to 86400, received: "soon"/);
  }, 60_000);
});
