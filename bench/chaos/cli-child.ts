import { main } from '../../cli/index';

/**
 * Runs `webex-iac` commands in a child process, as `node cli/bin.js <args>` runs them, except that the
 * arguments and environment arrive over IPC once the CLI's modules are loaded: loading the CLI's
 * TypeScript costs more CPU than a small apply, and on a loaded 2-core machine it would be most of a
 * chaos run. So a child that ended a command with exit 0 takes the next one (each run talks to a
 * simulator of its own, on a port of its own, so no scheduler or cache carries from run to run); after
 * any other exit the child ends as a CLI process would (when its requests still in flight are done),
 * and a killed child is gone. A kill lands in the command, never in module loading.
 *
 * → { kind: 'ready' }
 * ← { kind: 'run', argv, env }  → { kind: 'done', code }   (then, after code 0, another 'run')
 * ← { kind: 'retire' }          the child lets go of IPC and exits when its work is done
 */
process.on('message', (message: { kind: string; argv?: string[]; env?: Record<string, string> }) => {
  if (message.kind === 'retire') {
    process.disconnect?.();
    return;
  }
  if (message.kind !== 'run' || message.argv === undefined) return;
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, message.env);
  void main(message.argv).then((code) => {
    process.exitCode = code;
    process.send?.({ kind: 'done', code });
  });
});
// The suite went away: nothing more will come.
process.on('disconnect', () => {
  if (process.exitCode === undefined) process.exit(0);
});
process.send?.({ kind: 'ready' });
