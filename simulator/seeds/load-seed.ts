import type { Seed } from '../state/seed';
import { clinicSeed } from './clinic';
import { emptySeed } from './empty';
import { HEALTH_SYSTEM, type HealthSystemSize, healthSystemSeed } from './health-system';

export interface SeedOptions {
  /** Epoch milliseconds that seeded times (such as `lastActivity`) count back from. */
  now: number;
  /** Only for `health-system`; missing numbers take its defaults. */
  size?: Partial<HealthSystemSize>;
}

const SEEDS = {
  clinic: ({ now }) => clinicSeed(now),
  empty: ({ now }) => emptySeed(now),
  'health-system': ({ now, size }) => healthSystemSeed(now, { ...HEALTH_SYSTEM.defaultSize, ...size }),
} as const satisfies Record<string, (options: SeedOptions) => Seed>;

export type SeedName = keyof typeof SEEDS;

export function loadSeed(name: SeedName, options: SeedOptions): Seed {
  return SEEDS[name](options);
}

export function isSeedName(name: string): name is SeedName {
  return Object.hasOwn(SEEDS, name);
}
