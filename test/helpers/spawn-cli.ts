import { ChildProcess, spawn } from 'node:child_process';
import { BIN, REPO, TEST_EVIDENCE_DIR } from './run-cli';

export interface SpawnedCli {
  readonly child: ChildProcess;
  /** Resolves when the process exits (or is killed after `hardLimitMs`). */
  readonly done: Promise<SpawnedResult>;
  /** Resolves once stdout or stderr has printed text matching `pattern`. */
  waitFor(pattern: RegExp): Promise<void>;
  stdout(): string;
  stderr(): string;
}

export interface SpawnedResult {
  /** Exit code, or null when the process died of a signal. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** True when the test had to SIGKILL it: it did not end by itself within the hard limit. */
  readonly hung: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The real `webex-iac` in a child process that the test can signal, with a hard limit after which it is
 * SIGKILLed (so that a CLI that hangs fails the test instead of hanging jest).
 */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}, options: { cwd?: string; hardLimitMs?: number } = {}): SpawnedCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, WEBEX_IAC_EVIDENCE_DIR: TEST_EVIDENCE_DIR, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const watchers: { pattern: RegExp; resolve: () => void }[] = [];
  const check = () => {
    for (const w of [...watchers]) {
      if (w.pattern.test(out) || w.pattern.test(err)) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString('utf8');
    check();
  });
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString('utf8');
    check();
  });
  let hung = false;
  const limit = setTimeout(() => {
    hung = true;
    child.kill('SIGKILL');
  }, options.hardLimitMs ?? 30_000);
  const done = new Promise<SpawnedResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(limit);
      resolve({ code, signal, hung, stdout: out, stderr: err });
    });
  });
  return {
    child,
    done,
    waitFor: (pattern) =>
      new Promise<void>((resolve, reject) => {
        watchers.push({ pattern, resolve });
        check();
        void done.then(() => reject(new Error(`the CLI exited before printing ${pattern}; stdout: ${out.slice(-500)} stderr: ${err.slice(-500)}`)));
      }),
    stdout: () => out,
    stderr: () => err,
  };
}
