import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { WebexClient } from '../provisioning';
import { applyCommand } from './commands/apply';
import { planCommand } from './commands/plan';
import { simulatorCommand } from './commands/simulator';
import { synth } from './commands/synth';
import { ExitCode } from './output';
import { VERSION } from './version';

export interface Io {
  readonly out: NodeJS.WriteStream;
  readonly err: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

const defaultIo: Io = { out: process.stdout, err: process.stderr, env: process.env };

/** Runs the CLI and returns its exit code; errors become one line on stderr, never a stack trace. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof ExitCode) return error.code;
    if (error instanceof CommanderError) return error.exitCode;
    const message = error instanceof Error ? error.message : String(error);
    io.err.write(`Error: ${message}\n`);
    if (io.env.WEBEX_IAC_DEBUG && error instanceof Error && error.stack) io.err.write(`${error.stack}\n`);
    return 1;
  }
}

function buildProgram(io: Io): Command {
  const program = new Command('webex-iac')
    .description('HIPAA-hardened Cisco Webex organizations as code: synth, plan and apply against the Webex REST APIs.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .showHelpAfterError('(run with --help for usage)');

  const client = () => WebexClient.fromEnvironment(io.env);
  const manifestOption = () => new Option('--manifest <path>', 'a webex-manifest.json to use (repeatable); default: every manifest under cdktf.out/').argParser(collect).default(undefined);

  program
    .command('synth')
    .description('run the cdktf app (cdktf.json "app") and write cdktf.out/stacks/<stack>/{cdk.tf.json,webex-manifest.json}')
    .option('--output <dir>', 'output folder', 'cdktf.out')
    .addHelpText('after', '\nExample:\n  $ webex-iac synth')
    .action((opts: { output: string }) => {
      const result = synth({ outdir: opts.output, env: io.env });
      io.out.write(`Synthesized ${result.manifests.length} stack(s): ${result.orgs} org(s), ${result.sites} site(s) → ${result.outdir}\n`);
    });

  program
    .command('plan')
    .description('read the live org(s) and show what apply would change; writes nothing')
    .addOption(manifestOption())
    .option('--org <name>', 'only this org (by its declared name)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--detailed-exitcode', 'exit 0 when there are no changes, 2 when there are, 1 on error')
    .addHelpText('after', '\nExamples:\n  $ webex-iac plan\n  $ webex-iac plan --format json --detailed-exitcode')
    .action(async (opts: { manifest?: string[]; org?: string; format: 'text' | 'json'; detailedExitcode?: boolean }) => {
      const code = await planCommand(opts, client(), io.out);
      if (code !== 0) throw new ExitCode(code);
    });

  program
    .command('apply')
    .description('plan, ask for confirmation, then write each change and read it back')
    .addOption(manifestOption())
    .option('--org <name>', 'only this org (by its declared name)')
    .option('--auto-approve', 'apply without asking (for CI and the Terraform provisioner)')
    .addHelpText('after', '\nExamples:\n  $ webex-iac apply\n  $ webex-iac apply --manifest cdktf.out/stacks/clinic/webex-manifest.json --org "Riverside Family Clinic" --auto-approve')
    .action(async (opts: { manifest?: string[]; org?: string; autoApprove?: boolean }) => {
      const code = await applyCommand(opts, client(), io.out);
      if (code !== 0) throw new ExitCode(code);
    });

  program
    .command('simulator')
    .description('run the local Webex API simulator on 127.0.0.1 in the foreground')
    .option('--port <n>', 'port to listen on (0 = any free port)', parseInteger('--port', 0, 65535), 0)
    .option('--token <token>', 'the bearer token it accepts (default: $WEBEX_TOKEN)')
    .addOption(new Option('--seed <seed>', 'initial org').choices(['clinic', 'empty']).default('clinic'))
    .option('--rate <n>', 'requests per second per token before 429 (0 = unlimited)', parseInteger('--rate', 0, 1_000_000), 0)
    .option('--latency-ms <n>', 'fixed latency added to every request', parseInteger('--latency-ms', 0, 60_000), 0)
    .addHelpText('after', '\nExample:\n  $ webex-iac simulator --port 8080 --token dev-token --seed clinic')
    .action(async (opts: { port: number; token?: string; seed: 'clinic' | 'empty'; rate: number; latencyMs: number }) => {
      await simulatorCommand({ ...opts, token: opts.token ?? io.env.WEBEX_TOKEN }, io.out);
    });

  return program;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parseInteger(flag: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`${flag} must be an integer from ${min} to ${max}, received: ${JSON.stringify(value)}`);
    return n;
  };
}
