import axios from 'axios';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson, Manifest } from '../../manifest';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { Writable } from 'node:stream';
import Ajv2020 from 'ajv/dist/2020';
import { Interruption, main } from '../../cli';
import { PLAN_JSON_SCHEMA_FILE } from '../../provisioning';

/** The CLI in this process (its entry point, as bin.js calls it): a spawned node per command is too slow for this many runs. */
async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) => new Writable({ write: (chunk: Buffer, _encoding, done) => (append(chunk.toString('utf8')), done()) }) as unknown as NodeJS.WriteStream;
  const out = sink((t) => (stdout += t));
  const err = sink((t) => (stderr += t));
  const code = await main(args, { out, err, env }, new Interruption(err, () => undefined));
  return { code, stdout, stderr };
}

const TOKEN = 'drift-origin-token-5c1d7e';
const SITE = 'riverside-clinic.webex.com';
const HOST = 'dr.lee@riverside-clinic.example';
const SETTINGS = '/v1/admin/meeting/config/commonSettings';
const SCHEDULING = '/v1/meetingPreferences/schedulingOptions';

/** The clinic declaration with every host's lobby: what the PR's target branch holds and what is applied. */
function declaration(): Manifest {
  const manifest = clinicManifest();
  const site = manifest.orgs[0]!.sites[0]!;
  site.settings.hostLobby = { path: 'clinic/RiversideClinic/MainSite/HostLobby', personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5 }, schedulingOptions: { enabledJoinBeforeHost: false } };
  return manifest;
}

jest.setTimeout(180_000);

