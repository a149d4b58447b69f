import { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { synth } from '../cli/commands/synth';
import { startProgress } from '../cli/progress';
import { applyPlan, ObservedOrg, observeOrgs, Plan, planChanges, RequestScheduler, WebexClient } from '../provisioning';
import { FleetOrg, writeFleetApp } from './fleet-app';
import { BENCH_TOKEN, fleetDeclaration, startSimulatorProcess } from './fleet-harness';
import type { SimulatorTally } from './simulator-process';

/**
 * `npm run bench [-- options]`: how close a fleet plan and apply come to the limit the API itself sets.
 *
 * Starts the simulator's health-system seed in a child process (so that it neither shares the client's
 * event loop nor counts in its memory), synthesizes the fleet's declaration with `webex-iac synth`, then
 * measures, each phase with a fresh scheduler as a new CLI run would have:
 * 1. plan: read every org and plan (concurrency = the ceiling);
 * 2. apply: re-read every target, write it, read it back;
 * 3. sequential plan: the same plan with concurrency 1, after apply, so it also proves convergence
 *    (it must find no change) while issuing the same reads as the first plan.
 * For each: hosts (host accounts: one person on one site), calls, calls per host, 429s, wall time, the
 * lower bound max(calls / rate, calls × latency / ceiling), wall / bound, and the client's peak RSS.
 * Then the speed-up of 1 over 3, and `synth` of 100 orgs × 5 sites, timed. The last line is one JSON
 * object with every figure. A benchmark, not a test: it prints figures and never fails on them.
 */

interface Settings {
  readonly preset: 'full' | 'quick' | 'custom';
  readonly orgs: number;
  readonly sites: number;
  readonly users: number;
  readonly latencyMs: number;
  readonly rate: number;
  readonly concurrency: number;
  readonly sequential: boolean;
  readonly synth: boolean;
  readonly quiet: boolean;
}

const PRESETS = {
  /** 20 orgs × 1 site × 1,000 users: 20,020 people, each a host on their org's site: 20,020 hosts, about 60,000 reads. */
  full: { orgs: 20, sites: 1, users: 1000, latencyMs: 10, rate: 400 },
  /** 2 orgs × 2 sites × 200 users: 804 hosts; finishes in under a minute. */
  quick: { orgs: 2, sites: 2, users: 200, latencyMs: 5, rate: 400 },
} as const;

const SYNTH_ORGS = 100;
const SYNTH_SITES = 5;
const TARGETS = { planWallOverBound: 1.1, throttledShare: 0.02, callsPerHostPerSite: 2.1, applyCallsPerHost: 5.5, peakRssMb: 300, synthSeconds: 5 } as const;

interface Phase {
  readonly name: string;
  readonly concurrency: number;
  readonly hosts: number;
  readonly calls: number;
  readonly callsPerHost: number;
  readonly throttled: number;
  readonly throttledShare: number;
  readonly wallSeconds: number;
  readonly rateBoundSeconds: number;
  readonly latencyBoundSeconds: number;
  readonly boundSeconds: number;
  readonly wallOverBound: number;
  readonly peakRssMb: number;
  /** RSS when the phase started. */
  readonly startRssMb: number;
  /** Heap still in use after the phase, after a full garbage collection, with its result (plan, observation) held. */
  readonly heapAfterMb: number;
  readonly measuredRate?: number;
  readonly changes?: number;
}

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'webex-iac-bench-'));
  const rss = new RssSampler();
  let simulator: ChildProcess | undefined;
  try {
    log(settings, `webex-iac fleet benchmark (${settings.preset}): ${settings.orgs} org(s) × ${settings.sites} site(s) × ${settings.users} users, rate ${settings.rate}/s, latency ${settings.latencyMs} ms, concurrency ${settings.concurrency}`);
    const synthSeconds = settings.synth ? timeSynth(join(work, 'synth')) : undefined;
    const orgs = fleetDeclaration(settings, join(work, 'fleet'));
    const stateDir = join(work, 'state');

    const started = await startSimulatorProcess(settings);
    simulator = started.child;
    const client = (concurrency: number) => new WebexClient({ baseUrl: started.url, token: BENCH_TOKEN, scheduler: new RequestScheduler({ ceiling: concurrency }) });

    let planned: Measured<{ plan: Plan; hosts: number }> | undefined = await measure('plan', settings, settings.concurrency, rss, async (webex, progress) => {
      const observed = await observeOrgs(webex, orgs, { stateDir, progress });
      return { plan: planChanges(orgs, observed), hosts: hostCount(observed) };
    }, client);
    const plan = { phase: planned.phase };
    const apply = {
      phase: (
        await measure('apply', settings, settings.concurrency, rss, async (webex, progress) => {
          await applyPlan(webex, planned!.result.plan, { stateDir, progress });
          return planned!.result;
        }, client)
      ).phase,
    };
    // Let the first plan go, so that the next phase's heap shows what a plan of the converged fleet holds.
    planned = undefined;
    const sequential = settings.sequential
      ? await measure('plan, concurrency 1', settings, 1, rss, async (webex, progress) => {
          const observed = await observeOrgs(webex, orgs, { stateDir, progress });
          return { plan: planChanges(orgs, observed), hosts: hostCount(observed) };
        }, client)
      : undefined;
    const converged = sequential === undefined ? undefined : sequential.result.plan.changes.length === 0;
    const served = await tally(started.child);

    const phases = [plan.phase, apply.phase, ...(sequential ? [sequential.phase] : [])];
    const speedup = sequential ? sequential.phase.wallSeconds / plan.phase.wallSeconds : undefined;
    const peakRssMb = Math.max(...phases.map((p) => p.peakRssMb), process.resourceUsage().maxRSS / 1024);
    const targets = {
      planWithinBound: plan.phase.wallOverBound <= TARGETS.planWallOverBound,
      throttledAtMost2Percent: phases.every((p) => p.throttledShare <= TARGETS.throttledShare),
      planCallsPerHostPerSite: plan.phase.callsPerHost <= TARGETS.callsPerHostPerSite,
      applyCallsPerHost: apply.phase.callsPerHost <= TARGETS.applyCallsPerHost,
      peakRssUnder300Mb: peakRssMb < TARGETS.peakRssMb,
      ...(synthSeconds === undefined ? {} : { synthUnder5s: synthSeconds < TARGETS.synthSeconds }),
      ...(converged === undefined ? {} : { convergedAfterApply: converged }),
    };

    process.stdout.write(`\n${table(phases)}\n`);
    if (speedup !== undefined) process.stdout.write(`speed-up of the plan over concurrency 1: ${speedup.toFixed(1)}×${converged ? ' (the concurrency-1 plan, made after apply, found no change: the fleet converged)' : ' — WARNING: the plan after apply still has changes'}\n`);
    if (synthSeconds !== undefined) process.stdout.write(`synth of ${SYNTH_ORGS} orgs × ${SYNTH_SITES} sites (cdktf app, manifest, policy check): ${synthSeconds.toFixed(2)} s\n`);
    process.stdout.write(`peak RSS of the client process: ${peakRssMb.toFixed(0)} MB; simulator (own process): ${(served.peakRss / 1048576).toFixed(0)} MB, ${served.requests} requests served\n`);
    process.stdout.write(`targets: ${Object.entries(targets).map(([k, v]) => `${k} ${v ? 'met' : 'MISSED'}`).join(', ')}\n`);
    process.stdout.write(
      `${JSON.stringify({
        benchmark: 'webex-iac fleet',
        machine: machine(),
        settings,
        phases: Object.fromEntries(phases.map((p) => [p.name, round(p)])),
        ...(speedup === undefined ? {} : { speedup: round2(speedup) }),
        ...(synthSeconds === undefined ? {} : { synth: { orgs: SYNTH_ORGS, sites: SYNTH_ORGS * SYNTH_SITES, seconds: round2(synthSeconds) } }),
        peakRssMb: round2(peakRssMb),
        simulator: { requests: served.requests, byStatus: served.byStatus, peakRssMb: round2(served.peakRss / 1048576) },
        targets,
      })}\n`,
    );
  } finally {
    rss.stop();
    if (simulator?.connected) simulator.send({ kind: 'close' });
    rmSync(work, { recursive: true, force: true });
  }
}

