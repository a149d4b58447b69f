import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { clientFromEnvironment, Change, MAX_CONCURRENCY_CEILING, resolveStateDir } from '../provisioning';
import { ApplyJournal, EvidenceRecorder } from '../provisioning/evidence';
import { Interruption } from './interruption';
import { applyCommand, ApplyOptions } from './commands/apply';
import { driftCommand, DriftOptions, NotifyTarget } from './commands/drift';
import { notifyClient } from './notify-client';
import { roomIdOf } from '../provisioning/notify';
import { evidenceCommand } from './commands/evidence';
import { withSignedCheckpoints } from './sign-after';
import { planCommand, PlanOptions } from './commands/plan';
import { showCommand, ShowOptions } from './commands/show';
import { initCommand, InitOptions } from './commands/init';
import { simulatorCommand } from './commands/simulator';
import { synthCommand } from './commands/synth';
import { checkCommand, CheckOptions } from './commands/check';
import { assessCommand, AssessOptions } from './commands/assess';
import { importCommand, ImportOptions } from './commands/import';
import { DEFAULT_PROFILE, PROFILE_IDS, REPORT_FORMATS } from '../policies';
import { ExitCode, quietOnBrokenPipe, turnColorOff } from './output';
import { diagnoseToken, renderDoctor } from './commands/doctor';
import { ProgressDisplay, startProgress } from './progress';
import { parseShard } from './selection';
import { VERSION } from './version';
import { terminalText } from '../manifest/text';

export interface Io {
  readonly out: NodeJS.WriteStream;
  readonly err: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

const defaultIo: Io = { out: process.stdout, err: process.stderr, env: process.env };

/** Runs the CLI and returns its exit code; errors become one line on stderr, never a stack trace. */
export async function main(argv: readonly string[], io: Io = defaultIo, interruption: Interruption = new Interruption(io.err, (code) => process.exit(code))): Promise<number> {
  quietOnBrokenPipe(io.out);
  // --no-color is accepted anywhere on the line, by every command, as NO_COLOR=1 is.
  turnColorOff(argv.includes('--no-color'));
  const args = argv.filter((a) => a !== '--no-color');
  const program = buildProgram(io, args, interruption);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof ExitCode) return error.code;
    if (error instanceof CommanderError) return error.exitCode;
    // Messages carry Webex's own error text and trackingIds: escaped for the terminal, on one line.
    const message = error instanceof Error ? error.message : String(error);
    io.err.write(`Error: ${terminalText(message)}\n`);
    if (io.env.WEBEX_IAC_DEBUG && error instanceof Error && error.stack) io.err.write(`${error.stack}\n`);
    return 1;
  }
}

