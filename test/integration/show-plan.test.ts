import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../../manifest';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { runCli, withoutProgress } from '../helpers/run-cli';

const TOKEN = 'show-plan-token-3c81d0';

describe('webex-iac show: a saved plan rendered without reading Webex', () => {
  let sim: RunningSimulator;
  let work: string;
  let planFile: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    work = mkdtempSync(join(tmpdir(), 'webex-iac-show-'));
    const manifest = join(work, 'webex-manifest.json');
    writeFileSync(manifest, canonicalJson(clinicManifest()));
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(work, 'state'), WEBEX_IAC_EVIDENCE_DIR: join(work, 'evidence') };
    planFile = join(work, 'plan.json');
    const plan = await runCli(['plan', '--manifest', manifest, '--out', planFile, '--format', 'markdown'], env);
    expect(plan.code).toBe(0);
    writeFileSync(join(work, 'plan.md'), plan.stdout);
  });
  afterAll(async () => {
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('renders the saved plan as plan printed it, with no token and no request to Webex', async () => {
    const requests = sim.exchanges.length;
    const shown = await runCli(['show', planFile, '--format', 'markdown'], {});
    expect(withoutProgress(shown.stderr)).toBe('');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toBe(readFileSync(join(work, 'plan.md'), 'utf8'));
    expect(sim.exchanges.length).toBe(requests);
    const json = await runCli(['show', planFile, '--format', 'json'], {});
    expect(JSON.parse(json.stdout).changes.length).toBeGreaterThan(0);
  });

  test('--detailed-exitcode exits 2 for a plan with changes', async () => {
    expect((await runCli(['show', planFile, '--detailed-exitcode', '--quiet'], {})).code).toBe(2);
  });

  test('fails on an edited plan, as apply does', async () => {
    const edited = join(work, 'edited.json');
    const saved = JSON.parse(readFileSync(planFile, 'utf8'));
    saved.observed[0].sites['riverside-clinic.webex.com'].meetingSecurity.joinBeforeHost = false;
    writeFileSync(edited, JSON.stringify(saved));
    const shown = await runCli(['show', edited], {});
    expect(shown.code).toBe(1);
    expect(shown.stderr).toMatch(/^Error: .*edited\.json has been edited/);
    expect(shown.stderr.trim().split('\n').length).toBeLessThanOrEqual(5);
  });
});
