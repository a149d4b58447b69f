import { notObserved, orgNotObserved, placedDiff, siteSettingEntry } from './plan-errors';
import { compareCodePoints, Org } from '../manifest';
import { labelOrigins } from './change-origin';
import { ObservedOrg } from './observe';
import { observedHash } from './observed-hash';
import { exceptionStatuses } from './plan-attestations';
import { AttestationState, CHANGE_ACTIONS, ChangeAction, Plan, PLAN_FORMAT_VERSION } from './plan';
import { planHostSettings } from './plan-hosts';
import { planOrgSettings } from './plan-org-settings';
import { PlanningOptions, PlanParts } from './plan-parts';
import { changeImpact, fieldImpact, Impact } from './security-impact';
import { isHostSetting, siteHandler } from './settings/registry';
import { isUnknownSiteSetting } from './unknown-targets';

export type { PlanningOptions } from './plan-parts';

const ATTESTATION_STATES: readonly AttestationState[] = ['valid', 'expiring', 'expired', 'missing'];

/**
 * Pure: (declared orgs, observed orgs) → Plan. No I/O, so it is tested exhaustively without a server,
 * and the same observation (at the same `options.now`) always yields the same plan.
 */
export function planChanges(orgs: readonly Org[], observed: readonly ObservedOrg[], options: PlanningOptions = {}): Plan {
  const parts: PlanParts = { changes: [], findings: [], attestations: [], unchangedSettings: 0 };
  const changes = parts.changes;
  const now = options.now ?? new Date();
  for (const org of orgs) {
    const live = observed.find((o) => o.name === org.name);
    if (!live) throw orgNotObserved(org);
    for (const site of org.sites) {
      for (const [setting, declared] of Object.entries(site.settings).sort(([a], [b]) => compareCodePoints(a, b))) {
        if (declared === undefined || isHostSetting(setting)) continue;
        const values = live.sites[site.siteUrl]?.[setting];
        // Unknown: listed in plan.unknown, neither changed nor counted as unchanged.
        if (!values && isUnknownSiteSetting(live, site.siteUrl, setting)) continue;
        if (!values) throw notObserved(siteSettingEntry(site.siteUrl, setting, declared as { path: string }));
        const diff = placedDiff(siteSettingEntry(site.siteUrl, setting, declared as { path: string }), () => siteHandler(setting).diff(declared, values));
        if (!diff) {
          parts.unchangedSettings++;
          continue;
        }
        const fieldImpacts: Record<string, Impact> = {};
        for (const field of Object.keys(diff.after)) fieldImpacts[field] = fieldImpact(setting, field, diff.before[field], diff.after[field]);
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
          ...(diff.rules ? { valueRules: diff.rules } : {}),
          fieldImpacts,
          impact: changeImpact(Object.values(fieldImpacts)),
        });
      }
    }
    planHostSettings(org, live, parts);
    planOrgSettings(org, live, { now, reenforce: options.reenforce ?? false }, parts);
  }
  const unknown = orgs.flatMap((org) => observed.find((o) => o.name === org.name)?.unknown ?? []);
  const fields = changes.reduce((n, c) => n + Object.keys(c.after).length, 0);
  // The baseline is planned against the same observation, without a baseline of its own.
  const labelled = labelOrigins(changes, orgs, observed, options.baseline, (baselineOrgs, baselineObserved) => planChanges(baselineOrgs, baselineObserved, { now, reenforce: options.reenforce ?? false }));
  // Stable sort: weakening changes first so a reviewer cannot miss them, the rest in declaration order.
  const ordered = [...labelled].sort((a, b) => Number(b.impact === 'weakens') - Number(a.impact === 'weakens'));
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    orgs: orgs.map((o) => o.name),
    baseline: options.baseline?.source ?? 'none',
    changes: ordered,
    findings: parts.findings,
    unknown,
    attestations: parts.attestations,
    exceptions: orgs.flatMap((org) => exceptionStatuses(org.name, org.exceptions ?? [], now.toISOString().slice(0, 10))),
    summary: {
      changes: changes.length,
      weakening: changes.filter((c) => c.impact === 'weakens').length,
      drift: labelled.filter((c) => c.origin === 'drift').length,
      driftWeakening: labelled.filter((c) => c.origin === 'drift' && c.liveImpact === 'weakens').length,
      weakerThanDeclared: labelled.filter((c) => c.liveImpact === 'weakens').length,
      originUnknown: labelled.filter((c) => c.origin === 'unknown').length,
      fields,
      unchangedSettings: parts.unchangedSettings,
      actions: Object.fromEntries(CHANGE_ACTIONS.map((action) => [action, changes.filter((c) => c.action === action).length])) as Record<ChangeAction, number>,
      findings: parts.findings.length,
      unknown: unknown.length,
      attestations: Object.fromEntries(ATTESTATION_STATES.map((state) => [state, parts.attestations.filter((a) => a.status === state).length])) as Record<AttestationState, number>,
    },
    observedHash: observedHash(observed),
  };
}

