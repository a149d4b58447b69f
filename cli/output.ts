/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  return !colorTurnedOff && stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '') && env.TERM !== 'dumb';
}

/** `--no-color` on the command line: one switch for the whole run, as NO_COLOR is. */
let colorTurnedOff = false;

/** Called once per run by the CLI's entry point. */
export function turnColorOff(off: boolean): void {
  colorTurnedOff = off;
}

/** Thrown to end a command with a given exit code after its output was already written. */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/**
 * A reader that goes away (`webex-iac plan | head -1`) closes the pipe: the next write to stdout fails
 * with EPIPE, which Node raises as an unhandled 'error' event and a stack trace. Instead, stdout goes
 * quiet: later writes are dropped, the command still finishes what it is doing (an apply is never cut
 * off between a write and its read-back) and exits with the code it would have had. Other errors of the
 * stream are not hidden.
 */
export function quietOnBrokenPipe(stream: NodeJS.WritableStream): void {
  if (typeof stream.on !== 'function') return;
  let broken = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || (broken && error.code === 'ERR_STREAM_DESTROYED')) {
      broken = true;
      return;
    }
    throw error;
  });
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  (stream as { write: (...args: unknown[]) => boolean }).write = (...args: unknown[]) => {
    if (!broken) return write(...args);
    // Dropped: nobody reads it. Call back as a successful write would, so nothing waits forever.
    const callback = args.find((a): a is () => void => typeof a === 'function');
    if (callback) process.nextTick(callback);
    return true;
  };
}
