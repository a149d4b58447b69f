/**
 * SIGINT, SIGTERM and `--timeout` stop any command within two seconds, leaving the evidence log and the
 * state folder consistent (every append is a whole fsynced line, every state file a rename) and saying
 * what was in flight. A command registers what it would have to say or record when stopped; the first
 * signal runs those hooks (bounded in time), prints one line and exits 130 (SIGINT) or 143 (SIGTERM);
 * a second signal exits at once.
 */

/** Records what a stopped command was doing and returns one clause for the user, e.g. "3 writes in flight ...". */
export type InterruptHook = (reason: string) => Promise<string | undefined> | string | undefined;

/** How long the hooks may take before the process exits anyway: the whole stop stays under two seconds. */
export const HOOK_BUDGET_MS = 1_500;

export const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

export class Interruption {
  private readonly hooks = new Set<InterruptHook>();
  private stopping = false;

  constructor(
    private readonly err: NodeJS.WritableStream,
    private readonly exit: (code: number) => void,
  ) {}

  /** Adds a hook; returns its removal (call it once the command's critical part is over). */
  register(hook: InterruptHook): () => void {
    this.hooks.add(hook);
    return () => this.hooks.delete(hook);
  }

  /** Stops the command: runs the hooks (at most HOOK_BUDGET_MS), prints one line, exits with `code`. */
  async stop(reason: string, code: number): Promise<void> {
    if (this.stopping) {
      this.exit(code);
      return;
    }
    this.stopping = true;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), HOOK_BUDGET_MS);
    });
    const said = Promise.all(
      [...this.hooks].map(async (hook) => {
        try {
          return await hook(reason);
        } catch (error) {
          return `could not record what was in flight: ${(error as Error).message}`;
        }
      }),
    );
    const outcome = await Promise.race([said, late]);
    clearTimeout(timer);
    const clauses = outcome === 'late' ? ['the evidence of what was in flight could not be recorded in time; run webex-iac evidence verify'] : outcome.filter((c): c is string => !!c);
    this.err.write(`\n${reason}${clauses.length > 0 ? `: ${clauses.join('; ')}` : ''}\n`);
    this.exit(code);
  }

  /** SIGINT and SIGTERM stop the command (installed by the executable only, never by tests in-process). */
  installSignalHandlers(): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => void this.stop(`interrupted by ${signal}`, EXIT_CODES[signal]));
    }
  }

  /** Stops the command after `seconds` (`--timeout`); returns the cancel. */
  deadline(seconds: number | undefined): () => void {
    if (seconds === undefined) return () => undefined;
    const timer = setTimeout(() => void this.stop(`Error: timed out after ${seconds} s (--timeout)`, 1), seconds * 1000);
    timer.unref();
    return () => clearTimeout(timer);
  }
}
