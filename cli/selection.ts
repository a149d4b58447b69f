import { createHash } from 'node:crypto';
import { ManifestError, Org } from '../manifest';

export interface Selection {
  /** Only this org (declared name). */
  readonly org?: string;
  /** Only this site (siteUrl); org-level settings are then left out. */
  readonly site?: string;
  /** `i/n`: this CI job's share of the work. */
  readonly shard?: Shard;
}

export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `--shard i/n` (1-based i). */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new ManifestError(`--shard must be i/n with 1 <= i <= n (e.g. 2/4), received: ${JSON.stringify(value)}`);
  }
  return { index, count };
}

/**
 * Narrows the declared orgs to the selection. Sharding is deterministic and independent of order: each
 * site goes to the shard its hash picks, and an org's own settings go to the shard its name picks, so a
 * CI matrix of n jobs covers everything exactly once.
 */
export function selectOrgs(orgs: readonly Org[], selection: Selection): Org[] {
  let selected = [...orgs];
  if (selection.org !== undefined) {
    selected = selected.filter((o) => o.name === selection.org);
    if (selected.length === 0) {
      throw new ManifestError(`--org ${JSON.stringify(selection.org)} is not declared; declared orgs: ${orgs.map((o) => JSON.stringify(o.name)).join(', ')}`);
    }
  }
  if (selection.site !== undefined) {
    const site = selection.site;
    selected = selected.filter((o) => o.sites.some((s) => s.siteUrl === site)).map((o) => ({ ...o, settings: {}, sites: o.sites.filter((s) => s.siteUrl === site) }));
    if (selected.length === 0) {
      const all = orgs.flatMap((o) => o.sites.map((s) => s.siteUrl));
      throw new ManifestError(`--site ${JSON.stringify(site)} is not declared${selection.org ? ` in org ${JSON.stringify(selection.org)}` : ''}; declared sites: ${all.join(', ') || 'none'}`);
    }
  }
  const shard = selection.shard;
  if (shard !== undefined && shard.count > 1) {
    const mine = (key: string) => shardOf(key, shard.count) === shard.index;
    selected = selected
      .map((o) => ({ ...o, settings: mine(o.name) ? o.settings : {}, sites: o.sites.filter((s) => mine(`${o.name}\u0000${s.siteUrl}`)) }))
      .filter((o) => o.sites.length > 0 || Object.keys(o.settings).length > 0);
  }
  return selected;
}

/** 1-based shard of a key: the first 6 bytes of its sha256, modulo the shard count. */
export function shardOf(key: string, count: number): number {
  return (parseInt(createHash('sha256').update(key).digest('hex').slice(0, 12), 16) % count) + 1;
}