function buildProgram(io: Io, argv: readonly string[], interruption: Interruption): Command {
  const program = new Command('webex-iac')
    .description('HIPAA-hardened Cisco Webex organizations as code: synth, plan and apply against the Webex REST APIs.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', '\nEvery command takes --no-color (as NO_COLOR=1 does).');

  // --concurrency, else WEBEX_IAC_CONCURRENCY, sets the token's ceiling of requests in flight (request-scheduler.ts).
  const client = (concurrency?: number) => clientFromEnvironment(io.env, concurrency === undefined ? {} : { concurrency });
  // --notify-room: the bot's client, checked before anything is read, so a missing token fails at once.
  const notifyTarget = (room: string | undefined): NotifyTarget | undefined => (room === undefined ? undefined : { room: roomIdOf(room), bot: notifyClient(io.env), env: io.env, err: io.err });
  const notifyRoomOption = () => new Option('--notify-room <roomId>', 'post what is new or resolved since the last run to this Webex space (one markdown message; bot token in $WEBEX_NOTIFY_TOKEN)');
  const concurrencyOption = () =>
    new Option('--concurrency <n>', `Webex requests in flight at most (default: $WEBEX_IAC_CONCURRENCY, else 16); the pace adapts to Webex's 429 answers`).argParser(
      parseInteger('--concurrency', 1, MAX_CONCURRENCY_CEILING),
    );
  // Progress goes to stderr, so that stdout stays the plan or report; --quiet turns it off.
  const withProgress = async <T>(command: string, quiet: boolean | undefined, run: (display: ProgressDisplay) => Promise<T>): Promise<T> => {
    const display = startProgress({ command, stream: io.err, quiet });
    // Stopped by a signal: the progress line gives way to the message saying what was in flight.
    const unregister = interruption.register(() => {
      display.stop();
      return undefined;
    });
    try {
      return await run(display);
    } finally {
      unregister();
      display.stop();
    }
  };
  // Evidence of this command line (45 CFR 164.316(b)); WEBEX_IAC_EVIDENCE_DIR or --dir picks the folder.
  const evidence = (dir?: string) => EvidenceRecorder.fromEnvironment(dir ? { ...io.env, WEBEX_IAC_EVIDENCE_DIR: dir } : io.env, { toolVersion: VERSION, argv });
  // One state folder per project, found from the manifests (or the working folder), never from the working folder alone.
  const stateDirOf = (manifests?: readonly string[]) => resolveStateDir({ env: io.env, manifests });
  const manifestOption = () => new Option('--manifest <path>', 'a webex-manifest.json to use (repeatable); default: every manifest under cdktf.out/').argParser(collect).default(undefined);
  const baselineOption = () =>
    new Option('--baseline <path>', "the target branch's webex-manifest.json (repeatable): each change is labelled from this declaration or drift against it; default: the declaration last applied (state folder)")
      .argParser(collect)
      .default(undefined);

  program
    .command('init')
    .description('scaffold a new repo that declares a hardened org with webex-iac: package.json, cdktf.json, main.ts, CI workflows, .gitignore')
    .argument('[dir]', 'the folder to create the repo in (empty, or absent)', '.')
    .option('--org <name>', 'the org\'s display name in Webex (default: a placeholder)')
    .option('--site <url>', 'the org\'s Meetings site, e.g. clinic.webex.com (default: a placeholder)')
    .option('--force', 'write into a folder that has files, overwriting only the files init writes')
    .addHelpText('after', '\nExamples:\n  $ mkdir riverside-webex && cd riverside-webex && npx webex-iac init --org "Riverside Family Clinic" --site riverside-clinic.webex.com')
    .action((dir: string, opts: InitOptions) => {
      initCommand(dir, opts, io.out);
    });

  program
    .command('synth')
    .description('run the cdktf app (cdktf.json "app") and write cdktf.out/stacks/<stack>/{cdk.tf.json,webex-manifest.json}')
    .option('--output <dir>', 'output folder', 'cdktf.out')
    .addOption(profileOption())
    .option('--allow-noncompliant', 'write the output even when a SHALL policy rule fails; the findings are reported as warnings')
    .addHelpText('after', '\nThe synthesized manifests are checked with the HIPAA policy pack (as "webex-iac check"); a SHALL finding\nwithout an exception fails synth and writes nothing.\n\nExamples:\n  $ webex-iac synth\n  $ webex-iac synth --profile hipaa-nprm-2025')
    .action((opts: { output: string; profile: (typeof PROFILE_IDS)[number]; allowNoncompliant?: boolean }) => {
      synthCommand(opts, io);
    });

  program
    .command('check')
    .description('evaluate the HIPAA policy pack over synthesized manifests (the declared state); exit 0 compliant, 1 not')
    .addOption(manifestOption())
    .addOption(profileOption())
    .addOption(new Option('--format <format>', 'output format').choices([...REPORT_FORMATS]).default('text'))
    .addHelpText('after', '\nExamples:\n  $ webex-iac check\n  $ webex-iac check --profile hipaa-nprm-2025 --format sarif > webex-iac.sarif\n  $ webex-iac check --manifest cdktf.out/stacks/clinic/webex-manifest.json --format markdown')
    .action(async (opts: CheckOptions) => {
      const code = await checkCommand(opts, io);
      if (code !== 0) throw new ExitCode(code);
    });

  program
    .command('plan')
    .description('read the live org(s) and show what apply would change; writes nothing to Webex')
    .addOption(manifestOption())
    .addOption(baselineOption())
    .option('--org <name>', 'only this org (by its declared name)')
    .option('--site <url>', 'only this site (its org-level settings are left out)')
    .option('--shard <i/n>', "only this job's share of the work, for a CI matrix of n jobs (e.g. 2/4)", parseShard)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .option('--out <file>', 'also save the plan, for "webex-iac apply <file>"')
    .option('--detailed-exitcode', 'exit 0 when there are no changes, 2 when there are, 1 on error or when any target could not be read')
    .option('--deny-weakening', 'fail (exit 1) when any change weakens security if applied (drift that weakened the org is shown, and fails "drift --deny-weakening")')
    .option('--quiet', 'print only the summary line (text format) and errors')
    .option('--reenforce', 'enforce the write-only settings (password policy, MFA) even if webex-iac last enforced the same values')
    .addOption(concurrencyOption())
    .addHelpText('after', '\nExamples:\n  $ webex-iac plan\n  $ webex-iac plan --out plan.json --format markdown > plan.md\n  $ webex-iac plan --detailed-exitcode --deny-weakening --shard 1/4\n  $ webex-iac plan --baseline main/cdktf.out/stacks/clinic/webex-manifest.json --format markdown')
    .action(async (opts: PlanOptions & { concurrency?: number }) => {
      const webex = await client(opts.concurrency);
      const code = await withProgress('plan', opts.quiet, (display) => planCommand({ ...opts, stateDir: stateDirOf(opts.manifest), progress: display.progress }, webex, io.out, evidence()));
      if (code !== 0) throw new ExitCode(code);
    });

  program
    .command('apply')
    .description('apply a saved plan exactly, or plan now; asks for confirmation, then writes each change and reads it back')
    .argument('[plan-file]', 'a plan saved with "plan --out"; refused when edited, when the checked-out declaration differs, or when the live org changed since')
    .addOption(manifestOption())
    .option('--org <name>', 'only this org (by its declared name)')
    .option('--site <url>', 'only this site (its org-level settings are left out)')
    .option('--shard <i/n>', "only this job's share of the work (e.g. 2/4)", parseShard)
    .option('--auto-approve', 'apply without asking (for CI and the Terraform provisioner)')
    .addOption(new Option('--format <format>', 'output format; json: one document with the outcome (and every difference of a refused plan)').choices(['text', 'json']).default('text'))
    .option('--quiet', 'print only the final summary and errors')
    .option('--reenforce', 'enforce the write-only settings (password policy, MFA) even if webex-iac last enforced the same values')
    .addOption(concurrencyOption())
    .addHelpText('after', '\nExamples:\n  $ webex-iac apply\n  $ webex-iac apply plan.json --auto-approve\n  $ webex-iac apply --manifest cdktf.out/stacks/clinic/webex-manifest.json --org "Riverside Family Clinic" --auto-approve')
    .action(async (planFile: string | undefined, opts: Omit<ApplyOptions, 'planFile'> & { concurrency?: number }) => {
      const webex = await client(opts.concurrency);
      const recorder = evidence();
      const code = await withSignedCheckpoints(io.env, recorder.log.dir, io.err, () =>
        withProgress('apply', opts.quiet, (display) =>
          applyCommand(
            { ...opts, planFile, stateDir: stateDirOf(opts.manifest), progress: display.progress, beforePrompt: () => display.pause(), onJournal: (journal) => interruption.register((reason) => interruptedApply(journal, reason)) },
            webex,
            io.out,
            recorder,
          ),
        ),
      );
      if (code !== 0) throw new ExitCode(code);
    });

  program
    .command('doctor')
    .description("check the token: the orgs and sites it sees, and for each command which scopes it needs and which fail (reads are tried, writes assumed)")
    .addHelpText('after', '\nExamples:\n  $ WEBEX_TOKEN=... webex-iac doctor')
    .action(async () => {
      const { text, code } = renderDoctor(await diagnoseToken(await client()));
      io.out.write(text);
      if (code !== 0) throw new ExitCode(code);
    });

  program
    .command('show')
    .description('render a plan saved with "plan --out" without reading Webex (text, markdown or JSON)')
    .argument('<plan-file>', 'a plan saved with "plan --out"; refused when edited')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .option('--detailed-exitcode', 'exit 0 when the plan has no changes, 2 when it has, 1 on error')
    .option('--deny-weakening', 'fail (exit 1) when any change of the plan weakens security')
    .option('--quiet', 'print only the summary line (text format) and errors')
    .addHelpText('after', '\nExamples:\n  $ webex-iac show plan.json\n  $ webex-iac show plan.json --format markdown > plan.md\n  $ webex-iac show plan.json --deny-weakening --quiet')
    .action(async (planFile: string, opts: ShowOptions) => {
      await showCommand(planFile, opts, io.out);
    });

  program
    .command('drift')
    .description('read only: report where the live org differs from the declaration; exit 0 none, 2 drift, 1 error')
    .addOption(manifestOption())
    .addOption(baselineOption())
    .option('--org <name>', 'only this org (by its declared name)')
    .option('--site <url>', 'only this site')
    .option('--shard <i/n>', "only this job's share of the work (e.g. 2/4)", parseShard)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .option('--detailed-exitcode', 'accepted for symmetry with plan: drift always exits 0 (none), 2 (drift) or 1 (error)')
    .option('--deny-weakening', 'fail (exit 1) when any live value is weaker than declared (someone weakened the org outside webex-iac)')
    .option('--quiet', 'print only the summary line (text format) and errors')
    .addOption(concurrencyOption())
    .addOption(notifyRoomOption())
    .addHelpText('after', '\nExamples:\n  $ webex-iac drift\n  $ webex-iac drift --format markdown > drift.md || test $? -eq 2\n  $ webex-iac drift --deny-weakening --quiet\n  $ WEBEX_NOTIFY_TOKEN=… webex-iac drift --notify-room Y2lzY29zcGFyazovL3VzL1JPT00v… --quiet')
    .action(async (opts: Omit<DriftOptions, 'notify'> & { concurrency?: number; notifyRoom?: string }) => {
      const notify = notifyTarget(opts.notifyRoom);
      const webex = await client(opts.concurrency);
      const code = await withProgress('drift', opts.quiet, (display) => driftCommand({ ...opts, stateDir: stateDirOf(opts.manifest), progress: display.progress, ...(notify ? { notify } : {}) }, webex, io.out, evidence()));
      if (code !== 0) throw new ExitCode(code);
    });

  program
    .command('assess')
    .description('read the live org(s) and evaluate the HIPAA policy pack, as check does for the declaration; writes nothing to Webex')
    .addOption(manifestOption())
    .option('--org <name>', 'only this org (by its declared name)')
    .option('--site <url>', 'only this site (org-level rules are left out)')
    .option('--shard <i/n>', "only this job's share of the work (e.g. 2/4)", parseShard)
    .addOption(profileOption())
    .addOption(new Option('--format <format>', 'output format').choices([...REPORT_FORMATS]).default('text'))
    .option('--quiet', 'show no progress on stderr')
    .addOption(concurrencyOption())
    .addOption(notifyRoomOption())
    .addHelpText('after', '\nAutomated rules are judged from what the Webex API returns, write-only settings from what webex-iac last\nenforced, attestations from the manifest. Each org\'s result is appended to its evidence log.\n\nExamples:\n  $ webex-iac assess\n  $ webex-iac assess --org "Riverside Family Clinic" --format markdown > assessment.md\n  $ webex-iac assess --profile hipaa-nprm-2025 --format sarif > assessment.sarif')
    .action(async (opts: Omit<AssessOptions, 'notify'> & { concurrency?: number; quiet?: boolean; notifyRoom?: string }) => {
      const notify = notifyTarget(opts.notifyRoom);
      const webex = await client(opts.concurrency);
      const recorder = evidence();
      const code = await withSignedCheckpoints(io.env, recorder.log.dir, io.err, () =>
        withProgress('assess', opts.quiet, (display) => assessCommand({ ...opts, stateDir: stateDirOf(opts.manifest), progress: display.progress, ...(notify ? { notify } : {}) }, webex, io, recorder)),
      );
      if (code !== 0) throw new ExitCode(code);
    });

  program
    .command('import')
    .description('read a live org and write the cdktf program that declares it as it is (a drop-in main.ts), so that the first plan is empty; writes nothing to Webex')
    .addOption(new Option('--org <name>', 'the org to import, by display name (default: the only org the token sees)').conflicts('orgId'))
    .option('--org-id <id>', 'the org to import, by id')
    .addOption(new Option('--site <url>', 'only this Meetings site (repeatable); default: every site of the org the token administers').argParser(collect).default(undefined))
    .option('--out <file>', 'write the program to this file (atomically); default: print it on stdout')
    .option('--force', 'overwrite --out when it exists')
    .option('--stack <id>', 'the cdktf stack id (default: the org name in kebab case)')
    .option('--constructs-module <module>', "the module the program imports the constructs from (default: 'webex-iac' when installed as a package; from a source checkout, its constructs/ folder relative to --out)")
    .addOption(profileOption())
    .option('--quiet', 'show no progress on stderr')
    .addOption(concurrencyOption())
    .addHelpText(
      'after',
      '\nThe program declares what webex-iac can read as it is (values that differ from the HIPAA baseline are\nmarked), per-host differences as exempt hosts, and what it cannot express as unmanaged, with a warning\nfor each. The org password policy and MFA cannot be read: the baseline\'s values are declared. Attestations\nare TODOs. It then prints what the org fails under the policy pack.\n\nExamples:\n  $ webex-iac import --org "Riverside Family Clinic" --out main.ts --force\n  $ webex-iac import --org-id Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8... --site riverside-clinic.webex.com > imported.ts',
    )
    .action(async (opts: ImportOptions & { concurrency?: number; quiet?: boolean }) => {
      const webex = await client(opts.concurrency);
      const code = await withProgress('import', opts.quiet, (display) => importCommand({ ...opts, stateDir: stateDirOf(), progress: display.progress }, webex, io, evidence()));
      if (code !== 0) throw new ExitCode(code);
    });

  // Built in its own module, so it does not inherit the program's settings on its own: without them, its
  // --help and usage errors would call process.exit instead of returning an exit code from main().
  program.addCommand(withProgramSettings(evidenceCommand({ io, client, recorder: evidence }), program));

  program
    .command('simulator')
    .description('run the local Webex API simulator on 127.0.0.1 in the foreground')
    .option('--port <n>', 'port to listen on (0 = any free port)', parseInteger('--port', 0, 65535), 0)
    .option('--token <token>', 'the bearer token it accepts (default: $WEBEX_TOKEN)')
    .addOption(new Option('--seed <seed>', 'initial data: a small clinic, nothing, or a health system of --orgs/--sites/--users').choices(['clinic', 'empty', 'health-system']).default('clinic'))
    .option('--orgs <n>', 'health-system seed: orgs (default 2)', parseInteger('--orgs', 1, 1_000))
    .option('--sites <n>', 'health-system seed: Meetings sites per org, every user a host on each (default 2)', parseInteger('--sites', 1, 1_000))
    .option('--users <n>', 'health-system seed: users per org, besides its admin (default 50)', parseInteger('--users', 1, 1_000_000))
    .option('--rate <n>', 'requests per second per token before 429 (0 = unlimited)', parseInteger('--rate', 0, 1_000_000), 0)
    .option('--latency-ms <n>', 'fixed latency added to every request', parseInteger('--latency-ms', 0, 60_000), 0)
    .addOption(new Option('--patch-site-url <mode>', "what PATCH commonSettings does with the ?siteUrl= Cisco's spec does not declare: ignored (writes the caller's default site) or honoured").choices(['ignored', 'honoured']).default('ignored'))
    .addHelpText('after', '\nExamples:\n  $ webex-iac simulator --port 8080 --token dev-token --seed clinic\n  $ webex-iac simulator --port 8080 --token dev-token --seed health-system --orgs 4 --sites 5 --users 5000 --rate 300 --latency-ms 20\n  $ webex-iac simulator --token dev-token --seed health-system --sites 3 --latency-ms 300 --patch-site-url honoured')
    .action(async (opts: { port: number; token?: string; seed: 'clinic' | 'empty' | 'health-system'; orgs?: number; sites?: number; users?: number; rate: number; latencyMs: number; patchSiteUrl: 'ignored' | 'honoured' }) => {
      await simulatorCommand({ ...opts, token: opts.token ?? io.env.WEBEX_TOKEN }, io.out);
    });

  addDeadlines(program, interruption);
  return program;
}

