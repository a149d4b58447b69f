import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { runCli } from '../helpers/run-cli';

const TOKEN = 'assess-fail-closed-token-2d8a';

interface Report {
  compliant: boolean;
  orgs: { results: { ruleId: string; status: string; error?: string }[] }[];
}

/** What assess cannot read about meetings and recordings is an error that fails the command, never a pass. */
describe('assess: the automated meetings and recordings controls fail closed', () => {
  let sim: RunningSimulator;
  let dir: string;
  let manifest: string;
  const cli = (args: string[]) => runCli(args, { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(dir, 'state') }, dir);

  beforeEach(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    dir = mkdtempSync(join(tmpdir(), 'webex-iac-assess-closed-'));
    manifest = join(dir, 'webex-manifest.json');
    writeFileSync(manifest, JSON.stringify(clinicManifest()));
  });
  afterEach(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an admin recordings list that cannot be read makes the recordings rule an error, and only that rule', async () => {
    sim.injectFault({ method: 'GET', path: '/v1/admin/recordings', status: 403, times: 1_000 });
    const run = await cli(['assess', '--manifest', manifest, '--site', 'riverside-clinic.webex.com', '--format', 'json']);
    expect(run.code).toBe(1);
    const results = (JSON.parse(run.stdout) as Report).orgs[0]!.results;
    const recordings = results.find((r) => r.ruleId === 'WBX.RET.3v1')!;
    expect(recordings.status).toBe('error');
    expect(recordings.error).toMatch(/^could not read 1 target: site riverside-clinic\.webex\.com \(admin recordings\): GET \/v1\/admin\/recordings\?siteUrl=riverside-clinic\.webex\.com&status=deleted.* 403/);
    expect(results.filter((r) => r.status === 'error').map((r) => r.ruleId)).toEqual(['WBX.RET.3v1']);
  });

  test('a host\'s meetings that cannot be read stop assess with one error line, never a compliant report', async () => {
    sim.injectFault({ method: 'GET', path: '/v1/meetings', status: 403, times: 1_000 });
    const run = await cli(['assess', '--manifest', manifest, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/"compliant": ?true/);
    expect(`${run.stdout}${run.stderr}`).toMatch(/\/v1\/meetings\?meetingType=scheduledMeeting&hostEmail=/);
  });
});
