import { notObserved, placedDiff, siteSettingEntry } from './plan-errors';
import { compareCodePoints, Org } from '../manifest';
import { untrusted } from '../manifest/text';
import { ObservedOrg } from './observe';
import { PlanParts } from './plan-parts';
import { personTarget } from './plan';
import { changeImpact, fieldImpact, Impact } from './security-impact';
import { hostHandler, isHostSetting } from './settings/registry';
import { isUnknownSiteSetting } from './unknown-targets';

/**
 * Pure: the per-host settings of every site of one org. One change per host and setting whose declared
 * fields differ; a host named in a selection that is not a host of the site is a finding.
 */
export function planHostSettings(org: Org, live: ObservedOrg, parts: PlanParts): void {
  for (const site of org.sites) {
    for (const [setting, declared] of Object.entries(site.settings).sort(([a], [b]) => compareCodePoints(a, b))) {
      if (declared === undefined || !isHostSetting(setting)) continue;
      const observed = live.hosts?.[site.siteUrl]?.[setting];
      // The site's context could not be read: listed in plan.unknown, its hosts not planned.
      if (!observed && isUnknownSiteSetting(live, site.siteUrl, setting)) continue;
      if (!observed) throw notObserved(siteSettingEntry(site.siteUrl, setting, declared as { path: string }), `the hosts of the site were not read`);
      const path = (declared as { path: string }).path;
      const entry = siteSettingEntry(site.siteUrl, setting, declared as { path: string });
      const handler = hostHandler(setting);
      for (const host of observed.hosts) {
        const diff = placedDiff(entry, () => handler.diff(declared, host.values, observed.site));
        if (!diff) {
          parts.unchangedSettings++;
          continue;
        }
        const fieldImpacts: Record<string, Impact> = {};
        for (const field of Object.keys(diff.after)) {
          fieldImpacts[field] = handler.impactOf?.(field, diff, host.values) ?? fieldImpact(setting, field, diff.before[field], diff.after[field]);
        }
        parts.changes.push({
          org: org.name,
          target: personTarget(host.email, { siteUrl: site.siteUrl, personId: host.personId }),
          setting,
          action: 'update',
          path,
          before: diff.before,
          after: diff.after,
          unchangedFields: diff.unchangedFields,
          notes: diff.notes,
          ...(diff.rules ? { valueRules: diff.rules } : {}),
          fieldImpacts,
          impact: changeImpact(Object.values(fieldImpacts)),
        });
      }
      // Hosts observed as already matching (summarized when observed for a plan) are unchanged settings too.
      parts.unchangedSettings += observed.converged?.count ?? 0;
      for (const email of observed.notHosts) {
        parts.findings.push({
          org: org.name,
          kind: 'not-a-host',
          target: personTarget(email, { siteUrl: site.siteUrl }),
          setting,
          detail: untrusted(`is listed in hosts.emails but is not a host of ${site.siteUrl}; nothing is read or changed for it: remove it from hosts.emails, or make the person a host of the site`),
          path,
        });
      }
    }
  }
}
