import type { RunningSimulator } from '../../simulator';
import { loadSeed } from '../../simulator/seeds/load-seed';
import { resolveOptions } from '../../simulator/simulator-options';
import { startServer } from '../../simulator/simulator-server';
import type { Seed } from '../../simulator/state/seed';
import { SimulatorState } from '../../simulator/state/simulator-state';

/**
 * The clinic seed, changed by `edit` before the simulator starts (test-only seeding: the API stays as
 * Cisco specifies it), e.g. hostile emails, display names or an org name. `now` fixes the clock.
 */
export function startClinicWith(token: string, edit: (seed: Seed) => void, now?: number): Promise<RunningSimulator> {
  const seed = loadSeed('clinic', { now: now ?? Date.now() });
  edit(seed);
  return startServer(new SimulatorState(seed, () => (now === undefined ? new Date() : new Date(now))), resolveOptions({ tokens: [token] }));
}
