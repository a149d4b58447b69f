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
 * Runs `webex-iac` commands in child processes (bench/chaos/cli-child.ts): a child that exited 0 takes the
 * next command; after any other exit it ends (this waits until it has), and the next command gets a
 * fresh child, which is always kept loaded in advance.
 */
export class CliChildren {
  private current: ChildProcess | undefined;
  private spare: Promise<ChildProcess> | undefined;

  async run(command: RunCommand): Promise<CliOutcome> {
    const child = this.current ?? (await this.takeSpare());
    this.current = undefined;
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-TAIL_BYTES);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const started = performance.now();
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
      else child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    const done = new Promise<number | undefined>((resolve) => {
      const onMessage = (message: { kind?: string; code?: number }) => {
        if (message.kind !== 'done') return;
        child.off('message', onMessage);
        resolve(message.code);
      };
      child.on('message', onMessage);
      void exited.then(() => {
        child.off('message', onMessage);
        resolve(undefined);
      });
    });
    let killed = false;
    let hung = false;
    const killTimer = command.killAfterMs === undefined ? undefined : setTimeout(() => {
      killed = child.kill('SIGKILL');
    }, command.killAfterMs);
    const hangTimer = setTimeout(() => {
      hung = child.kill('SIGKILL');
    }, command.timeoutMs ?? 180_000);
    child.send({ kind: 'run', argv: command.argv, env: command.env });
    const code = await done;
    clearTimeout(killTimer);
    const seconds = (performance.now() - started) / 1000;
    child.stdout?.off('data', keep);
    child.stderr?.off('data', keep);
    if (code === 0) {
      clearTimeout(hangTimer);
      this.current = child;
      return { code, signal: null, killed: false, hung: false, output, seconds };
    }
    // Not a success: the process ends as a CLI process would, once what it left in flight is done.
    if (code !== undefined && child.connected) child.send({ kind: 'retire' });
    const exit = await exited;
    clearTimeout(hangTimer);
    return { code: exit.code ?? (code ?? null), signal: exit.signal, killed: killed && exit.signal === 'SIGKILL' && !hung, hung, output, seconds };
  }

  /** Ends the children kept for later commands. */
  async close(): Promise<void> {
    const children = [this.current, await this.spare?.catch(() => undefined)];
    this.current = undefined;
    this.spare = undefined;
    await Promise.all(
      children.map(async (child) => {
        if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }),
    );
  }

  private async takeSpare(): Promise<ChildProcess> {
    const child = await (this.spare ?? startChild());
    this.spare = startChild();
    this.spare.catch(() => undefined);
    return child;
  }
}

function startChild(): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'cli-child.ts'), [], {
    cwd: REPO,
    execArgv: ['--require', require.resolve('tsx/cjs')],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let early = '';
  const keep = (chunk: Buffer) => {
    early = (early + chunk.toString('utf8')).slice(-TAIL_BYTES);
  };
  child.stderr?.on('data', keep);
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`a CLI child exited (${code}) before it was ready: ${early.trim()}`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.once('message', (message: { kind?: string }) => {
      if (message.kind !== 'ready') return;
      child.off('exit', onExit);
      child.stderr?.off('data', keep);
      resolve(child);
    });
  });
}
