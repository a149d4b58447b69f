import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningSimulator, startSimulator } from '../../simulator';
import { BIN, REPO, TEST_EVIDENCE_DIR } from '../helpers/run-cli';

const TOKEN = 'broken-pipe-token-0e5c';

/** Runs the CLI with its stdout a pipe whose reading end is closed at once (as `| head -1` does once it has its line). */
function runWithClosedStdout(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: { PATH: process.env.PATH, HOME: process.env.HOME, WEBEX_IAC_EVIDENCE_DIR: TEST_EVIDENCE_DIR, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('a closed stdout (EPIPE) ends the CLI quietly, with the exit code the command would have had', () => {
  let sim: RunningSimulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    dir = mkdtempSync(join(tmpdir(), 'webex-iac-epipe-'));
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(dir, 'state') };
    const { runCli } = await import('../helpers/run-cli');
    expect((await runCli(['synth', '--output', join(dir, 'cdktf.out')], env)).code).toBe(0);
  });
  afterAll(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test.each([
    ['plan (text)', ['plan']],
    ['plan (json)', ['plan', '--format', 'json']],
    ['plan (markdown)', ['plan', '--format', 'markdown']],
    ['check', ['check']],
    ['help', ['--help']],
  ])('%s', async (_name, args) => {
    const manifestArgs = args[0] === 'plan' || args[0] === 'check' ? ['--manifest', join(dir, 'cdktf.out', 'stacks', 'clinic', 'webex-manifest.json')] : [];
    const result = await runWithClosedStdout([...args, ...manifestArgs], env);
    expect(result.stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
  });
});
