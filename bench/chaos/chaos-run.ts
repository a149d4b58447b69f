import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FaultScheduleOptions, type ScheduledFaultCounts, SCHEDULED_FAULT_KINDS, startSimulator } from '../../simulator';
import type { CliChildren, CliOutcome } from './cli-children';
import { judgeState } from './declared-state';
import { judgeEvidence } from './evidence-vs-audit';
import { Random } from './random';
import type { Scenario } from './scenarios';

export const TOKEN = 'chaos-token-5e0c1a';

/** Everything one run does, drawn from the suite's seed and the run's number: a run is reproduced from these alone. */
export interface RunDesign {
  readonly index: number;
  readonly seed: string;
  readonly scenario: Scenario;
  /** Fault rates of the first attempt; each rerun halves them, and the last attempt has none. */
  readonly rates: FaultScheduleOptions['rates'];
  readonly burstLength: number;
  readonly dripMs: number;
  /** SIGKILL the first attempt this many milliseconds after it starts. */
  readonly killAfterMs?: number;
}

export interface RunResult {
  readonly index: number;
  readonly seed: string;
  readonly scenario: string;
  /** `apply` commands started, the first one included. */
  readonly attempts: number;
  readonly killed: boolean;
  /** Faults injected over every attempt, by kind (429 answers counted one by one). */
  readonly faults: ScheduledFaultCounts;
  /** The last attempt exited 0 and every declared value is in the simulator. */
  readonly converged: boolean;
  readonly wrongFields: string[];
  readonly undeclaredChanges: string[];
  readonly evidenceMismatches: string[];
  /** Exit code (or SIGKILL, hung) and seconds of every attempt. */
  readonly exits: string[];
  /** Output tail of the last attempt that failed (not killed), or of the last attempt when the run had a problem. */
  readonly failureOutput?: string;
  readonly seconds: number;
}

export interface RunOptions {
  /** Attempts at most, the first one included; the last one runs without faults. @default 5 */
  readonly maxAttempts?: number;
  /** `now` of every simulator, so seeded times (idle accounts, sign-ins) are the same in every run. */
  readonly now: number;
}

/** Draws run `index` of a suite seeded with `seed`: its scenario, fault rates, and whether and when the CLI is killed. */
export function designRun(seed: string, index: number, scenarios: readonly Scenario[], calibrationMs: ReadonlyMap<string, number>, kills = true): RunDesign {
  const random = new Random(`${seed}/${index}`);
  // Half the runs apply the clinic, half the fleet (whole, or one org of it while the other must stay untouched).
  const clinic = scenarios.find((s) => s.name === 'clinic');
  const fleets = scenarios.filter((s) => s !== clinic).flatMap((s) => (s.name === 'fleet' ? [s, s] : [s]));
  const scenario = clinic !== undefined && (fleets.length === 0 || random.chance(0.5)) ? clinic : random.pick(fleets);
  // Each kind is on in about two runs of three, at a rate per request; a rerun halves the rates.
  const rate = (low: number, high: number) => (random.chance(0.65) ? Number(random.between(low, high).toFixed(4)) : 0);
  const rates = {
    'throttle-burst': rate(0.005, 0.02),
    'server-error': rate(0.005, 0.02),
    drop: rate(0.005, 0.02),
    'lose-response': rate(0.01, 0.04),
    'slow-drip': rate(0.01, 0.03),
  };
  const burstLength = 2 + Math.floor(random.next() * 4);
  const dripMs = Math.round(random.between(100, 800));
  const kill = random.chance(0.35) && kills;
  const killAt = random.between(0.05, 1);
  // Without a calibration, a kill lands within the first 4 s (a clinic apply takes about that on an idle machine).
  const typical = calibrationMs.get(scenario.name) ?? 4000;
  return { index, seed: `${seed}/${index}`, scenario, rates, burstLength, dripMs, ...(kill ? { killAfterMs: Math.round(killAt * typical) } : {}) };
}

/**
 * One chaos run: a fresh simulator of the scenario's seed, `webex-iac apply --auto-approve` in a child
 * process under the run's faults (and SIGKILLed at the run's moment), rerun until it succeeds; then the
 * simulator's state is judged against the manifest (declared values, nothing else changed) and the
 * evidence log against the simulator's admin audit trail.
 */
export async function chaosRun(design: RunDesign, cli: CliChildren, options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const { scenario } = design;
  const sim = await startSimulator({ tokens: [TOKEN], seed: scenario.seed, ...(scenario.size ? { size: scenario.size } : {}), now: options.now });
  const dir = mkdtempSync(join(tmpdir(), 'webex-iac-chaos-'));
  const evidenceDir = join(dir, 'evidence');
  const faults = Object.fromEntries(SCHEDULED_FAULT_KINDS.map((k) => [k, 0])) as ScheduledFaultCounts;
  const exits: string[] = [];
  let killed = false;
  let last: CliOutcome | undefined;
  let failureOutput: string | undefined;
  try {
    const before = sim.snapshot();
    const env = {
      WEBEX_BASE_URL: sim.url,
      WEBEX_TOKEN: TOKEN,
      WEBEX_IAC_STATE_DIR: join(dir, 'state'),
      WEBEX_IAC_EVIDENCE_DIR: evidenceDir,
      // Each run is a machine of its own: runs in parallel never share the default-site lock.
      WEBEX_IAC_LOCK_DIR: join(dir, 'locks'),
      HOME: dir,
      PATH: process.env.PATH ?? '',
    };
    const maxAttempts = options.maxAttempts ?? 5;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const scale = attempt === maxAttempts ? 0 : 0.5 ** (attempt - 1);
      sim.scheduleFaults({
        seed: `${design.seed}/attempt ${attempt}`,
        rates: Object.fromEntries(Object.entries(design.rates).map(([kind, r]) => [kind, r * scale])),
        burstLength: design.burstLength,
        // A client that waited the burst's Retry-After is served, as by a rate limiter whose bucket refilled.
        burstEndsAfterRetryAfter: true,
        dripMs: design.dripMs,
      });
      last = await cli.run({
        argv: ['apply', '--manifest', scenario.manifestPath, '--auto-approve', ...scenario.args],
        env,
        ...(attempt === 1 && design.killAfterMs !== undefined ? { killAfterMs: design.killAfterMs } : {}),
      });
      for (const [kind, count] of Object.entries(sim.scheduledFaults())) faults[kind as keyof ScheduledFaultCounts] += count;
      sim.scheduleFaults(undefined);
      killed ||= last.killed;
      exits.push(`${last.hung ? 'hung' : last.killed ? 'SIGKILL' : last.code === null ? String(last.signal) : String(last.code)} (${last.seconds.toFixed(1)} s)`);
      if (last.code === 0) break;
      if (!last.killed) failureOutput = last.output;
    }
    // Let anything a killed or failed command left in flight land before looking.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = sim.snapshot();
    const state = judgeState(scenario.orgs, before, after);
    const evidence = judgeEvidence(evidenceDir, after.adminAudit);
    const converged = last?.code === 0 && state.wrong.length === 0;
    const evidenceMismatches = [...evidence.unrecorded, ...evidence.phantom, ...evidence.log];
    const troubled = !converged || state.undeclared.length > 0 || evidenceMismatches.length > 0;
    return {
      index: design.index,
      seed: design.seed,
      scenario: scenario.name,
      attempts: exits.length,
      killed,
      faults,
      converged,
      wrongFields: state.wrong,
      undeclaredChanges: state.undeclared,
      evidenceMismatches,
      exits,
      ...(troubled || failureOutput !== undefined ? { failureOutput: failureOutput ?? last?.output ?? '' } : {}),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