describe('drift told apart from the change under review (CLI against the simulator)', () => {
  let sim: RunningSimulator;
  let work: string;
  let manifest: string;
  let env: NodeJS.ProcessEnv;
  const auth = { headers: { Authorization: `Bearer ${TOKEN}` } };

  /** Someone weakens the org in Control Hub: the site lets attendees join before the host, one host too. */
  async function weakenInControlHub(): Promise<void> {
    await axios.patch(`${sim.url}${SETTINGS}`, { securityOptions: { joinBeforeHost: true } }, auth);
    const query = `?userEmail=${encodeURIComponent(HOST)}&siteUrl=${SITE}`;
    const { data } = await axios.get(`${sim.url}${SCHEDULING}${query}`, auth);
    await axios.put(`${sim.url}${SCHEDULING}${query}`, { ...data, enabledJoinBeforeHost: true }, auth);
  }

  beforeEach(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    work = mkdtempSync(join(tmpdir(), 'webex-iac-drift-origin-'));
    manifest = join(work, 'webex-manifest.json');
    writeFileSync(manifest, canonicalJson(declaration()));
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(work, 'state'), WEBEX_IAC_EVIDENCE_DIR: join(work, 'evidence'), NO_COLOR: '1' };
    const applied = await runCli(['apply', '--manifest', manifest, '--auto-approve', '--quiet'], env);
    expect(applied.code).toBe(0);
  });
  afterEach(async () => {
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('apply records the declaration it applied in the state folder', () => {
    const files = readdirSync(join(work, 'state'));
    expect(files).toHaveLength(1);
    const state = JSON.parse(readFileSync(join(work, 'state', files[0]!), 'utf8'));
    expect(state.applied.sites[SITE].settings).toEqual(declaration().orgs[0]!.sites[0]!.settings);
    expect(state.applied.sites[SITE].appliedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('a PR that changes nothing, against an org weakened in Control Hub: the plan shows drift, and drift weakening, via the recorded apply and via --baseline', async () => {
    await weakenInControlHub();
    for (const baseline of [[], ['--baseline', manifest]]) {
      const json = await runCli(['plan', '--manifest', manifest, ...baseline, '--format', 'json'], env);
      expect(json.code).toBe(0);
      const plan = JSON.parse(json.stdout);
      expect(plan.baseline).toBe(baseline.length === 0 ? 'applied' : 'manifest');
      expect(plan.summary).toMatchObject({ changes: 2, weakening: 0, drift: 2, driftWeakening: 2, weakerThanDeclared: 2, originUnknown: 0 });
      const byTarget = Object.fromEntries(plan.changes.map((c: { target: { siteUrl?: string; email?: string }; origin: string; liveImpact: string; fieldOrigins: unknown }) => [c.target.email ?? c.target.siteUrl, [c.origin, c.liveImpact, c.fieldOrigins]]));
      expect(byTarget).toEqual({
        [SITE]: ['drift', 'weakens', { joinBeforeHost: 'drift' }],
        [HOST]: ['drift', 'weakens', { 'schedulingOptions.enabledJoinBeforeHost': 'drift' }],
      });
      expect(plan.groups.map((g: { origin: string; liveImpact: string }) => [g.origin, g.liveImpact])).toEqual([
        ['drift', 'weakens'],
        ['drift', 'weakens'],
      ]);

      const markdown = (await runCli(['plan', '--manifest', manifest, ...baseline, '--format', 'markdown'], env)).stdout;
      expect(markdown).toMatch(/Drift weakened security: 2 value\(s\) were made weaker than declared outside webex-iac/);
      const driftSection = markdown.indexOf('### 🔀 Changes caused by drift (2)');
      expect(driftSection).toBeGreaterThan(0);
      expect(markdown).not.toContain('### Org and site changes');
      expect(markdown).not.toContain('### Host changes');
      const section = markdown.slice(driftSection, markdown.indexOf('\n---', driftSection));
      expect(section).toContain(`🔀 ⚠️ **DRIFT WEAKENED SECURITY** site ${SITE}: \`meetingSecurity\` \`joinBeforeHost\` \`true\` → \`false\``);
      expect(section).toContain('drift: changed outside webex-iac (the live value is weaker than declared)');
      // The email is escaped as every string from Webex is (no autolink in a comment).
      expect(section).toMatch(/🔀 ⚠️ \*\*DRIFT WEAKENED SECURITY\*\* host dr\.lee\S* on riverside-clinic\.webex\.com: `hostLobby` `schedulingOptions\.enabledJoinBeforeHost` `true` → `false`/);

      const text = (await runCli(['plan', '--manifest', manifest, ...baseline], env)).stdout;
      expect(text).toContain('(DRIFT: WEAKENED OUTSIDE webex-iac)');
      expect(text.trimEnd().split('\n').pop()).toMatch(/^Plan: 2 to change \(2 fields\), 2 caused by drift \(2 weakened outside webex-iac\), \d+ unchanged\.$/);
    }
  });

  test('drift counts a live value weaker than declared as weakening; --deny-weakening fails on it; plan --deny-weakening judges what applying does', async () => {
    await weakenInControlHub();
    const drift = await runCli(['drift', '--manifest', manifest, '--format', 'json'], env);
    expect(drift.code).toBe(2);
    expect(JSON.parse(drift.stdout).summary).toMatchObject({ weakerThanDeclared: 2, drift: 2 });
    // drift's JSON (with its comparison to the last run) is valid against the published plan schema.
    const validate = new Ajv2020({ strict: true }).compile(JSON.parse(readFileSync(join(__dirname, '..', '..', PLAN_JSON_SCHEMA_FILE), 'utf8')) as object);
    expect(validate(JSON.parse(drift.stdout))).toBe(true);
    const quiet = await runCli(['drift', '--manifest', manifest, '--quiet'], env);
    expect(quiet.stdout).toMatch(/^Drift: 2 to change \(2 fields\), 2 weakening, 2 caused by drift, \d+ unchanged\.\n/);

    const denied = await runCli(['drift', '--manifest', manifest, '--deny-weakening', '--quiet'], env);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toBe('Error: 2 live value(s) are weaker than declared and --deny-weakening is set\n');
    // Applying restores the values: nothing the plan does weakens the org, so the PR gate passes.
    expect((await runCli(['plan', '--manifest', manifest, '--deny-weakening', '--quiet'], env)).code).toBe(0);

    expect((await runCli(['apply', '--manifest', manifest, '--auto-approve', '--quiet'], env)).code).toBe(0);
    expect((await runCli(['drift', '--manifest', manifest, '--deny-weakening', '--quiet'], env)).code).toBe(0);
  });

  test('a PR that changes a value: that field is from this declaration, the drifted one is drift; without a baseline the origin is unknown', async () => {
    await weakenInControlHub();
    const changed = declaration();
    changed.orgs[0]!.sites[0]!.settings.meetingSecurity!.passwordCriteria!.minNumeric = 2;
    const pr = join(work, 'pr-manifest.json');
    writeFileSync(pr, canonicalJson(changed));

    const plan = JSON.parse((await runCli(['plan', '--manifest', pr, '--baseline', manifest, '--format', 'json'], env)).stdout);
    const site = plan.changes.find((c: { setting: string }) => c.setting === 'meetingSecurity');
    expect(site).toMatchObject({ origin: 'drift', fieldOrigins: { joinBeforeHost: 'drift', 'passwordCriteria.minNumeric': 'declaration' } });
    const text = (await runCli(['plan', '--manifest', pr, '--baseline', manifest], env)).stdout;
    expect(text).toMatch(/joinBeforeHost\s+= true -> false\s+# drift/);

    const noState = { ...env, WEBEX_IAC_STATE_DIR: join(work, 'no-state') };
    const unknown = JSON.parse((await runCli(['plan', '--manifest', pr, '--format', 'json'], noState)).stdout);
    expect(unknown.baseline).toBe('none');
    expect(unknown.changes.map((c: { origin: string }) => c.origin)).toEqual(['unknown', 'unknown']);
    expect((await runCli(['plan', '--manifest', pr, '--format', 'markdown'], noState)).stdout).toContain('Origin of each change: unknown (no recorded apply and no --baseline)');
  });

  test('a saved plan keeps the labels, show renders them, and a label edited in the file is refused', async () => {
    await weakenInControlHub();
    const planFile = join(work, 'plan.json');
    expect((await runCli(['plan', '--manifest', manifest, '--out', planFile, '--quiet'], env)).code).toBe(0);
    const shown = await runCli(['show', planFile, '--format', 'json'], env);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout).summary).toMatchObject({ drift: 2, driftWeakening: 2 });
    expect((await runCli(['show', planFile, '--format', 'markdown'], env)).stdout).toContain('### 🔀 Changes caused by drift (2)');

    const saved = JSON.parse(readFileSync(planFile, 'utf8'));
    expect(saved.baseline.source).toBe('applied');
    for (const edit of [
      (s: typeof saved) => (s.plan.changes[0].origin = 'declaration'),
      (s: typeof saved) => (s.plan.summary.driftWeakening = 0),
      (s: typeof saved) => (s.baseline.orgs[0].sites[SITE].meetingSecurity.joinBeforeHost = true),
    ]) {
      const edited = JSON.parse(JSON.stringify(saved));
      edit(edited);
      const file = join(work, 'edited.json');
      writeFileSync(file, JSON.stringify(edited));
      const refused = await runCli(['show', file], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/has been edited/);
    }
    expect(existsSync(planFile)).toBe(true);
  });
});
