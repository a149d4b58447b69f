import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../../manifest';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { runCli } from '../helpers/run-cli';

const TOKEN = 'baseline-file-first-token-3f9a';

jest.setTimeout(120_000);

/**
 * `--baseline` names a file the user typed: a missing or malformed one is refused with one line naming
 * it before anything is read from Webex, not after a whole read of the org.
 */
describe('plan and drift --baseline: the baseline file is checked before Webex is read (real CLI)', () => {
  let sim: RunningSimulator;
  let work: string;
  let manifest: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    work = mkdtempSync(join(tmpdir(), 'webex-iac-baseline-first-'));
    manifest = join(work, 'webex-manifest.json');
    writeFileSync(manifest, canonicalJson(clinicManifest()));
    writeFileSync(join(work, 'not-json.json'), '{ "formatVersion": 1, ');
    writeFileSync(join(work, 'not-a-manifest.json'), JSON.stringify({ formatVersion: 1, stack: 'x', orgs: [{ name: 'No path' }] }));
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(work, 'state'), WEBEX_IAC_EVIDENCE_DIR: join(work, 'evidence'), NO_COLOR: '1' };
  });

  afterEach(async () => {
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  });

  test.each([
    ['missing', 'missing.json'],
    ['not JSON', 'not-json.json'],
    ['not a manifest', 'not-a-manifest.json'],
  ])('%s: one line naming the file, exit 1, and not one request to Webex', async (_what, name) => {
    const baseline = join(work, name);
    for (const command of ['plan', 'drift']) {
      const run = await runCli([command, '--manifest', manifest, '--baseline', baseline], env);
      expect(run.code).toBe(1);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^Error: /);
      expect(run.stderr).toContain(baseline);
      expect(run.stdout).toBe('');
    }
    expect(sim.exchanges.map((e) => e.url)).toEqual([]);
  });
});
