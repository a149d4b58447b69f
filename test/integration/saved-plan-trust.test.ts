import axios from 'axios';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson, Manifest } from '../../manifest';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { CliRun, runCli } from '../helpers/run-cli';

const TOKEN = 'saved-plan-trust-token-5c1d7e';
const SITE = 'riverside-clinic.webex.com';
const SETTINGS = '/v1/admin/meeting/config/commonSettings';
const PMR = '/v1/meetingPreferences/personalMeetingRoom';
/** A host PIN Webex accepts (no run of sequential or repeated digits) that nothing may ever print. */
const PIN = '3905';
const OTHER_PIN = '6029';

/** The clinic, hardened, with the host lobby of every host declared too. */
function lobbyManifest(): Manifest {
  const manifest = clinicManifest();
  const site = manifest.orgs[0]!.sites[0]!;
  site.settings.hostLobby = { path: 'clinic/RiversideClinic/MainSite/HostLobby', personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5, enabledNotifyHost: true } };
  return manifest;
}

/** Every file under `dir`, concatenated (empty when the folder does not exist). */
function everything(dir: string): string {
  let text = '';
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const file = join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else text += readFileSync(file, 'utf8');
    }
  };
  try {
    walk(dir);
  } catch {
    /* absent */
  }
  return text;
}

