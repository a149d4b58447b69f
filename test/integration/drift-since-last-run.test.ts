import axios from 'axios';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson, Manifest } from '../../manifest';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { runCli, withoutProgress } from '../helpers/run-cli';

const TOKEN = 'since-last-run-token-41c9';
const ORG = 'Riverside Family Clinic';
const SETTINGS = '/v1/admin/meeting/config/commonSettings';

function manifestWithHosts(): Manifest {
  const manifest = clinicManifest();
  manifest.orgs[0]!.sites[0]!.settings.hostLobby = { path: 'clinic/RiversideClinic/MainSite/HostLobby', personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5 } };
  return manifest;
}

interface SinceItem { kind: string; control: string; target: string; status: string; since: string; impact?: string }
interface SinceOrg { previousRun: { id: string; time: string } | null; summary: Record<string, number>; items: SinceItem[] }


// Several CLI runs per test, each a node process: minutes on a loaded machine.
jest.setTimeout(300_000);
describe('drift: what is new, still there, resolved or regressed since the last run (CLI against the simulator)', () => {
  let sim: RunningSimulator;
  let work: string;
  let manifest: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    work = mkdtempSync(join(tmpdir(), 'webex-iac-since-'));
    manifest = join(work, 'webex-manifest.json');
    writeFileSync(manifest, canonicalJson(manifestWithHosts()));
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_EVIDENCE_DIR: join(work, 'evidence'), WEBEX_IAC_STATE_DIR: join(work, 'state') };
  });
  afterEach(async () => {
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  });

  const driftJson = async (...args: string[]): Promise<{ code: number; since: SinceOrg; changes: number }> => {
    const run = await runCli(['drift', '--manifest', manifest, '--format', 'json', ...args], env);
    expect(withoutProgress(run.stderr)).toBe('');
    const json = JSON.parse(run.stdout) as { sinceLastRun: Record<string, SinceOrg>; changes: unknown[] };
    return { code: run.code, since: json.sinceLastRun[ORG]!, changes: json.changes.length };
  };

  test('first run: all new; next run: all still there since the first; after apply: all resolved; a change back: regressed', async () => {
    const first = await driftJson();
    expect(first.code).toBe(2);
    expect(first.since.previousRun).toBeNull();
    expect(first.since.items.length).toBeGreaterThan(3);
    expect(first.since.items.every((i) => i.status === 'new')).toBe(true);
    expect(first.since.summary).toEqual({ new: first.since.items.length, still: 0, resolved: 0, regressed: 0 });
    const siteDrift = first.since.items.find((i) => i.kind === 'drift' && i.control === 'meetingSecurity')!;
    expect(siteDrift.target).toBe('site riverside-clinic.webex.com');

    const second = await driftJson();
    expect(second.since.previousRun).not.toBeNull();
    expect(second.since.items.map((i) => i.status)).toEqual(first.since.items.map(() => 'still'));
    expect(second.since.items.find((i) => i.control === 'meetingSecurity')!.since).toBe(siteDrift.since);

    const text = await runCli(['drift', '--manifest', manifest], env);
    expect(text.stdout.trimEnd().split('\n').pop()).toMatch(new RegExp(`^Since the last run \\(\\d{4}-[^)]+\\): 0 new, ${first.since.items.length} still there, 0 resolved, 0 regressed\\.$`));

    expect((await runCli(['apply', '--manifest', manifest, '--auto-approve', '--quiet'], env)).code).toBe(0);
    const resolved = await driftJson();
    expect(resolved.code).toBe(0);
    expect(resolved.since.summary).toEqual({ new: 0, still: 0, resolved: first.since.items.length, regressed: 0 });

    const quiet = await runCli(['drift', '--manifest', manifest, '--quiet'], env);
    expect(quiet.stdout).toMatch(/^No drift\..*\nSince the last run \(.*\): 0 new, 0 still there, 0 resolved, 0 regressed\.\n$/);

    await axios.patch(`${sim.url}${SETTINGS}`, { securityOptions: { joinBeforeHost: true } }, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const regressed = await driftJson();
    expect(regressed.code).toBe(2);
    expect(regressed.since.items).toEqual([expect.objectContaining({ kind: 'drift', control: 'meetingSecurity', status: 'regressed', impact: 'weakens' })]);
    expect(regressed.since.summary).toEqual({ new: 0, still: 0, resolved: 0, regressed: 1 });
  });

  test('a run of another scope (--site, another API) is compared only with runs of that scope', async () => {
    await driftJson();
    const site = await driftJson('--site', 'riverside-clinic.webex.com');
    expect(site.since.previousRun).toBeNull();
    expect(site.since.items.every((i) => i.status === 'new')).toBe(true);
    const again = await driftJson('--site', 'riverside-clinic.webex.com');
    expect(again.since.previousRun).not.toBeNull();

    // The same org name read through another API (another simulator) is another history.
    const other = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    try {
      const run = await runCli(['drift', '--manifest', manifest, '--format', 'json'], { ...env, WEBEX_BASE_URL: other.url });
      expect((JSON.parse(run.stdout) as { sinceLastRun: Record<string, SinceOrg> }).sinceLastRun[ORG]!.previousRun).toBeNull();
    } finally {
      await other.close();
    }
  });

  test('markdown carries the comparison, each name escaped', async () => {
    await runCli(['drift', '--manifest', manifest], env);
    const md = await runCli(['drift', '--manifest', manifest, '--format', 'markdown'], env);
    expect(md.stdout).toMatch(/### Since the last run: Riverside Family Clinic\n\n\*\*Since the last run \(.*\): 0 new, \d+ still there, 0 resolved, 0 regressed\.\*\*/);
    expect(md.stdout).toMatch(/- drift of meetingSecurity on site riverside-clinic\.webex\.com ⚠️ \*\*weakens\*\* \(since /);
  });
});
