import type { Seed } from '../state/seed';
import { clinicSeed } from './clinic';
import { emptySeed } from './empty';

const SEEDS = {
  clinic: clinicSeed,
  empty: emptySeed,
} as const satisfies Record<string, () => Seed>;

export type SeedName = keyof typeof SEEDS;

export function loadSeed(name: SeedName): Seed {
  return SEEDS[name]();
}

export function isSeedName(name: string): name is SeedName {
  return Object.hasOwn(SEEDS, name);
}
