import { canonicalJson } from '../../manifest';
import type { StoredRecord } from './evidence-log';

/**
 * "What changed since last time" for `drift` and `assess`: each drift or finding of this run compared
 * with the earlier runs of the same kind and scope in the org's evidence log.
 *
 * - `new`: not open in the previous run, and never open before;
 * - `still`: open in the previous run too (`since` is when this stretch began);
 * - `resolved`: open in the previous run, gone now (and its target was read: an unread one stays open);
 * - `regressed`: open in an earlier run, resolved since, back now.
 */
export type SinceStatus = 'new' | 'still' | 'resolved' | 'regressed';
export const SINCE_STATUSES: readonly SinceStatus[] = ['new', 'still', 'resolved', 'regressed'];

/** One drift or finding of a run, under an identity that stays the same from run to run. */
export interface RunItem {
  /** `drift` (a setting that differs from the declaration) or `finding` (a plan finding or a failed rule). */
  readonly kind: 'drift' | 'finding';
  /** The setting (drift, plan finding) or rule id (assess finding). */
  readonly control: string;
  /** What it is about, as `describeTarget` words it (`site x.webex.com`, `person a@b on x.webex.com`, `org`). */
  readonly target: string;
  /** Sub-identity within control and target: a finding's kind or label; empty for a drift. */
  readonly detail: string;
  readonly path?: string;
  /**
   * What the drift did to the org's security (drift only): `weakens` when the live org is less strict than
   * declared (applying it back strengthens), `strengthens` when stricter, else `neutral`.
   */
  readonly impact?: string;
}

export interface ComparedItem extends RunItem {
  readonly key: string;
  readonly status: SinceStatus;
  /** When this stretch of the item began (the run that first found it, or that found it back). */
  readonly since: string;
  /** Its target could not be read in this run: carried over as it was, never counted as resolved. */
  readonly unread?: true;
}

export interface RunComparison {
  /** What makes runs comparable (kind, org id, API, selection): runs of another scope are never compared. */
  readonly scope: string;
  /** The run compared with; absent on the first run of this scope. */
  readonly previousRun?: { readonly id: string; readonly time: string };
  /** Open items first (as found), then the resolved ones. */
  readonly items: readonly ComparedItem[];
  readonly summary: Readonly<Record<SinceStatus, number>>;
}

/** What each run records in its record's `details.sinceLastRun`, so the next run can compare. */
export interface SinceLastRunDetails {
  readonly scope: string;
  readonly previousRun?: { readonly id: string; readonly time: string };
  readonly summary: Readonly<Record<SinceStatus, number>>;
  /** Every item still open after this run, with when its stretch began. */
  readonly open: readonly (RunItem & { readonly key: string; readonly since: string; readonly unread?: true })[];
  readonly resolved: readonly string[];
}

/** What a run compares over: its kind, the org id, the API it read, and the selection that bounds it. */
export interface RunScope {
  readonly kind: 'drift' | 'assess';
  readonly orgId?: string;
  readonly api: string;
  readonly site?: string;
  readonly shard?: string;
  readonly profile?: string;
}

export function scopeKey(scope: RunScope): string {
  return canonicalJson(scope).trim();
}

/** The identity of an item: kind, control, target and detail; never its values, which may change while it stays open. */
export function itemKey(item: RunItem): string {
  return JSON.stringify([item.kind, item.control, item.target, item.detail]);
}

/**
 * Compares this run's items with the log's earlier runs of the same kind and scope. `unread` says which
 * earlier items could not be judged now (their target or rule could not be read): they stay open.
 */
export function compareWithPreviousRuns(history: readonly StoredRecord[], kind: string, scope: string, items: readonly RunItem[], now: string, unread: (item: RunItem) => boolean = () => false): RunComparison {
  const runs = history.map((s) => s.record).filter((r) => r.kind === kind && sinceDetails(r.details)?.scope === scope);
  const previous = runs[runs.length - 1];
  const previousOpen = new Map((previous ? sinceDetails(previous.details)!.open : []).map((o) => [o.key, o]));
  const everOpen = new Set(runs.flatMap((r) => sinceDetails(r.details)!.open.map((o) => o.key)));
  const compared: ComparedItem[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const key = itemKey(item);
    if (seen.has(key)) continue;
    seen.add(key);
    const before = previousOpen.get(key);
    const status: SinceStatus = before ? 'still' : everOpen.has(key) ? 'regressed' : 'new';
    compared.push({ ...item, key, status, since: before?.since ?? now });
  }
  for (const [key, before] of previousOpen) {
    if (seen.has(key)) continue;
    const { since, unread: _wasUnread, key: _key, ...item } = before;
    // Fail closed: what could not be read this run is not resolved; it stays open as it was.
    if (unread(item)) compared.push({ ...item, key, status: 'still', since, unread: true });
    else compared.push({ ...item, key, status: 'resolved', since });
  }
  const summary = { new: 0, still: 0, resolved: 0, regressed: 0 };
  for (const item of compared) summary[item.status]++;
  const ordered = [...compared.filter((i) => i.status !== 'resolved'), ...compared.filter((i) => i.status === 'resolved')];
  return { scope, ...(previous ? { previousRun: { id: previous.id, time: previous.time } } : {}), items: ordered, summary };
}

/** The record details that carry a comparison to the next run. */
export function sinceLastRunDetails(comparison: RunComparison): SinceLastRunDetails {
  return {
    scope: comparison.scope,
    ...(comparison.previousRun ? { previousRun: comparison.previousRun } : {}),
    summary: comparison.summary,
    open: comparison.items.filter((i) => i.status !== 'resolved').map(({ status: _status, ...open }) => open),
    resolved: comparison.items.filter((i) => i.status === 'resolved').map((i) => i.key),
  };
}

/** `1 new, 2 still there, 1 resolved, 0 regressed since the last run (2026-…)`, or the first run's wording. */
export function sinceSummaryLine(comparison: RunComparison): string {
  const s = comparison.summary;
  const counts = `${s.new} new, ${s.still} still there, ${s.resolved} resolved, ${s.regressed} regressed`;
  return comparison.previousRun ? `Since the last run (${comparison.previousRun.time}): ${counts}.` : `First recorded run of this scope: ${counts}.`;
}

/** A record's comparison details, when it has well-formed ones (a record written before this feature has none). */
function sinceDetails(details: Record<string, unknown> | undefined): SinceLastRunDetails | undefined {
  const since = details?.sinceLastRun as Partial<SinceLastRunDetails> | undefined;
  if (!since || typeof since.scope !== 'string' || !Array.isArray(since.open)) return undefined;
  const text = (v: unknown) => typeof v === 'string';
  const open = since.open.filter((o) => o && text(o.key) && text(o.since) && (o.kind === 'drift' || o.kind === 'finding') && text(o.control) && text(o.target) && text(o.detail));
  return { ...(since as SinceLastRunDetails), open };
}
