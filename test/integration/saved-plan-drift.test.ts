import axios from 'axios';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../../manifest';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { runCli, withoutProgress } from '../helpers/run-cli';

const TOKEN = 'saved-plan-token-6a2f91';
const SETTINGS = '/v1/admin/meeting/config/commonSettings';

// Each test spawns the CLI up to five times: under a loaded machine that alone takes over a minute.
jest.setTimeout(180_000);

describe('saved plans and drift (CLI against the simulator)', () => {
  let sim: RunningSimulator;
  let work: string;
  let manifest: string;
  let env: NodeJS.ProcessEnv;
  const webexGet = async () => (await axios.get(`${sim.url}${SETTINGS}?siteUrl=riverside-clinic.webex.com`, { headers: { Authorization: `Bearer ${TOKEN}` } })).data;
  const webexPatch = (securityOptions: Record<string, unknown>) => axios.patch(`${sim.url}${SETTINGS}`, { securityOptions }, { headers: { Authorization: `Bearer ${TOKEN}` } });
  const writes = () => sim.exchanges.filter((e) => e.method !== 'GET').length;

  beforeEach(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    work = mkdtempSync(join(tmpdir(), 'webex-iac-saved-'));
    manifest = join(work, 'webex-manifest.json');
    writeFileSync(manifest, canonicalJson(clinicManifest()));
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN };
  });
  afterEach(async () => {
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('apply plan.json applies exactly the saved plan when nothing changed', async () => {
    const planFile = join(work, 'plan.json');
    const plan = await runCli(['plan', '--manifest', manifest, '--out', planFile], env);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/Saved this plan to .*plan.json/);
    const saved = JSON.parse(readFileSync(planFile, 'utf8'));
    expect(saved).toMatchObject({ kind: 'webex-iac-plan', formatVersion: 3, plan: { observedHash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(JSON.stringify(saved)).not.toContain(TOKEN);

    const apply = await runCli(['apply', planFile, '--manifest', manifest, '--auto-approve'], env);
    expect(withoutProgress(apply.stderr)).toBe('');
    expect(apply.code).toBe(0);
    expect((await runCli(['drift', '--manifest', manifest], env)).code).toBe(0);
  });

  test('apply plan.json refuses, writing nothing, after a change made through the Webex API, and the change stays', async () => {
    const planFile = join(work, 'plan.json');
    expect((await runCli(['plan', '--manifest', manifest, '--out', planFile, '--quiet'], env)).code).toBe(0);
    await webexPatch({ allowMobileScreenCapture: false });
    const before = writes();

    const apply = await runCli(['apply', planFile, '--manifest', manifest, '--auto-approve'], env);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(/^Error: the live org changed since this plan was made .*nothing was written[\s\S]*Riverside Family Clinic\.sites\.riverside-clinic\.webex\.com\.meetingSecurity\.allowMobileScreenCapture was true, is now false/);
    expect(writes()).toBe(before);
    expect((await webexGet()).securityOptions).toMatchObject({ allowMobileScreenCapture: false, joinBeforeHost: true });
  });

  test('a saved plan that was edited by hand is refused', async () => {
    const planFile = join(work, 'plan.json');
    await runCli(['plan', '--manifest', manifest, '--out', planFile, '--quiet'], env);
    const saved = JSON.parse(readFileSync(planFile, 'utf8'));
    saved.observed[0].sites['riverside-clinic.webex.com'].meetingSecurity.joinBeforeHost = false;
    writeFileSync(planFile, JSON.stringify(saved));
    const apply = await runCli(['apply', planFile, '--manifest', manifest, '--auto-approve'], env);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(/has been edited/);
  });

  test('drift exits 2 on the unhardened seed, 0 once converged, 2 after a change through the Webex API, and never writes', async () => {
    const first = await runCli(['drift', '--manifest', manifest, '--detailed-exitcode'], env);
    expect(first.code).toBe(2);
    expect(first.stdout).toMatch(/has drifted from the declaration/);
    expect(writes()).toBe(0);

    expect((await runCli(['apply', '--manifest', manifest, '--auto-approve', '--quiet'], env)).code).toBe(0);
    const converged = await runCli(['drift', '--manifest', manifest, '--detailed-exitcode'], env);
    expect(converged.code).toBe(0);
    expect(converged.stdout).toMatch(/^No drift\./);

    await webexPatch({ requireLoginBeforeAccess: false });
    const afterWrites = writes();
    const drifted = await runCli(['drift', '--manifest', manifest, '--format', 'json'], env);
    expect(drifted.code).toBe(2);
    expect(JSON.parse(drifted.stdout).changes[0]).toMatchObject({ before: { requireLoginBeforeAccess: false }, after: { requireLoginBeforeAccess: true }, impact: 'strengthens' });
    expect(writes()).toBe(afterWrites);
  });

  test('--deny-weakening fails a plan that weakens security (a looser value pinned exactly; unpinned, it is a floor)', async () => {
    const loose = clinicManifest();
    loose.orgs[0]!.sites[0]!.settings.meetingSecurity = { path: 'p', passwordCriteria: { minLength: 2 }, requireStrongPassword: true };
    writeFileSync(manifest, canonicalJson(loose));
    expect((await runCli(['plan', '--manifest', manifest, '--deny-weakening', '--quiet'], env)).code).toBe(0);
    loose.orgs[0]!.sites[0]!.settings.meetingSecurity.exactFields = ['passwordCriteria.minLength'];
    writeFileSync(manifest, canonicalJson(loose));
    const result = await runCli(['plan', '--manifest', manifest, '--deny-weakening', '--format', 'markdown'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/⚠️ \*\*WEAKENS\*\*/);
    expect(result.stderr).toBe('Error: 1 change(s) weaken security and --deny-weakening is set\n');
  });
});