/** Commands that talk to Webex, by path; each gets `--timeout` and says, when stopped, what it was doing. */
const WEBEX_COMMANDS: Record<string, 'reads' | 'writes'> = { plan: 'reads', apply: 'writes', drift: 'reads', assess: 'reads', import: 'reads', 'evidence collect': 'reads', doctor: 'reads' };

/**
 * `--timeout SECONDS` on every command that talks to Webex: the whole command's deadline, after which
 * it stops as on SIGTERM (what was in flight is recorded) and exits 1.
 */
function addDeadlines(program: Command, interruption: Interruption): void {
  const path = (command: Command): string => {
    const names: string[] = [];
    for (let c: Command | null = command; c && c !== program; c = c.parent) names.unshift(c.name());
    return names.join(' ');
  };
  const visit = (command: Command) => {
    for (const sub of command.commands) {
      if (WEBEX_COMMANDS[path(sub)]) sub.addOption(new Option('--timeout <seconds>', 'stop the command after this many seconds (what is in flight is recorded), exit 1').argParser(parseInteger('--timeout', 1, 86_400)));
      visit(sub);
    }
  };
  visit(program);
  let cancel: (() => void) | undefined;
  let unregister: (() => void) | undefined;
  program.hook('preAction', (_program, action) => {
    const kind = WEBEX_COMMANDS[path(action)];
    if (kind === undefined) return;
    cancel = interruption.deadline(action.opts<{ timeout?: number }>().timeout);
    const name = path(action);
    unregister = interruption.register(() => (kind === 'reads' ? `${name} only reads from Webex: nothing was written to Webex` : undefined));
  });
  program.hook('postAction', () => {
    cancel?.();
    unregister?.();
  });
}

