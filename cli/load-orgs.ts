import { resolve } from 'node:path';
import { findManifests, ManifestError, Org, readManifest } from '../manifest';
import { selectOrgs, Selection } from './selection';

export const DEFAULT_OUTDIR = 'cdktf.out';

/**
 * The orgs to work on: from the given manifests, or from every manifest under cdktf.out/ when none is
 * given, narrowed by `--org`, `--site` and `--shard`. Refuses an org declared in two manifests.
 */
export function loadOrgs(manifests: readonly string[] | undefined, selection: Selection = {}, outdir = DEFAULT_OUTDIR): Org[] {
  const files = manifests && manifests.length > 0 ? manifests.map((m) => resolve(m)) : findManifests(resolve(outdir));
  if (files.length === 0) {
    throw new ManifestError(`no manifest found under ${outdir}/stacks/*/webex-manifest.json: run "webex-iac synth" first or pass --manifest PATH`);
  }
  const orgs: Org[] = [];
  const origin = new Map<string, string>();
  for (const file of files) {
    for (const org of readManifest(file).orgs) {
      const previous = origin.get(org.name);
      if (previous) throw new ManifestError(`org ${JSON.stringify(org.name)} is declared in both ${previous} and ${file}`);
      origin.set(org.name, file);
      orgs.push(org);
    }
  }
  return selectOrgs(orgs, selection);
}
