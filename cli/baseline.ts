import { resolve } from 'node:path';
import { readManifest } from '../manifest';
import { appliedBaseline, baselineFromManifest, ObservedOrg, PlanBaseline, stateDirFrom } from '../provisioning';

/**
 * What a plan judges the origin of its changes against: `--baseline` (the target branch's manifests),
 * else the declaration last applied to each org (the state folder), else nothing (origins unknown).
 */
export function planBaseline(baselineManifests: readonly string[] | undefined, stateDir: string | undefined, observed: readonly ObservedOrg[]): PlanBaseline | undefined {
  if (baselineManifests !== undefined && baselineManifests.length > 0) {
    return baselineFromManifest(baselineManifests.flatMap((file) => readManifest(resolve(file)).orgs));
  }
  return appliedBaseline(stateDir ?? stateDirFrom(), observed);
}
