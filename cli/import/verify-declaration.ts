import type { HipaaBaselineProps } from '../../constructs/hipaa-baseline';
import { HOST_CONTROL_KEYS, Org } from '../../manifest';
import { Change, ObservedOrg, Plan, planChanges } from '../../provisioning';
import type { ObservedHostSetting } from '../../provisioning/observe-fleet';
import { isSelected } from '../../provisioning/people/people-directory';
import { declaredOrgEntry, ProgramShape } from './construct-org';

/** The imported declaration planned against what was read, before a file is written. */
export interface Verification {
  /** The manifest entry the generated program synthesizes. */
  readonly entry: Org;
  /** The plan of that entry against the org as it was read. */
  readonly plan: Plan;
  /** Changes of readable settings: empty when the round trip holds. */
  readonly residual: readonly Change[];
}

/**
 * Plans the imported declaration against the org as import read it, exactly as `webex-iac plan` will
 * after synth: the props go through the real constructs (the manifest entry the program synthesizes)
 * and the real planner, with the observation narrowed to what that entry selects (exempt hosts are never
 * read, so they cannot plan a change). Write-only settings plan an `enforce` (Webex cannot read them);
 * every other change is residual, and a residual change means the generated file would not plan empty.
 */
export function verifyDeclaration(shape: ProgramShape, props: HipaaBaselineProps, observed: ObservedOrg, now: Date): Verification {
  const entry = declaredOrgEntry(shape, props);
  const plan = planChanges([entry], [narrowTo(entry, observed)], { now, reenforce: false });
  return { entry, plan, residual: plan.changes.filter((c) => c.writeOnly !== true) };
}

/** The observation as a plan of `entry` would have read it: per-host settings only for the hosts it selects. */
export function narrowTo(entry: Org, observed: ObservedOrg): ObservedOrg {
  const hosts: Record<string, Record<string, ObservedHostSetting>> = {};
  for (const site of entry.sites) {
    for (const setting of HOST_CONTROL_KEYS) {
      const declared = site.settings[setting];
      const read = observed.hosts?.[site.siteUrl]?.[setting];
      if (declared === undefined || read === undefined) continue;
      const all = new Set(read.hosts.map((h) => h.email));
      (hosts[site.siteUrl] ??= {})[setting] = {
        site: read.site,
        hosts: read.hosts.filter((h) => isSelected(declared.hosts, h.email)),
        notHosts: (declared.hosts?.emails ?? []).filter((email) => !all.has(email)),
      };
    }
  }
  return { ...observed, hosts };
}
