import { readFileSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { writePlan, PlanFormat } from '../cli/commands/plan-output';
import type { Plan } from '../provisioning';

/**
 * One rendering of bench/output.ts, in a process of its own so that its peak memory is its own:
 * argv[2] a plan (the Plan as JSON), argv[3] the format. Loads the plan, collects garbage, resets the
 * kernel's peak-RSS counter (/proc/self/clear_refs 5), writes the plan to stdout as `plan`/`show` do,
 * waits until stdout took it all, and sends { modelRss, peakRss, heapModel, seconds, cpuSeconds, bytes } over IPC.
 */
async function main(): Promise<void> {
  const [file, format] = process.argv.slice(2) as [string, PlanFormat];
  let plan: Plan | undefined = JSON.parse(readFileSync(file, 'utf8')) as Plan;
  collectGarbage();
  writeFileSync('/proc/self/clear_refs', '5');
  const modelRss = status('VmRSS');
  const heapModel = process.memoryUsage().heapUsed;
  const started = performance.now();
  const cpu = process.cpuUsage();
  let bytes = 0;
  const write = process.stdout.write.bind(process.stdout) as (chunk: string, ...rest: unknown[]) => boolean;
  (process.stdout as { write: unknown }).write = (chunk: string, ...rest: unknown[]) => {
    bytes += Buffer.byteLength(chunk);
    return write(chunk, ...rest);
  };
  // `await` works whether writePlan returns nothing (it wrote one string) or a promise (it streams).
  await writePlan(plan, { format, mode: 'plan' }, process.stdout);
  await new Promise<void>((resolve) => write('', resolve));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const peakRss = status('VmHWM');
  plan = undefined;
  process.send?.({ modelRss, peakRss, heapModel, seconds, cpuSeconds, bytes });
}

/** A figure of /proc/self/status, in bytes. */
function status(field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
  if (!match) throw new Error(`/proc/self/status has no ${field}`);
  return Number(match[1]) * 1024;
}

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

main().catch((error: unknown) => {
  process.stderr.write(`output benchmark child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
