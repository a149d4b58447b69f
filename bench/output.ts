import { fork } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PlanFormat } from '../cli/commands/plan-output';
import { observeOrgs, planChanges, RequestScheduler, WebexClient } from '../provisioning';
import { BENCH_TOKEN, FleetSize, fleetDeclaration, startSimulatorProcess } from './fleet-harness';

/**
 * `npm run bench:output [-- options]`: what rendering a fleet's plan costs in memory and time.
 *
 * Plans the simulator's health-system fleet (20 orgs × 1 site × 1,000 users: 20,020 hosts) once, keeps
 * the plan as JSON, then renders it in text, markdown and JSON, each in a fresh child process
 * (bench/output-child.ts) writing to a file and to a pipe read by this process, as `webex-iac plan` and
 * `show` write it. For each: the child's RSS with the plan loaded (after a full collection), its peak RSS
 * while rendering (the kernel's high-water mark, reset after loading), the difference, the time and the
 * bytes written. A benchmark, not a test: it prints figures and never fails on them.
 */

interface Settings extends FleetSize {
  readonly planFile?: string;
  readonly keepPlan?: string;
}

interface Rendering {
  readonly format: PlanFormat;
  readonly sink: 'file' | 'pipe';
  readonly modelRssMb: number;
  readonly peakRssMb: number;
  readonly addedMb: number;
  readonly heapModelMb: number;
  readonly seconds: number;
  /** CPU time of the rendering process (user + system): less at the mercy of other work on the machine than wall time. */
  readonly cpuSeconds: number;
  readonly bytes: number;
}

const FORMATS: readonly PlanFormat[] = ['text', 'markdown', 'json'];
const MB = 1048576;

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'webex-iac-bench-output-'));
  try {
    const planFile = settings.planFile ?? (await planFleet(settings, work));
    const renderings: Rendering[] = [];
    for (const format of FORMATS) {
      for (const sink of ['file', 'pipe'] as const) {
        const rendering = await render(planFile, format, sink, work);
        process.stderr.write(`${format} to a ${sink}: ${rendering.bytes.toLocaleString('en-US')} bytes in ${rendering.seconds.toFixed(2)} s (CPU ${rendering.cpuSeconds.toFixed(2)} s), RSS ${rendering.modelRssMb.toFixed(0)} MB with the plan, peak ${rendering.peakRssMb.toFixed(0)} MB\n`);
        renderings.push(rendering);
      }
    }
    process.stdout.write(`\n${table(renderings)}\n`);
    process.stdout.write(`${JSON.stringify({ benchmark: 'webex-iac output', settings, renderings })}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Plans the fleet against the simulator (in its own process) and writes the plan as JSON. */
async function planFleet(settings: Settings, work: string): Promise<string> {
  const orgs = fleetDeclaration(settings, join(work, 'fleet'));
  const { child, url } = await startSimulatorProcess(settings);
  try {
    const client = new WebexClient({ baseUrl: url, token: BENCH_TOKEN, scheduler: new RequestScheduler({ ceiling: 16 }) });
    const started = performance.now();
    const observed = await observeOrgs(client, orgs, { stateDir: join(work, 'state') });
    const plan = planChanges(orgs, observed);
    process.stderr.write(`planned ${plan.changes.length.toLocaleString('en-US')} change(s) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    const file = settings.keepPlan ? resolve(settings.keepPlan) : join(work, 'plan-model.json');
    writeFileSync(file, JSON.stringify(plan));
    return file;
  } finally {
    if (child.connected) child.send({ kind: 'close' });
  }
}

/** One rendering in a fresh process, to a file or to a pipe this process reads. */
async function render(planFile: string, format: PlanFormat, sink: 'file' | 'pipe', work: string): Promise<Rendering> {
  const out = join(work, `out.${format}`);
  const fd = sink === 'file' ? openSync(out, 'w') : undefined;
  const child = fork(join(__dirname, 'output-child.ts'), [planFile, format], { stdio: ['ignore', fd ?? 'pipe', 'inherit', 'ipc'] });
  if (fd !== undefined) closeSync(fd);
  child.stdout?.on('data', () => undefined);
  const figures = await new Promise<{ modelRss: number; peakRss: number; heapModel: number; seconds: number; cpuSeconds: number; bytes: number }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as never));
    child.once('exit', (code) => reject(new Error(`the rendering of ${format} exited (${code}) without figures`)));
  });
  await new Promise((resolve) => child.once('exit', resolve));
  return {
    format,
    sink,
    modelRssMb: round(figures.modelRss / MB),
    peakRssMb: round(figures.peakRss / MB),
    addedMb: round((figures.peakRss - figures.modelRss) / MB),
    heapModelMb: round(figures.heapModel / MB),
    seconds: round(figures.seconds),
    cpuSeconds: round(figures.cpuSeconds),
    bytes: figures.bytes,
  };
}

function table(renderings: readonly Rendering[]): string {
  const header = ['format', 'to a', 'bytes', 'wall s', 'CPU s', 'RSS with plan MB', 'peak RSS MB', 'added by rendering MB'];
  const rows = renderings.map((r) => [r.format, r.sink, r.bytes.toLocaleString('en-US'), r.seconds.toFixed(2), r.cpuSeconds.toFixed(2), r.modelRssMb.toFixed(0), r.peakRssMb.toFixed(0), r.addedMb.toFixed(0)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i < 2 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

function parseSettings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: { orgs: { type: 'string' }, sites: { type: 'string' }, users: { type: 'string' }, plan: { type: 'string' }, 'keep-plan': { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write('npm run bench:output -- [--orgs N] [--sites N] [--users N] [--keep-plan FILE] [--plan FILE]\n  default: 20 orgs × 1 site × 1,000 users (20,020 hosts); --plan renders a plan kept with --keep-plan instead of planning\n');
    process.exit(0);
  }
  const int = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`--${name} must be a positive integer, received: ${JSON.stringify(value)}`);
    return Number(value);
  };
  if (values.plan !== undefined && !existsSync(values.plan)) throw new Error(`--plan: no such file: ${values.plan}`);
  return {
    orgs: int('orgs', values.orgs, 20),
    sites: int('sites', values.sites, 1),
    users: int('users', values.users, 1000),
    // Planning is not what is measured: the simulator answers as fast as it can.
    latencyMs: 0,
    rate: 1_000_000,
    ...(values.plan === undefined ? {} : { planFile: resolve(values.plan) }),
    ...(values['keep-plan'] === undefined ? {} : { keepPlan: values['keep-plan'] }),
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