/** Records the writes in flight as unknown and says where they went. */
async function interruptedApply(journal: ApplyJournal, reason: string): Promise<string> {
  const inFlight = await journal.interrupt(reason);
  const outcomes = journal.outcomes();
  const applied = outcomes.filter((o) => o.outcome === 'applied').length;
  if (inFlight.length === 0) return `no write was in flight (${applied} applied before); the evidence log records each write's outcome`;
  const targets = [...new Set(inFlight.map((change) => writeDestination(change)))];
  return `${inFlight.length} write(s) in flight to ${targets.join(', ')}; their outcome is recorded as unknown (${applied} applied before)`;
}

function writeDestination(change: Change): string {
  const target = change.target;
  if (target.kind === 'site') return target.siteUrl;
  if (target.kind === 'person' && 'siteUrl' in target && typeof target.siteUrl === 'string') return target.siteUrl;
  return `org ${JSON.stringify(change.org)}`;
}

function withProgramSettings(command: Command, program: Command): Command {
  command.copyInheritedSettings(program);
  for (const sub of command.commands) withProgramSettings(sub, command);
  return command;
}

function profileOption(): Option {
  return new Option('--profile <profile>', 'policy profile: the HIPAA Security Rule as in force, or the 2025 NPRM (90 FR 898)').choices([...PROFILE_IDS]).default(DEFAULT_PROFILE);
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

export { Interruption } from './interruption';
