import { loadSeed } from './seeds/load-seed';
import type { RunningSimulator } from './running-simulator';
import { resolveOptions, type SimulatorOptions } from './simulator-options';
import { startServer } from './simulator-server';
import { SimulatorState } from './state/simulator-state';

/** Starts a stateful Webex API on loopback, seeded with `options.seed`. */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const resolved = resolveOptions(options);
  const seed = loadSeed(resolved.seed, { now: resolved.now, size: resolved.size });
  const started = performance.now();
  const clock = () => new Date(resolved.now + Math.round(performance.now() - started));
  return startServer(new SimulatorState(seed, clock), resolved);
}
