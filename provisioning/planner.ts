import { Org } from '../manifest';
import { PlanError } from './errors';
import { ObservedOrg } from './observe';
import { Change, Plan, PLAN_FORMAT_VERSION } from './plan';
import { siteHandler } from './settings/registry';

/**
 * Pure: (declared orgs, observed orgs) → Plan. No I/O, so it is tested exhaustively without a server,
 * and the same observation always yields the same plan.
 */
export function planChanges(orgs: readonly Org[], observed: readonly ObservedOrg[]): Plan {
  const changes: Change[] = [];
  let unchangedSettings = 0;
  for (const org of orgs) {
    const live = observed.find((o) => o.name === org.name);
    if (!live) throw new PlanError(`org ${JSON.stringify(org.name)} was not read; nothing can be planned for it`);
    for (const site of org.sites) {
      for (const [setting, declared] of Object.entries(site.settings).sort(([a], [b]) => a.localeCompare(b))) {
        if (declared === undefined) continue;
        const values = live.sites[site.siteUrl]?.[setting];
        if (!values) throw new PlanError(`${setting} of site ${site.siteUrl} was not read; nothing can be planned for it`);
        const diff = siteHandler(setting).diff(declared, values);
        if (!diff) {
          unchangedSettings++;
          continue;
        }
        changes.push({
          org: org.name,
          target: { kind: 'site', siteUrl: site.siteUrl },
          setting,
          action: 'update',
          path: (declared as { path: string }).path,
          before: diff.before,
          after: diff.after,
          unchangedFields: diff.unchangedFields,
          notes: diff.notes,
        });
      }
    }
  }
  const fields = changes.reduce((n, c) => n + Object.keys(c.after).length, 0);
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    orgs: orgs.map((o) => o.name),
    changes,
    summary: { changes: changes.length, fields, unchangedSettings },
  };
}
