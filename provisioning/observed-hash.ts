import { createHash } from 'node:crypto';
import { canonicalJson, compareCodePoints } from '../manifest';
import { ObservedOrg } from './observe';

/** sha256 of the canonical JSON of everything observed: equal hashes mean nothing read has changed. */
export function observedHash(observed: readonly ObservedOrg[]): string {
  const byName = [...observed].sort((a, b) => compareCodePoints(a.name, b.name));
  return createHash('sha256').update(canonicalJson(byName)).digest('hex');
}
