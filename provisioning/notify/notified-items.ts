import type { StoredRecord } from '../evidence/evidence-log';
import type { ComparedItem, RunComparison } from '../evidence/since-last-run';

/** The evidence kind of a message posted to a Webex space: written only after Webex accepted the post. */
export const NOTIFICATION_KIND = 'notification';

/** What one notification record holds (per org): the space, the run scope, and what the message told it. */
export interface NotificationDetails {
  readonly room: string;
  /** The command that posted (`drift` or `assess`) and its comparison scope: notifications of other scopes are another thread. */
  readonly command: string;
  readonly scope: string;
  readonly messageId: string;
  readonly trackingId: string;
  /** Items told as open (new, regressed, or never told before), each with the start of its stretch. */
  readonly opened: readonly { readonly key: string; readonly since: string; readonly status: string }[];
  /** Items told as resolved. */
  readonly resolved: readonly { readonly key: string; readonly since: string }[];
}

/** What a run has to tell a space about one org: open items it has not told yet, and resolutions of items it told. */
export interface OrgNews {
  readonly opened: readonly ComparedItem[];
  readonly resolved: readonly ComparedItem[];
}

/**
 * What the space already knows, from the org's log: each item told as open (with its stretch) and not
 * told as resolved since. Dedupe rests on what was posted, not on the run before: a run whose post failed
 * leaves nothing told, so the next run tells it.
 */
export function toldOpen(history: readonly StoredRecord[], room: string, command: string, scope: string): Map<string, string> {
  const told = new Map<string, string>();
  for (const { record } of history) {
    if (record.kind !== NOTIFICATION_KIND) continue;
    const details = record.details as Partial<NotificationDetails> | undefined;
    if (details?.room !== room || details.command !== command || details.scope !== scope) continue;
    for (const o of Array.isArray(details.opened) ? details.opened : []) if (typeof o?.key === 'string' && typeof o.since === 'string') told.set(o.key, o.since);
    for (const r of Array.isArray(details.resolved) ? details.resolved : []) if (typeof r?.key === 'string') told.delete(r.key);
  }
  return told;
}

/**
 * This run's news for one org: open items whose stretch the space was not told of (new, regressed, and
 * any still-open item never told, e.g. after a failed post), and items it was told of that are gone now.
 * An item that could not be read this run is neither news nor resolved.
 */
export function newsOf(comparison: RunComparison, told: ReadonlyMap<string, string>): OrgNews {
  const open = comparison.items.filter((i) => i.status !== 'resolved');
  const opened = open.filter((i) => !i.unread && told.get(i.key) !== i.since);
  const openKeys = new Set(open.map((i) => i.key));
  const resolvedNow = new Map(comparison.items.filter((i) => i.status === 'resolved').map((i) => [i.key, i]));
  const resolved: ComparedItem[] = [];
  for (const [key, since] of told) {
    if (openKeys.has(key)) continue;
    // Told of and gone: resolved, whether this run or a run whose note was never posted.
    const item = resolvedNow.get(key);
    resolved.push(item ?? { kind: 'drift', control: '', target: '', detail: '', ...parseKey(key), key, status: 'resolved', since });
  }
  return { opened, resolved };
}

/** The identity fields back from an item key (itemKey's JSON array), for a resolution the last run did not list. */
function parseKey(key: string): Partial<ComparedItem> {
  try {
    const [kind, control, target, detail] = JSON.parse(key) as unknown[];
    if ((kind === 'drift' || kind === 'finding') && typeof control === 'string' && typeof target === 'string' && typeof detail === 'string') return { kind, control, target, detail };
  } catch {
    // An unreadable key still names a resolution; it is told with what is known.
  }
  return {};
}
