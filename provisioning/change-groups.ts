import { canonicalJson } from '../manifest';
import { untrusted, Untrusted } from '../manifest/text';
import type { ValueRule } from './floors';
import { Change, ChangeAction, ChangeOrigin, FieldOrigin, FieldValues, Target } from './plan';
import type { Impact } from './security-impact';

/**
 * Where a group of changes applies: the org itself, one Meetings site, the hosts of one site, or
 * people of the org (accounts and admins, not tied to a site).
 */
export type GroupScope = 'org' | 'site' | 'hosts' | 'people';

/**
 * The same change on many targets: one setting, one action, the same fields going from the same values
 * to the same values, on every host of a site that needs it. Org and site changes are never grouped with
 * others (each is a group of one), so a reviewer always sees them whole.
 */
export interface ChangeGroup {
  readonly org: string;
  readonly scope: GroupScope;
  /** The site changed, or the site the hosts are on. */
  readonly siteUrl?: string;
  readonly setting: string;
  readonly action: ChangeAction;
  readonly impact: Impact;
  readonly writeOnly?: true;
  /** Construct path that declared the setting. */
  readonly path: string;
  /** Values before and after, the same on every target of the group. */
  readonly before: FieldValues;
  readonly after: FieldValues;
  readonly fieldImpacts: Readonly<Record<string, Impact>>;
  /** Which rule decided each value (declared, floor, exact pin), when the planner says. */
  readonly valueRules?: Readonly<Record<string, ValueRule>>;
  readonly unchangedFields: number;
  readonly notes: readonly string[];
  /** Where the change comes from (the same on every target of the group): see Change.origin. */
  readonly origin: ChangeOrigin;
  readonly fieldOrigins?: Readonly<Record<string, FieldOrigin>>;
  /** How the live value stands against the declared one: see Change.liveImpact. */
  readonly liveImpact: Impact;
  /** Every target, in plan order. */
  readonly targets: readonly Target[];
  /** Positions of the group's changes in `plan.changes`. */
  readonly changes: readonly number[];
}

/** Groups a plan's changes, keeping the plan's order (weakening first) by each group's first change. */
export function groupChanges(changes: readonly Change[]): ChangeGroup[] {
  const groups = new Map<string, { group: ChangeGroup; targets: Target[]; indexes: number[] }>();
  changes.forEach((change, index) => {
    const scope = scopeOf(change.target);
    const key =
      scope === 'org' || scope === 'site'
        ? `#${index}`
        : canonicalJson([change.org, scope, siteOf(change.target) ?? null, change.setting, change.action, change.path, change.before, change.after, change.fieldImpacts, change.valueRules ?? null, change.notes, change.unchangedFields, change.writeOnly ?? false, change.origin, change.fieldOrigins ?? null, change.liveImpact]);
    const existing = groups.get(key);
    if (existing) {
      existing.targets.push(change.target);
      existing.indexes.push(index);
      return;
    }
    const targets = [change.target];
    const indexes = [index];
    const siteUrl = siteOf(change.target);
    groups.set(key, {
      targets,
      indexes,
      group: {
        org: change.org,
        scope,
        ...(siteUrl !== undefined ? { siteUrl } : {}),
        setting: change.setting,
        action: change.action,
        impact: change.impact,
        ...(change.writeOnly ? { writeOnly: true as const } : {}),
        path: change.path,
        before: change.before,
        after: change.after,
        fieldImpacts: change.fieldImpacts,
        ...(change.valueRules ? { valueRules: change.valueRules } : {}),
        unchangedFields: change.unchangedFields,
        notes: change.notes,
        origin: change.origin,
        ...(change.fieldOrigins ? { fieldOrigins: change.fieldOrigins } : {}),
        liveImpact: change.liveImpact,
        targets,
        changes: indexes,
      },
    });
  });
  return [...groups.values()].map((g) => g.group);
}

/**
 * Groups in reading order for a reviewer: weakening first, then changes caused by drift, then org and
 * site changes, then hosts, then people.
 */
export function groupsInReadingOrder(groups: readonly ChangeGroup[], mode: 'plan' | 'drift' = 'plan'): { weakening: ChangeGroup[]; drift: ChangeGroup[]; orgAndSite: ChangeGroup[]; hosts: ChangeGroup[]; people: ChangeGroup[] } {
  const weakens = (g: ChangeGroup) => groupWeakens(g, mode);
  const rest = groups.filter((g) => !weakens(g) && g.origin !== 'drift');
  return {
    weakening: groups.filter(weakens),
    drift: groups.filter((g) => !weakens(g) && g.origin === 'drift'),
    orgAndSite: rest.filter((g) => g.scope === 'org' || g.scope === 'site'),
    hosts: rest.filter((g) => g.scope === 'hosts'),
    people: rest.filter((g) => g.scope === 'people'),
  };
}

/**
 * What "weakening" means where the group is shown: in a plan, applying the change weakens the org; in
 * `drift`, the live value is weaker than declared (someone weakened it outside webex-iac).
 */
export function groupWeakens(group: Pick<ChangeGroup, 'impact' | 'liveImpact'>, mode: 'plan' | 'drift'): boolean {
  return (mode === 'drift' ? group.liveImpact : group.impact) === 'weakens';
}

/** The label of a change's origin, as every renderer words it. */
export const ORIGIN_LABELS: Readonly<Record<ChangeOrigin, string>> = {
  declaration: 'from this declaration',
  drift: 'drift: changed outside webex-iac',
  unknown: 'origin unknown',
};

/** "13 hosts of riverside-clinic.webex.com", "site riverside-clinic.webex.com", "org", "2 people": may name a person, so untrusted. */
export function describeGroupTargets(group: ChangeGroup): Untrusted {
  const n = group.targets.length;
  switch (group.scope) {
    case 'org':
      return untrusted('org');
    case 'site':
      return untrusted(`site ${group.siteUrl}`);
    case 'hosts':
      return untrusted(n === 1 ? `host ${emailOf(group.targets[0]!)} on ${group.siteUrl}` : `${n} hosts of ${group.siteUrl}`);
    default:
      return untrusted(n === 1 ? `person ${emailOf(group.targets[0]!)}` : `${n} people`);
  }
}

export function emailOf(target: Target): Untrusted {
  return target.kind === 'person' ? target.email : untrusted(target.kind === 'site' ? target.siteUrl : 'org');
}

function scopeOf(target: Target): GroupScope {
  if (target.kind === 'org') return 'org';
  if (target.kind === 'site') return 'site';
  return target.siteUrl !== undefined ? 'hosts' : 'people';
}

function siteOf(target: Target): string | undefined {
  return target.kind === 'site' || target.kind === 'person' ? target.siteUrl : undefined;
}