type Measured<T> = { phase: Phase; result: T };

/** Runs one phase with a fresh scheduler of `concurrency`, and measures it. */
async function measure(
  name: string,
  settings: Settings,
  concurrency: number,
  rss: RssSampler,
  run: (client: WebexClient, progress: ReturnType<typeof startProgress>['progress']) => Promise<{ plan: Plan; hosts: number }>,
  client: (concurrency: number) => WebexClient,
): Promise<Measured<{ plan: Plan; hosts: number }>> {
  const webex = client(concurrency);
  const display = startProgress({ command: `bench ${name}`, stream: process.stderr, quiet: settings.quiet });
  collectGarbage();
  rss.reset();
  const startRssMb = process.memoryUsage.rss() / 1048576;
  const started = performance.now();
  let result: { plan: Plan; hosts: number };
  try {
    result = await run(webex, display.progress);
  } finally {
    display.stop();
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const peakRss = rss.peak();
  collectGarbage();
  const heapAfterMb = process.memoryUsage().heapUsed / 1048576;
  const stats = webex.scheduler.stats();
  const rateBoundSeconds = settings.rate > 0 ? stats.calls / settings.rate : 0;
  const latencyBoundSeconds = (stats.calls * settings.latencyMs) / 1000 / concurrency;
  const boundSeconds = Math.max(rateBoundSeconds, latencyBoundSeconds);
  const phase: Phase = {
    name,
    concurrency,
    hosts: result.hosts,
    calls: stats.calls,
    callsPerHost: stats.calls / Math.max(1, result.hosts),
    throttled: stats.throttled,
    throttledShare: stats.throttled / Math.max(1, stats.calls),
    wallSeconds,
    rateBoundSeconds,
    latencyBoundSeconds,
    boundSeconds,
    wallOverBound: boundSeconds > 0 ? wallSeconds / boundSeconds : 0,
    peakRssMb: peakRss / 1048576,
    startRssMb,
    heapAfterMb,
    ...(stats.measuredRate === undefined ? {} : { measuredRate: stats.measuredRate }),
    changes: result.plan.changes.length,
  };
  log(settings, `${name}: ${phase.calls} calls in ${wallSeconds.toFixed(1)} s, ${phase.throttled} × 429, ${phase.changes} change(s) in the plan`);
  return { phase, result };
}

/** Host accounts of the fleet: per site, the selected hosts of its per-host controls (listed or summarized). */
function hostCount(observed: readonly ObservedOrg[]): number {
  let hosts = 0;
  for (const org of observed) {
    for (const settings of Object.values(org.hosts ?? {})) {
      hosts += Math.max(0, ...Object.values(settings).map((s) => s.hosts.length + (s.converged?.count ?? 0)));
    }
  }
  return hosts;
}

/** `webex-iac synth` of a generated app of 100 orgs × 5 sites, with the policy check, timed. */
function timeSynth(dir: string): number {
  const orgs: FleetOrg[] = Array.from({ length: SYNTH_ORGS }, (_, i) => ({
    name: `Bench Org ${i + 1}`,
    siteUrls: Array.from({ length: SYNTH_SITES }, (_, j) => `bench${i + 1}-site${j + 1}.webex.com`),
    admins: [`admin@org${i + 1}.example`],
  }));
  writeFleetApp(dir, orgs);
  const started = performance.now();
  const result = synth({ cwd: dir, outdir: join(dir, 'cdktf.out'), env: process.env, policy: { profile: 'hipaa-current' } });
  const seconds = (performance.now() - started) / 1000;
  if (result.orgs !== SYNTH_ORGS || result.sites !== SYNTH_ORGS * SYNTH_SITES) throw new Error(`synth wrote ${result.orgs} orgs and ${result.sites} sites`);
  return seconds;
}

function tally(child: ChildProcess): Promise<SimulatorTally> {
  return new Promise((resolve) => {
    const listener = (message: { kind: string; tally?: SimulatorTally }) => {
      if (message.kind !== 'tally' || !message.tally) return;
      child.off('message', listener);
      resolve(message.tally);
    };
    child.on('message', listener);
    child.send({ kind: 'tally' });
  });
}

/** The client process's resident set size, sampled every 20 ms; `peak()` since the last reset. */
class RssSampler {
  private max = 0;
  private readonly timer = setInterval(() => this.sample(), 20);

  constructor() {
    this.timer.unref();
  }

  sample(): void {
    this.max = Math.max(this.max, process.memoryUsage.rss());
  }

  reset(): void {
    this.max = 0;
    this.sample();
  }

  peak(): number {
    this.sample();
    return this.max;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

function table(phases: readonly Phase[]): string {
  const header = ['phase', 'concurrency', 'hosts', 'calls', 'calls/host', '429s', '429 %', 'wall s', 'bound s', 'bound is', 'wall/bound', 'RSS start MB', 'peak RSS MB', 'heap after MB'];
  const rows = phases.map((p) => [
    p.name,
    String(p.concurrency),
    p.hosts.toLocaleString('en-US'),
    p.calls.toLocaleString('en-US'),
    p.callsPerHost.toFixed(2),
    String(p.throttled),
    (p.throttledShare * 100).toFixed(2),
    p.wallSeconds.toFixed(1),
    p.boundSeconds.toFixed(1),
    p.rateBoundSeconds >= p.latencyBoundSeconds ? 'calls/rate' : 'calls×latency/ceiling',
    p.wallOverBound.toFixed(2),
    p.startRssMb.toFixed(0),
    p.peakRssMb.toFixed(0),
    p.heapAfterMb.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 || i === 9 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 || i === 9 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** A full collection, so that heap figures count what is held, not what is waiting to be collected. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function machine(): Record<string, unknown> {
  const cores = cpus();
  return { cpus: cores.length, cpuModel: cores[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 1024 ** 3), node: process.version, platform: `${process.platform}-${process.arch}` };
}

function parseSettings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean' },
      orgs: { type: 'string' },
      sites: { type: 'string' },
      users: { type: 'string' },
      'latency-ms': { type: 'string' },
      rate: { type: 'string' },
      concurrency: { type: 'string' },
      'no-sequential': { type: 'boolean' },
      'no-synth': { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(
      'npm run bench -- [--quick] [--orgs N] [--sites N] [--users N] [--latency-ms N] [--rate N] [--concurrency N] [--no-sequential] [--no-synth] [--quiet]\n' +
        `  full (default): ${JSON.stringify(PRESETS.full)}, concurrency 16\n  --quick:        ${JSON.stringify(PRESETS.quick)}, concurrency 16\n`,
    );
    process.exit(0);
  }
  const base = values.quick ? PRESETS.quick : PRESETS.full;
  const int = (name: string, value: string | undefined, fallback: number, min: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min) throw new Error(`--${name} must be an integer of at least ${min}, received: ${JSON.stringify(value)}`);
    return n;
  };
  const custom = ['orgs', 'sites', 'users', 'latency-ms', 'rate'].some((k) => values[k as keyof typeof values] !== undefined);
  return {
    preset: custom ? 'custom' : values.quick ? 'quick' : 'full',
    orgs: int('orgs', values.orgs, base.orgs, 1),
    sites: int('sites', values.sites, base.sites, 1),
    users: int('users', values.users, base.users, 1),
    latencyMs: int('latency-ms', values['latency-ms'], base.latencyMs, 0),
    rate: int('rate', values.rate, base.rate, 0),
    concurrency: int('concurrency', values.concurrency, 16, 1),
    sequential: !values['no-sequential'],
    synth: !values['no-synth'],
    quiet: values.quiet ?? false,
  };
}

function log(settings: Settings, message: string): void {
  if (!settings.quiet) process.stderr.write(`${message}\n`);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function round(phase: Phase): Record<string, unknown> {
  return Object.fromEntries(Object.entries(phase).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? (k === 'throttledShare' ? Math.round(v * 10000) / 10000 : round2(v)) : v]));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
