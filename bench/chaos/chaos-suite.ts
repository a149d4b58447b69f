import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ScheduledFaultCounts, SCHEDULED_FAULT_KINDS } from '../../simulator';
import { CliChildren } from './cli-children';
import { chaosRun, designRun, RunResult } from './chaos-run';
import { chaosScenarios } from './scenarios';

export interface SuiteOptions {
  readonly seed: string;
  readonly runs: number;
  /** Run only these run numbers (1-based) of the seed's sequence, e.g. to replay a failed run. */
  readonly only?: readonly number[];
  /** Runs at once, each with its own simulator and CLI children. @default 1 */
  readonly parallel?: number;
  /** Skip the faultless calibration apply of each scenario; kills then land within `killWindowMs`. */
  readonly calibrate?: boolean;
  /** Scenario names to draw from (`clinic`, `fleet`, `fleet --org 1`, …). @default all */
  readonly scenarios?: readonly string[];
  /** Kill the CLI at a random moment in about a third of the runs. @default true */
  readonly kills?: boolean;
  /** Called after each run (progress). */
  readonly onRun?: (result: RunResult, done: number, total: number) => void;
}

export interface SuiteSummary {
  readonly seed: string;
  readonly runs: number;
  readonly byScenario: Record<string, number>;
  readonly faults: ScheduledFaultCounts & { kill: number };
  readonly attempts: number;
  readonly converged: number;
  readonly wrongFields: number;
  readonly undeclaredChanges: number;
  readonly evidenceMismatches: number;
  /** Evidence mismatches by what they are: a served default-site switch, another served write, a write recorded as applied that was never served, the log itself. */
  readonly evidenceMismatchesByKind: { unrecordedDefaultSiteSwitch: number; unrecordedWrite: number; recordedNeverServed: number; log: number };
  /** Runs with any problem, and the problems (first few per run). */
  readonly failedRuns: { index: number; scenario: string; exits: string[]; problems: string[]; output?: string }[];
  readonly wallSeconds: number;
  /** The faultless apply of each scenario that the suite measured first (and judged like any run). */
  readonly calibration: Record<string, { seconds: number; problems: string[] }>;
}

/**
 * `runs` chaos runs drawn from `seed` (bench/chaos/chaos-run.ts). First one faultless apply per scenario,
 * judged like any run: it proves the judges agree with a clean apply, and times the apply so that kills
 * land inside it.
 */