describe('saved plans apply only what the reviewed code declares', () => {
  let sim: RunningSimulator;
  let work: string;
  let manifest: string;
  let planFile: string;
  let env: NodeJS.ProcessEnv;
  const runs: CliRun[] = [];
  const cli = async (args: string[]) => {
    const run = await runCli(args, env, work);
    runs.push(run);
    return run;
  };
  const writes = () => sim.exchanges.filter((e) => e.method !== 'GET').length;
  const headers = () => ({ Authorization: `Bearer ${TOKEN}` });
  const webexGet = async () => (await axios.get(`${sim.url}${SETTINGS}?siteUrl=${SITE}`, { headers: headers() })).data;
  const webexPatch = (securityOptions: Record<string, unknown>) => axios.patch(`${sim.url}${SETTINGS}`, { securityOptions }, { headers: headers() });
  const hostEmail = async () => {
    const people = (await axios.get(`${sim.url}/v1/people`, { headers: headers() })).data.items as { emails: string[]; siteUrls?: string[] }[];
    return people.find((p) => (p.siteUrls ?? []).includes(`${SITE}#host`))!.emails[0]!;
  };
  const room = async (email: string) => (await axios.get(`${sim.url}${PMR}`, { headers: headers(), params: { userEmail: email, siteUrl: SITE } })).data;
  const setPin = async (email: string, pin: string) => {
    const { topic, enabledAutoLock, autoLockMinutes, enabledNotifyHost, supportCoHost, coHosts } = await room(email);
    await axios.put(`${sim.url}${PMR}`, { topic, hostPin: pin, enabledAutoLock: enabledAutoLock ?? false, autoLockMinutes: autoLockMinutes ?? 0, enabledNotifyHost: enabledNotifyHost ?? false, supportCoHost: supportCoHost ?? false, coHosts: coHosts ?? [] }, { headers: headers(), params: { userEmail: email, siteUrl: SITE } });
  };
  const edit = (change: (saved: any) => void) => {
    const saved = JSON.parse(readFileSync(planFile, 'utf8'));
    change(saved);
    writeFileSync(planFile, JSON.stringify(saved));
  };
  /** The PIN is in no output, no evidence record, no state file and no plan file. */
  const expectNoPin = (pins: string[] = [PIN]) => {
    const outputs = runs.map((r) => r.stdout + r.stderr).join('\n') + everything(join(work, 'evidence')) + everything(join(work, 'state'));
    // As a whole number: not inside a longer run of hex digits (hashes, ids, ports).
    for (const pin of pins) expect(outputs.toLowerCase()).not.toMatch(new RegExp(`(?<![0-9a-f])${pin}(?![0-9a-f])`));
  };

  beforeEach(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    work = mkdtempSync(join(tmpdir(), 'webex-iac-saved-trust-'));
    mkdirSync(join(work, 'evidence'));
    // Where synth puts it: apply plan.json checks the saved declaration against it.
    manifest = join(work, 'cdktf.out', 'stacks', 'clinic', 'webex-manifest.json');
    mkdirSync(join(work, 'cdktf.out', 'stacks', 'clinic'), { recursive: true });
    planFile = join(work, 'plan.json');
    writeFileSync(manifest, canonicalJson(clinicManifest()));
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_EVIDENCE_DIR: join(work, 'evidence'), WEBEX_IAC_STATE_DIR: join(work, 'state') };
    runs.length = 0;
  });
  afterEach(async () => {
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('a change whose values were edited in plan.json is refused, naming the difference, and nothing is written', async () => {
    expect((await cli(['plan', '--manifest', manifest, '--out', planFile, '--quiet'])).code).toBe(0);
    edit((saved) => {
      const change = saved.plan.changes.find((c: any) => 'passwordCriteria.minLength' in c.after);
      change.after['passwordCriteria.minLength'] = 5;
    });
    const before = writes();
    const apply = await cli(['apply', planFile, '--auto-approve']);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(/^Error: .*plan\.json has been edited[\s\S]*passwordCriteria\.minLength/);
    expect(apply.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(5);
    expect(writes()).toBe(before);
    expect((await webexGet()).securityOptions.passwordCriteria?.minLength ?? 0).not.toBe(5);
  });

  test('a host PIN or co-hosts added to a host-lobby change are refused, never written, never printed', async () => {
    writeFileSync(manifest, canonicalJson(lobbyManifest()));
    const email = await hostEmail();
    expect((await cli(['plan', '--manifest', manifest, '--out', planFile, '--quiet'])).code).toBe(0);
    edit((saved) => {
      const change = saved.plan.changes.find((c: any) => c.setting === 'hostLobby' && c.target.email === email);
      change.after['personalMeetingRoom.hostPin'] = PIN;
      change.before['personalMeetingRoom.hostPin'] = null;
      change.after['personalMeetingRoom.coHosts'] = [{ email: 'intruder@example.com', displayName: 'Intruder' }];
    });
    const before = writes();
    const apply = await cli(['apply', planFile, '--auto-approve']);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(/^Error: /);
    expect(writes()).toBe(before);
    expect((await room(email)).hostPin).not.toBe(PIN);
    expect((await room(email)).coHosts ?? []).toEqual([]);
    expectNoPin();
  });

  test('a declaration edited in plan.json (with its plan made to match) is refused: it is not what the checked-out code declares', async () => {
    expect((await cli(['plan', '--manifest', manifest, '--out', planFile, '--quiet'])).code).toBe(0);
    const weak = clinicManifest();
    weak.orgs[0]!.sites[0]!.settings.meetingSecurity!.passwordCriteria!.minLength = 5;
    const weakManifest = join(work, 'weak-manifest.json');
    writeFileSync(weakManifest, canonicalJson(weak));
    // A consistent forgery: plan the weak declaration, then keep it under the reviewed manifest.
    const forged = join(work, 'forged.json');
    expect((await cli(['plan', '--manifest', weakManifest, '--out', forged, '--quiet'])).code).toBe(0);
    const before = writes();
    const apply = await cli(['apply', forged, '--auto-approve']);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(/^Error: .*not the declaration of the checked-out code[\s\S]*passwordCriteria\.minLength/);
    expect(apply.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(5);
    expect(writes()).toBe(before);
  });

  test('a plan file of an older format is refused in one line that says to plan again', async () => {
    expect((await cli(['plan', '--manifest', manifest, '--out', planFile, '--quiet'])).code).toBe(0);
    edit((saved) => {
      saved.formatVersion = 1;
    });
    const apply = await cli(['apply', planFile, '--auto-approve']);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(/^Error: .*format 1.*plan again.*\n$/);
    expect(apply.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  test('re-applying an applied plan says so in one line and exits 0; 1 once the org no longer holds the planned values', async () => {
    expect((await cli(['plan', '--manifest', manifest, '--out', planFile, '--quiet'])).code).toBe(0);
    expect((await cli(['apply', planFile, '--auto-approve', '--quiet'])).code).toBe(0);
    const writesAfterApply = writes();

    const again = await cli(['apply', planFile, '--auto-approve']);
    expect(again.stdout + again.stderr).toBe('this plan was already applied; the org holds the planned values\n');
    expect(again.code).toBe(0);
    expect(writes()).toBe(writesAfterApply);

    await webexPatch({ joinBeforeHost: true });
    const stale = await cli(['apply', planFile, '--auto-approve']);
    expect(stale.code).toBe(1);
    expect(stale.stderr.length).toBeLessThan(1000);
    expect(stale.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(5);
  });

  test('the stale-plan error is at most five lines with a count; --format json lists every difference', async () => {
    expect((await cli(['plan', '--manifest', manifest, '--out', planFile, '--quiet'])).code).toBe(0);
    await webexPatch({ allowMobileScreenCapture: false, requireLoginBeforeAccess: true, unlistAllMeetings: true, joinBeforeHost: false, audioBeforeHost: false, firstAttendeeAsPresenter: false });
    const before = writes();
    const text = await cli(['apply', planFile, '--auto-approve']);
    expect(text.code).toBe(1);
    const lines = text.stderr.split('\n').filter(Boolean);
    expect(lines.length).toBeLessThanOrEqual(5);
    expect(lines[0]).toMatch(/^Error: the live org changed since this plan was made .*nothing was written/);
    expect(text.stderr).toMatch(/and \d+ more/);

    const json = await cli(['apply', planFile, '--auto-approve', '--format', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.outcome).toBe('stale');
    expect(report.differences.length).toBeGreaterThan(3);
    expect(report.differences).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining('allowMobileScreenCapture') })]));
    expect(writes()).toBe(before);
  });

  test('a PIN injected into the plan file or into Webex appears in no output, plan, log or evidence record', async () => {
    writeFileSync(manifest, canonicalJson(lobbyManifest()));
    const email = await hostEmail();
    await setPin(email, PIN);
    expect((await cli(['plan', '--manifest', manifest, '--out', planFile])).code).toBe(0);
    expect(readFileSync(planFile, 'utf8')).not.toContain(PIN);
    const pristine = readFileSync(planFile, 'utf8');

    // Into the observation, into a change's before, into the declaration: each is refused without showing it.
    const injections: ((saved: any) => void)[] = [
      (saved) => (Object.values(saved.observed[0].hosts[SITE])[0] as any).hosts.push({ email, personId: 'x', values: { 'personalMeetingRoom.hostPin': OTHER_PIN } }),
      (saved) => (saved.plan.changes.find((c: any) => c.setting === 'hostLobby').before['personalMeetingRoom.hostPin'] = OTHER_PIN),
      (saved) => (saved.declared[0].sites[0].settings.hostLobby.personalMeetingRoom.hostPin = OTHER_PIN),
      (saved) => (saved.plan.findings = [{ org: saved.plan.orgs[0], kind: 'mfa-off', target: { kind: 'org', orgId: 'o' }, setting: 'mfa', detail: `hostPin ${OTHER_PIN}`, path: 'p', hostPin: OTHER_PIN }]),
    ];
    for (const inject of injections) {
      writeFileSync(planFile, pristine);
      edit(inject);
      const run = await cli(['apply', planFile, '--auto-approve']);
      expect(run.code).toBe(1);
      expect((await cli(['apply', planFile, '--auto-approve', '--format', 'json'])).code).toBe(1);
    }
    writeFileSync(planFile, pristine);
    expect((await cli(['apply', planFile, '--auto-approve'])).code).toBe(0);
    expect((await room(email)).hostPin).toBe(PIN);
    await cli(['apply', planFile, '--auto-approve', '--format', 'json']);
    await cli(['drift', '--manifest', manifest, '--format', 'json']);
    await cli(['evidence', 'verify']);
    expectNoPin([PIN, OTHER_PIN]);
  }, 240_000);
});
