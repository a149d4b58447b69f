import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..');
export const BIN = join(REPO, 'cli', 'bin.js');
/** Where CLI runs append evidence unless a test sets WEBEX_IAC_EVIDENCE_DIR: never the repository's own .webex-iac/. */
export const TEST_EVIDENCE_DIR = join(tmpdir(), `webex-iac-test-evidence-${process.pid}`);

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `webex-iac` executable as a user would, in a child process (asynchronously, so an in-process simulator keeps serving). */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = REPO): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, WEBEX_IAC_EVIDENCE_DIR: TEST_EVIDENCE_DIR, WEBEX_IAC_LOCK_DIR: process.env.WEBEX_IAC_LOCK_DIR, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Progress lines (`apply: Org: read 26 targets in 6s · 52 calls · 0 × 429`): a run slower than the progress interval prints them on stderr. */
const PROGRESS_LINE = /^[a-z]+(?: [a-z]+)?: .+ · [\d,]+ calls · [\d,]+ × 429(?: · .*)?\n?/gm;

/** stderr without its progress lines: what a test means by "nothing went wrong", however slow the machine. */
export function withoutProgress(stderr: string): string {
  return stderr.replace(PROGRESS_LINE, '');
}