export async function chaosSuite(options: SuiteOptions): Promise<{ summary: SuiteSummary; results: RunResult[] }> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'webex-iac-chaos-suite-'));
  const lanes = Array.from({ length: Math.max(1, options.parallel ?? 1) }, () => new CliChildren());
  const now = Date.now();
  try {
    const all = chaosScenarios(dir);
    const scenarios = options.scenarios === undefined ? all : all.filter((s) => options.scenarios!.includes(s.name));
    if (scenarios.length === 0) throw new Error(`no scenario named ${options.scenarios!.join(', ')}; known: ${all.map((s) => s.name).join(', ')}`);
    const calibrationMs = new Map<string, number>();
    const calibration: SuiteSummary['calibration'] = {};
    if (options.calibrate ?? true) {
      for (const scenario of scenarios) {
        const clean = await chaosRun({ index: 0, seed: `${options.seed}/calibration`, scenario, rates: {}, burstLength: 1, dripMs: 0 }, lanes[0]!, { now, maxAttempts: 1 });
        calibrationMs.set(scenario.name, clean.seconds * 1000);
        calibration[scenario.name] = { seconds: round2(clean.seconds), problems: problemsOf(clean) };
      }
    }
    const indexes = options.only ?? Array.from({ length: options.runs }, (_, i) => i + 1);
    const results: RunResult[] = [];
    let next = 0;
    await Promise.all(
      lanes.map(async (cli) => {
        while (next < indexes.length) {
          const index = indexes[next++]!;
          const result = await chaosRun(designRun(options.seed, index, scenarios, calibrationMs, options.kills ?? true), cli, { now });
          results.push(result);
          options.onRun?.(result, results.length, indexes.length);
        }
      }),
    );
    results.sort((a, b) => a.index - b.index);
    return { summary: summarize(options.seed, results, calibration, (performance.now() - started) / 1000), results };
  } finally {
    await Promise.all(lanes.map((cli) => cli.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}

export function problemsOf(result: RunResult): string[] {
  return [
    ...(result.converged ? [] : [`did not converge (exits ${result.exits.join(', ')})`]),
    ...result.wrongFields.map((p) => `wrong: ${p}`),
    ...result.undeclaredChanges.map((p) => `undeclared: ${p}`),
    ...result.evidenceMismatches.map((p) => `evidence: ${p}`),
  ];
}

function summarize(seed: string, results: readonly RunResult[], calibration: SuiteSummary['calibration'], wallSeconds: number): SuiteSummary {
  const faults = { ...(Object.fromEntries(SCHEDULED_FAULT_KINDS.map((k) => [k, 0])) as ScheduledFaultCounts), kill: 0 };
  const byScenario: Record<string, number> = {};
  for (const r of results) {
    for (const kind of SCHEDULED_FAULT_KINDS) faults[kind] += r.faults[kind];
    if (r.killed) faults.kill++;
    byScenario[r.scenario] = (byScenario[r.scenario] ?? 0) + 1;
  }
  const sum = (f: (r: RunResult) => number) => results.reduce((total, r) => total + f(r), 0);
  return {
    seed,
    runs: results.length,
    byScenario,
    faults,
    attempts: sum((r) => r.attempts),
    converged: results.filter((r) => r.converged).length,
    wrongFields: sum((r) => r.wrongFields.length),
    undeclaredChanges: sum((r) => r.undeclaredChanges.length),
    evidenceMismatches: sum((r) => r.evidenceMismatches.length),
    evidenceMismatchesByKind: {
      unrecordedDefaultSiteSwitch: count(results, (m) => /served, evidence says/.test(m) && / the default site of /.test(m)),
      unrecordedWrite: count(results, (m) => /served, evidence says/.test(m) && !/ the default site of /.test(m)),
      recordedNeverServed: count(results, (m) => /never served/.test(m)),
      log: count(results, (m) => !/served, evidence says|never served/.test(m)),
    },
    failedRuns: results
      .map((r) => ({ r, problems: problemsOf(r) }))
      .filter(({ problems }) => problems.length > 0)
      .map(({ r, problems }) => ({ index: r.index, scenario: r.scenario, exits: r.exits, problems: problems.slice(0, 5), ...(r.failureOutput ? { output: r.failureOutput.slice(-600) } : {}) })),
    wallSeconds: round2(wallSeconds),
    calibration,
  };
}

/** The figures as a markdown table, one row per scenario and a total. */
export function summaryTable(summary: SuiteSummary, results: readonly RunResult[]): string {
  const header = ['scenario', 'runs', '429s', '5xx', 'resets', 'lost responses', 'slow drips', 'kills', 'attempts', 'converged', 'lost or wrong fields', 'undeclared changes', 'evidence mismatches'];
  const row = (name: string, rs: readonly RunResult[]) => {
    const sum = (f: (r: RunResult) => number) => String(rs.reduce((t, r) => t + f(r), 0));
    return [
      name,
      String(rs.length),
      sum((r) => r.faults['throttle-burst']),
      sum((r) => r.faults['server-error']),
      sum((r) => r.faults.drop),
      sum((r) => r.faults['lose-response']),
      sum((r) => r.faults['slow-drip']),
      sum((r) => (r.killed ? 1 : 0)),
      sum((r) => r.attempts),
      sum((r) => (r.converged ? 1 : 0)),
      sum((r) => r.wrongFields.length),
      sum((r) => r.undeclaredChanges.length),
      sum((r) => r.evidenceMismatches.length),
    ];
  };
  const names = Object.keys(summary.byScenario).sort();
  const rows = [...names.map((n) => row(n, results.filter((r) => r.scenario === n))), row('**all**', results)];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

function count(results: readonly RunResult[], matches: (mismatch: string) => boolean): number {
  return results.reduce((total, r) => total + r.evidenceMismatches.filter(matches).length, 0);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
