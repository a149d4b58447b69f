import { main } from '../../cli/index';

/**
 * One `webex-iac` command in a child process of its own, as `node cli/bin.js <args>` runs it, except that
 * the arguments and environment arrive over IPC once the CLI's modules are loaded: the chaos suite starts
 * the next child while the current run works, so the 1–3 s of loading TypeScript is not paid per run,
 * and a kill lands in the command, not in module loading. It runs exactly one command, then exits: no
 * state (a token's scheduler, caches) carries from one command to the next, as with a real CLI.
 *
 * → { kind: 'ready' }   ← { kind: 'run', argv, env }; then the process exits with the command's code.
 */
process.once('message', (message: { kind: string; argv: string[]; env: Record<string, string> }) => {
  if (message.kind !== 'run') return;
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, message.env);
  // As cli/bin.js: set the exit code and let the process end when its work has (requests still in flight included).
  void main(message.argv).then((code) => {
    process.exitCode = code;
    process.disconnect?.();
  });
});
process.send?.({ kind: 'ready' });
