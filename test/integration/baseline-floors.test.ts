import axios from 'axios';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningSimulator, startSimulator } from '../../simulator';
import { runCli, withoutProgress } from '../helpers/run-cli';

const TOKEN = 'floors-token-8c1d5e';
const SITE = 'riverside-clinic.webex.com';

/** Stricter than HipaaBaseline in every meeting-security field it declares (Cisco's example criteria and more). */
const STRICTER = {
  joinBeforeHost: false,
  audioBeforeHost: false,
  firstAttendeeAsPresenter: false,
  unlistAllMeetings: true,
  requireLoginBeforeAccess: true,
  allowMobileScreenCapture: false,
  requireStrongPassword: true,
  passwordCriteria: {
    mixedCase: true,
    minLength: 12,
    minNumeric: 2,
    minAlpha: 4,
    minSpecial: 2,
    disallowDynamicWebText: true,
    disallowList: true,
    disallowValues: ['password', 'webex', '123456', 'qwerty', 'letmein', 'Admin@123', 'passwd', 'pass'],
  },
};

describe('a baseline never weakens an org that is already stricter (CLI against the simulator)', () => {
  let sim: RunningSimulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let manifest: string;

  beforeAll(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    dir = mkdtempSync(join(tmpdir(), 'webex-iac-floors-'));
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(dir, 'state') };
    const synth = await runCli(['synth', '--output', dir], env);
    expect(synth.code).toBe(0);
    manifest = join(dir, 'stacks', 'clinic', 'webex-manifest.json');
    // Someone made the site stricter than the baseline, through the Webex API.
    await axios.patch(`${sim.url}/v1/admin/meeting/config/commonSettings?siteUrl=${SITE}`, { securityOptions: STRICTER }, { headers: { Authorization: `Bearer ${TOKEN}` } });
  });
  afterAll(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('plan --deny-weakening passes and plans no meeting-security change', async () => {
    const plan = await runCli(['plan', '--manifest', manifest, '--format', 'json', '--deny-weakening'], env);
    expect(withoutProgress(plan.stderr)).toBe('');
    expect(plan.code).toBe(0);
    const parsed = JSON.parse(plan.stdout) as { summary: { weakening: number }; changes: { setting: string; impact: string }[] };
    expect(parsed.summary.weakening).toBe(0);
    expect(parsed.changes.filter((c) => c.setting === 'meetingSecurity')).toEqual([]);
    expect(parsed.changes.filter((c) => c.impact === 'weakens')).toEqual([]);
  });

  test('a field pinned exactly is a deliberate weakening: shown, and refused by --deny-weakening', async () => {
    const pinned = JSON.parse(readFileSync(manifest, 'utf8'));
    const security = pinned.orgs[0].sites[0].settings.meetingSecurity;
    security.exactFields = ['passwordCriteria.minAlpha'];
    const file = join(dir, 'pinned-manifest.json');
    writeFileSync(file, JSON.stringify(pinned));

    const text = await runCli(['plan', '--manifest', file], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/passwordCriteria\.minAlpha += 4 -> 1 {2}# weakens; exact pin/);
    expect(text.stdout).not.toMatch(/~ passwordCriteria\.minNumeric/);
    expect(text.stdout).toMatch(/# note: floor kept passwordCriteria\.minNumeric at the live value 2, stricter than the declared 1/);

    const denied = await runCli(['plan', '--manifest', file, '--deny-weakening', '--quiet'], env);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/1 change\(s\) weaken security and --deny-weakening is set/);
  });
});
