import { Org } from '../manifest';
import { sameValue } from './field-values';
import { ObservedOrg } from './observe';
import { isSelected } from './people/people-directory';
import type { Change, Target } from './plan';
import type { DraftChange } from './plan-parts';
import { BaselineOrg, PlanBaseline } from './plan-baseline';
import { changeImpact, FIELD_DIRECTIONS, fieldImpact, Impact } from './security-impact';
import { hostHandler, isHostSetting } from './settings/registry';
import { enforcementHash } from './state/enforcement-state';

/**
 * Where a change comes from:
 * - `declaration`: the declared value changed since the baseline (the change under review);
 * - `drift`: the declaration did not change the value, but the live org differs from it: it was changed
 *   outside webex-iac (in Control Hub, by another tool);
 * - `unknown`: no baseline covers it (no recorded apply, no `--baseline`), or the live value cannot be
 *   read (a write-only setting): webex-iac does not guess.
 */
export type ChangeOrigin = 'declaration' | 'drift' | 'unknown';
export type FieldOrigin = 'declaration' | 'drift';

/** Plans a declaration against an observation; the planner passes itself, so this module does not import it. */
export type PlanOf = (orgs: readonly Org[], observed: readonly ObservedOrg[]) => { readonly changes: readonly Change[] };

/**
 * Labels each change with its origin by planning the baseline against the same observation: a field
 * the baseline would have written to the same value is drift (the declaration did not change it, the
 * live org did); any other field comes from the declaration. A change is `drift` when any of its fields
 * is. Pure: re-deriving a saved plan gives the same labels.
 */
export function labelOrigins(drafts: readonly DraftChange[], orgs: readonly Org[], observed: readonly ObservedOrg[], baseline: PlanBaseline | undefined, planOf: PlanOf): Change[] {
  const labelled = (draft: DraftChange, origin: ChangeOrigin, fieldOrigins?: Record<string, FieldOrigin>): Change => ({
    ...draft,
    origin,
    ...(fieldOrigins ? { fieldOrigins } : {}),
    liveImpact: liveImpact(draft),
  });
  if (baseline === undefined) return drafts.map((d) => labelled(d, 'unknown'));
  const uncovered: ChangeOrigin = baseline.source === 'manifest' ? 'declaration' : 'unknown';
  const baselineChanges = new Map<string, Change>();
  const planned = new Set<string>();
  for (const org of orgs) {
    const then = baseline.orgs.find((b) => b.name === org.name);
    const live = observed.find((o) => o.name === org.name);
    if (then === undefined || live === undefined) continue;
    try {
      for (const change of planOf([baselineDeclaration(org, then)], [live]).changes) baselineChanges.set(changeKey(change), change);
      planned.add(org.name);
    } catch {
      // The baseline does not make a plan against this observation: its changes' origin stays unknown.
    }
  }
  return drafts.map((draft) => {
    const then = baseline.orgs.find((b) => b.name === draft.org);
    if (draft.writeOnly) return labelled(draft, writeOnlyOrigin(draft, baseline, then, observed, baselineChanges));
    if (then === undefined) return labelled(draft, uncovered);
    if (!planned.has(draft.org)) return labelled(draft, 'unknown');
    const declaredThen = declaredIn(then, draft);
    if (declaredThen === 'not-covered') return labelled(draft, uncovered);
    const before = declaredThen === undefined ? undefined : baselineChanges.get(changeKey(draft));
    const hostDropped = declaredThen !== undefined && draft.target.kind === 'person' && isHostSetting(draft.setting) && !isSelected(hostHandler(draft.setting).hosts(declaredThen as never), draft.target.email);
    const fieldOrigins: Record<string, FieldOrigin> = {};
    for (const field of Object.keys(draft.after)) {
      const drift = before !== undefined && !hostDropped && field in before.after && sameValue(before.after[field], draft.after[field]) && sameValue(before.before[field], draft.before[field]);
      fieldOrigins[field] = drift ? 'drift' : 'declaration';
    }
    return labelled(draft, Object.values(fieldOrigins).includes('drift') ? 'drift' : 'declaration', fieldOrigins);
  });
}

