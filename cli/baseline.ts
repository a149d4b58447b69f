import { resolve } from 'node:path';
import { Org, readManifest } from '../manifest';
import { appliedBaseline, baselineFromManifest, ObservedOrg, PlanBaseline, stateDirFrom } from '../provisioning';

/**
 * The orgs of `--baseline` (the target branch's manifests), read and validated before anything is read
 * from Webex: a missing or malformed file is a one-line error naming it, not the end of a whole read.
 * Undefined without `--baseline`.
 */
export function readBaselineOrgs(baselineManifests: readonly string[] | undefined): Org[] | undefined {
  if (baselineManifests === undefined || baselineManifests.length === 0) return undefined;
  return baselineManifests.flatMap((file) => readManifest(resolve(file)).orgs);
}

/**
 * What a plan judges the origin of its changes against: the `--baseline` orgs (from `readBaselineOrgs`),
 * else the declaration last applied to each org (the state folder), else nothing (origins unknown).
 */
export function planBaseline(baselineOrgs: readonly Org[] | undefined, stateDir: string | undefined, observed: readonly ObservedOrg[]): PlanBaseline | undefined {
  if (baselineOrgs !== undefined) return baselineFromManifest(baselineOrgs);
  return appliedBaseline(stateDir ?? stateDirFrom(), observed);
}
