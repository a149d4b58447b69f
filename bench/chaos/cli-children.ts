import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './scenarios';

/** How one `webex-iac` command in a child process ended. */
export interface CliOutcome {
  /** Exit code; null when a signal ended it. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** True when the harness killed it on purpose (SIGKILL at a random moment). */
  readonly killed: boolean;
  /** True when it outlived the harness's time limit and was killed for that. */
  readonly hung: boolean;
  /** The last few KB of stdout and stderr, for the report of a run that went wrong. */
  readonly output: string;
  readonly seconds: number;
}

export interface RunCommand {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** SIGKILL the command this long after it started. */
  readonly killAfterMs?: number;
  /** SIGKILL it after this long and report it as hung. @default 180 000 */
  readonly timeoutMs?: number;
}

const TAIL_BYTES = 4096;

/**
 * Runs `webex-iac` commands, each in a child process of its own (bench/chaos/cli-child.ts), keeping the
 * next child loaded while the current one runs.
 */
export class CliChildren {
  private spare: Promise<ChildProcess> | undefined;

  async run(command: RunCommand): Promise<CliOutcome> {
    const child = await (this.spare ?? startChild());
    this.spare = startChild();
    this.spare.catch(() => undefined);
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-TAIL_BYTES);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const started = performance.now();
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    let killed = false;
    let hung = false;
    const killTimer = command.killAfterMs === undefined ? undefined : setTimeout(() => {
      killed = child.kill('SIGKILL');
    }, command.killAfterMs);
    const hangTimer = setTimeout(() => {
      hung = child.kill('SIGKILL');
    }, command.timeoutMs ?? 180_000);
    child.send({ kind: 'run', argv: command.argv, env: command.env });
    const { code, signal } = await exited;
    clearTimeout(killTimer);
    clearTimeout(hangTimer);
    // A kill that came after the command had already ended is no kill.
    return { code, signal, killed: killed && signal === 'SIGKILL' && !hung, hung, output, seconds: (performance.now() - started) / 1000 };
  }

  /** Ends the spare child. */
  async close(): Promise<void> {
    const spare = await this.spare?.catch(() => undefined);
    this.spare = undefined;
    if (spare && spare.exitCode === null) {
      const exited = new Promise((resolve) => spare.once('exit', resolve));
      spare.kill('SIGKILL');
      await exited;
    }
  }
}

function startChild(): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'cli-child.ts'), [], {
    cwd: REPO,
    execArgv: ['--require', require.resolve('tsx/cjs')],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`a CLI child exited (${code}) before it was ready`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.once('message', (message: { kind?: string }) => {
      if (message.kind !== 'ready') return;
      child.off('exit', onExit);
      resolve(child);
    });
  });
}