/**
 * A write-only value is never read, so it is never seen to drift: its change comes from the declaration
 * when the declared values differ from the baseline's (for `applied`: from the hash of what webex-iac
 * last enforced), and is of unknown origin otherwise (no record, `--reenforce`).
 */
function writeOnlyOrigin(draft: DraftChange, baseline: PlanBaseline, then: BaselineOrg | undefined, observed: readonly ObservedOrg[], baselineChanges: ReadonlyMap<string, Change>): ChangeOrigin {
  if (baseline.source === 'applied') {
    const record = observed.find((o) => o.name === draft.org)?.org?.enforced?.[draft.setting];
    return record != null && record.sha256 !== enforcementHash(draft.after) ? 'declaration' : 'unknown';
  }
  if (then === undefined || (then.settings as Record<string, unknown> | undefined)?.[draft.setting] === undefined) return 'declaration';
  const same = baselineChanges.get(changeKey(draft));
  return same !== undefined && sameFields(same.after, draft.after) ? 'unknown' : 'declaration';
}

/**
 * How the live value stands against what the declaration wants: `weakens` when the live org is weaker
 * than declared (someone weakened it, or the declaration was never applied). The mirror of the change's
 * own impact; `neutral` for a write-only setting, whose live value cannot be read.
 */
export function liveImpact(change: Pick<Change, 'setting' | 'before' | 'after' | 'fieldImpacts' | 'writeOnly'>): Impact {
  if (change.writeOnly) return 'neutral';
  return changeImpact(Object.keys(change.after).map((field) => liveFieldImpact(change, field)));
}

/** The live value of one changed field against the value the plan writes. */
export function liveFieldImpact(change: Pick<Change, 'setting' | 'before' | 'after' | 'fieldImpacts' | 'writeOnly'>, field: string): Impact {
  const impact = change.fieldImpacts[field];
  if (change.writeOnly || impact === undefined || impact === 'neutral') return 'neutral';
  // A deny-list can both gain and lose entries: judge the move from the planned list to the live one.
  if (FIELD_DIRECTIONS[`${change.setting}.${field}`] === 'more-is-safer') return fieldImpact(change.setting, field, change.after[field], change.before[field]);
  return impact === 'weakens' ? 'strengthens' : 'weakens';
}

/**
 * The baseline's declaration narrowed to what the current one declares (the observation holds nothing
 * else), keeping the current org's other parts (name, id, exceptions).
 */
function baselineDeclaration(org: Org, then: BaselineOrg): Org {
  const settings = Object.fromEntries(Object.entries(then.settings ?? {}).filter(([key, value]) => value !== undefined && (org.settings as Record<string, unknown>)[key] !== undefined));
  const sites = org.sites
    .filter((site) => then.sites[site.siteUrl] !== undefined)
    .map((site) => ({
      ...site,
      settings: Object.fromEntries(Object.entries(then.sites[site.siteUrl]!).filter(([key, value]) => value !== undefined && (site.settings as Record<string, unknown>)[key] !== undefined)),
    }));
  return { ...org, settings, sites } as Org;
}

/** The baseline's declaration of the change's setting; undefined when not declared then; `not-covered` when the baseline does not know. */
function declaredIn(then: BaselineOrg, change: DraftChange): unknown {
  const siteUrl = change.target.kind === 'site' ? change.target.siteUrl : change.target.kind === 'person' ? change.target.siteUrl : undefined;
  if (siteUrl !== undefined) {
    const site = then.sites[siteUrl];
    return site === undefined ? 'not-covered' : (site as Record<string, unknown>)[change.setting];
  }
  return then.settings === undefined ? 'not-covered' : (then.settings as Record<string, unknown>)[change.setting];
}

function changeKey(change: Pick<Change, 'org' | 'target' | 'setting' | 'action'>): string {
  return [change.org, targetKey(change.target), change.setting, change.action].join('\u0000');
}

function targetKey(target: Target): string {
  switch (target.kind) {
    case 'site':
      return `site:${target.siteUrl}`;
    case 'org':
      return 'org';
    default:
      return `person:${target.email.toLowerCase()}:${target.siteUrl ?? ''}`;
  }
}

function sameFields(a: Change['after'], b: Change['after']): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => sameValue(a[k], b[k]));
}
