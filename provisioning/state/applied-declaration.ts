import { Org, OrgSettings } from '../../manifest';
import { PlanBaseline } from '../plan-baseline';
import { WRITE_ONLY_HANDLERS } from '../settings/registry';
import { readState, updateState } from './enforcement-state';

/**
 * Records `org` (as selected for the apply: one site with `--site`, a shard's part) as the declaration
 * last applied to it: its org-level settings, when the apply covered them, and each of its sites.
 * Called once the apply has written and verified every change of the org, or found none to make.
 */
export function recordAppliedDeclaration(stateDir: string, org: Org, orgId: string, now: Date = new Date()): void {
  const appliedAt = now.toISOString();
  const settings = withoutWriteOnly(org.settings);
  updateState(stateDir, { orgId, name: org.name }, (previous) => ({
    applied: {
      // An apply narrowed to a site or a shard without the org's own settings keeps their previous record.
      ...(Object.keys(org.settings).length > 0 ? { org: { appliedAt, settings } } : previous?.applied?.org ? { org: previous.applied.org } : {}),
      sites: { ...(previous?.applied?.sites ?? {}), ...Object.fromEntries(org.sites.map((site) => [site.siteUrl, { appliedAt, settings: site.settings }])) },
    },
  }));
}

/**
 * The baseline of a plan from the state folder: the declaration last applied to each org that has a
 * record; undefined when no org has one (every origin is then unknown).
 */
export function appliedBaseline(stateDir: string, orgs: readonly { readonly name: string; readonly orgId: string }[]): PlanBaseline | undefined {
  const covered = orgs.flatMap((org) => {
    const applied = readState(stateDir, org.orgId)?.applied;
    if (applied === undefined) return [];
    return [{ name: org.name, ...(applied.org ? { settings: applied.org.settings } : {}), sites: Object.fromEntries(Object.entries(applied.sites).map(([url, site]) => [url, site.settings])) }];
  });
  return covered.length === 0 ? undefined : { source: 'applied', orgs: covered };
}

function withoutWriteOnly(settings: OrgSettings): OrgSettings {
  return Object.fromEntries(Object.entries(settings).filter(([key]) => !(key in WRITE_ONLY_HANDLERS))) as OrgSettings;
}
