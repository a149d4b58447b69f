import axios from 'axios';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningSimulator, startSimulator } from '../../simulator';
import { anyFileContains } from '../helpers/files';
import { runCli, withoutProgress } from '../helpers/run-cli';

const TOKEN = 'cli-secret-token-5d8e2a7c';

describe('webex-iac CLI end to end (synth, plan, apply against the simulator)', () => {
  let sim: RunningSimulator;
  let outdir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    outdir = mkdtempSync(join(tmpdir(), 'webex-iac-cli-'));
    // The write-only state (what webex-iac last enforced) goes to the temporary folder, not the repository.
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(outdir, 'state') };
  });
  afterAll(async () => {
    await sim.close();
    rmSync(outdir, { recursive: true, force: true });
  });

  test('synth, plan exits 2, apply exits 0, plan exits 0; the token is in no output and no file', async () => {
    const outputs: string[] = [];
    const run = async (args: string[]) => {
      const result = await runCli(args, env);
      outputs.push(result.stdout, result.stderr);
      return result;
    };
    const manifest = join(outdir, 'stacks', 'clinic', 'webex-manifest.json');

    const synth = await run(['synth', '--output', outdir]);
    expect(withoutProgress(synth.stderr)).toBe('');
    expect(synth.code).toBe(0);
    expect(synth.stdout).toMatch(/Synthesized 1 stack\(s\): 1 org\(s\), 1 site\(s\)/);

    const plan = await run(['plan', '--manifest', manifest, '--detailed-exitcode']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/~ joinBeforeHost +\S* = true -> false/);
    expect(plan.stdout).toMatch(/Plan: \d+ to change \(\d+ fields: \d+ to update, 2 to enforce \(write-only\)\)/);

    const json = await run(['plan', '--manifest', manifest, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ formatVersion: 1 });
    expect(JSON.parse(json.stdout).changes).toContainEqual(expect.objectContaining({ org: 'Riverside Family Clinic', setting: 'meetingSecurity', action: 'update' }));

    const apply = await run(['apply', '--manifest', manifest, '--org', 'Riverside Family Clinic', '--auto-approve']);
    expect(withoutProgress(apply.stderr)).toBe('');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/Apply complete! \d+ changed, \d+ verified by reading back, \d+ verified by Webex's answer to the full write \(the settings as stored\), 2 write-only checked/);

    const again = await run(['plan', '--manifest', manifest, '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^No changes\./m);

    for (const output of outputs) expect(output).not.toContain(TOKEN);
    expect(anyFileContains(outdir, TOKEN)).toBeUndefined();
  });

  test('apply without --auto-approve and without a terminal refuses, writing nothing', async () => {
    // Someone loosens the site by hand, so there is something to apply.
    await axios.patch(`${sim.url}/v1/admin/meeting/config/commonSettings`, { securityOptions: { unlistAllMeetings: false } }, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const writes = sim.exchanges.filter((e) => e.method !== 'GET').length;
    const result = await runCli(['apply', '--manifest', join(outdir, 'stacks', 'clinic', 'webex-manifest.json')], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/needs --auto-approve/);
    expect(result.stdout).toMatch(/~ unlistAllMeetings = false -> true/);
    expect(sim.exchanges.filter((e) => e.method !== 'GET')).toHaveLength(writes);
  });

  test.each([
    [['plan', '--format', 'xml'], /option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json/],
    [['plan', '--manifest', '/nonexistent/webex-manifest.json'], /^Error: cannot read manifest \/nonexistent\/webex-manifest.json: no such file or folder \(ENOENT\)\n$/],
    [['simulator', '--port', 'abc'], /--port must be an integer from 0 to 65535, received: "abc"/],
  ])('bad input %j gets one clear line and exit 1, never a stack trace', async (args, message) => {
    const result = await runCli(args, env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('plain http:// to anything but loopback is refused before any request', async () => {
    const result = await runCli(['plan', '--manifest', join(outdir, 'stacks', 'clinic', 'webex-manifest.json')], { ...env, WEBEX_BASE_URL: 'http://webexapis.com' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Error: WEBEX_BASE_URL must use https:// (http:// is allowed only for loopback such as 127.0.0.1), received: http://webexapis.com\n');
  });

  test('a missing token is named, not guessed', async () => {
    const result = await runCli(['plan', '--manifest', join(outdir, 'stacks', 'clinic', 'webex-manifest.json')], { WEBEX_BASE_URL: sim.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Error: WEBEX_TOKEN is not set/);
  });
});
