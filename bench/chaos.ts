import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { chaosSuite, problemsOf, summaryTable } from './chaos/chaos-suite';

/**
 * `npm run chaos [-- --runs N] [--seed S] [--only 3,17] [--parallel N] [--quiet]`: N randomized `webex-iac apply` runs
 * (default 200) of the clinic and a small fleet against the simulator under injected faults (429 bursts,
 * 5xx, connection resets, writes applied whose answer is lost, slow-drip bodies) and the CLI killed at a
 * random moment, each rerun until it succeeds. After each run: every declared value is in the simulator,
 * nothing undeclared changed, and the evidence log agrees with the simulator's admin audit trail.
 * Prints a table and, last, one JSON line. Exit 0 when every run converged with no problem, else 1.
 * The same --seed draws the same runs (bench/chaos/README.md).
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      runs: { type: 'string', default: '200' },
      seed: { type: 'string', default: 'webex-iac-chaos' },
      only: { type: 'string' },
      parallel: { type: 'string', default: '1' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('npm run chaos -- [--runs N (default 200)] [--seed TEXT] [--only 3,17 (replay these runs of the seed)] [--parallel N (runs at once, default 1)] [--quiet]\n');
    return 0;
  }
  if (!/^[1-9]\d*$/.test(values.runs)) throw new Error(`--runs must be a positive integer, received: ${JSON.stringify(values.runs)}`);
  const only = values.only?.split(',').map((n) => {
    if (!/^[1-9]\d*$/.test(n.trim())) throw new Error(`--only takes run numbers separated by commas, received: ${JSON.stringify(values.only)}`);
    return Number(n);
  });
  if (!/^[1-8]$/.test(values.parallel)) throw new Error(`--parallel must be an integer from 1 to 8, received: ${JSON.stringify(values.parallel)}`);
  const runs = Number(values.runs);
  const log = (line: string) => {
    if (!values.quiet) process.stderr.write(`${line}\n`);
  };
  log(`webex-iac chaos: ${only ? `runs ${only.join(', ')}` : `${runs} runs`} of seed ${JSON.stringify(values.seed)}`);
  const { summary, results } = await chaosSuite({
    seed: values.seed,
    runs,
    parallel: Number(values.parallel),
    ...(only ? { only } : {}),
    onRun: (r, done, total) => {
      const problems = problemsOf(r);
      log(`run ${r.index} (${done}/${total}) ${r.scenario}: exits ${r.exits.join(', ')}, ${r.seconds.toFixed(1)} s${problems.length ? `: ${problems.length} problem(s): ${problems.slice(0, 3).join(' | ')}` : ''}`);
      const failedLine = r.failureOutput?.trim().split('\n').filter((l) => l.startsWith('Error')).pop();
      if (failedLine) log(`  a failed attempt said: ${failedLine.slice(0, 400)}`);
    },
  });
  for (const [name, { seconds, problems }] of Object.entries(summary.calibration)) {
    log(`calibration ${name}: ${seconds} s${problems.length ? `, PROBLEMS: ${problems.join(' | ')}` : ''}`);
  }
  process.stdout.write(`\n${summaryTable(summary, results)}\n\n`);
  process.stdout.write(`${summary.runs} runs in ${(summary.wallSeconds / 60).toFixed(1)} min; ${summary.converged} converged; ${summary.wrongFields} lost or wrong fields; ${summary.undeclaredChanges} undeclared changes; ${summary.evidenceMismatches} evidence mismatches\n`);
  for (const failed of summary.failedRuns.slice(0, 20)) {
    process.stdout.write(`run ${failed.index} (${failed.scenario}, exits ${failed.exits.join(', ')}; replay: --seed ${JSON.stringify(summary.seed)} --only ${failed.index}):\n${failed.problems.map((p) => `  - ${p}`).join('\n')}\n`);
  }
  const cores = cpus();
  process.stdout.write(`${JSON.stringify({ suite: 'webex-iac chaos', machine: { cpus: cores.length, cpuModel: cores[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 1024 ** 3), node: process.version }, ...summary })}\n`);
  const clean = summary.converged === summary.runs && summary.wrongFields === 0 && summary.undeclaredChanges === 0 && summary.evidenceMismatches === 0 && Object.values(summary.calibration).every((c) => c.problems.length === 0);
  return clean ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`chaos failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
