import { canonicalJson, compareCodePoints } from '../../manifest';
import { linkPages } from '../client/paging';
import { SecurityAuditEventListSchema } from '../client/schemas/audit-events';
import { ADMIN_AUDIT_MAX, adminAuditPages } from '../audit/admin-audit-pages';
import { WebexClient } from '../client/webex-client';
import { splitWindows, TimeWindow } from './audit-windows';
import { CommandEntry, EvidenceRecorder } from './evidence-recorder';
import { sha256Hex } from './hash-chain';

export type AuditSource = 'admin-audit' | 'security-audit';

export { ADMIN_AUDIT_MAX };
/** Security audit pages with Link; its limit is 1000. */
export const SECURITY_AUDIT_MAX = 1000;
/** Without --since and without an earlier collection: the last 30 days. */
export const DEFAULT_LOOKBACK_MS = 30 * 24 * 60 * 60 * 1000;
/** Audit pipelines deliver late: each run re-reads this much before the last collection's end (duplicates are dropped). */
export const OVERLAP_MS = 15 * 60 * 1000;

export interface SourceCollection {
  readonly from: string;
  readonly to: string;
  readonly fetched: number;
  readonly added: number;
  readonly requests: number;
}

export interface OrgCollection {
  readonly org: string;
  readonly orgId: string;
  readonly sources: Record<AuditSource, SourceCollection>;
}

interface AuditEvent {
  readonly id?: string;
  readonly created?: string;
}

/**
 * Pulls both audit APIs for one org into its evidence log: admin audit (offset or Link paging, `max` 200) and
 * security audit (Link paging, `max` 1000), each in windows of at most a year. An event already in the
 * log (same source and id) is not added again, so a re-run adds only what is new. Ends with an
 * `audit-collection` record whose `to` is where the next run starts by default.
 */
export async function collectAuditEvents(
  client: WebexClient,
  recorder: EvidenceRecorder,
  target: { org: string; orgId: string; since?: Date; now?: Date },
): Promise<OrgCollection> {
  const now = target.now ?? new Date();
  if (target.since && target.since.getTime() >= now.getTime()) {
    throw new Error(`--since must be in the past, received: ${target.since.toISOString()}`);
  }
  // Who collects is settled first, so each record names the same person.
  await recorder.actor(client);
  const stored = recorder.log.read(target.org);
  const known = new Set<string>();
  const lastTo: Partial<Record<AuditSource, number>> = {};
  for (const { record } of stored) {
    const details = (record.details ?? {}) as { source?: AuditSource; eventId?: string; sources?: Record<string, { to?: string }> };
    if (record.kind === 'audit-event' && details.source && details.eventId) known.add(`${details.source}:${details.eventId}`);
    if (record.kind === 'audit-collection' && details.sources) {
      for (const [source, window] of Object.entries(details.sources)) {
        const to = window.to ? Date.parse(window.to) : NaN;
        if (!Number.isNaN(to)) lastTo[source as AuditSource] = Math.max(lastTo[source as AuditSource] ?? 0, to);
      }
    }
  }
  const startOf = (source: AuditSource) => {
    if (target.since) return target.since;
    const last = lastTo[source];
    return new Date(last !== undefined ? Math.min(last - OVERLAP_MS, now.getTime() - 1) : now.getTime() - DEFAULT_LOOKBACK_MS);
  };

  const sources = {} as Record<AuditSource, SourceCollection>;
  const collectors: Record<AuditSource, (window: TimeWindow) => AsyncGenerator<AuditEvent[]>> = {
    'admin-audit': (window) => adminAuditPages(client, target.orgId, window),
    'security-audit': (window) => securityAuditPages(client, target.orgId, window),
  };
  for (const source of Object.keys(collectors) as AuditSource[]) {
    const from = startOf(source);
    let fetched = 0;
    let added = 0;
    let requests = 0;
    for (const window of splitWindows(from, now)) {
      const fresh: CommandEntry[] = [];
      for await (const page of collectors[source](window)) {
        requests++;
        fetched += page.length;
        for (const event of page) {
          const eventId = event.id ?? `sha256:${sha256Hex(canonicalJson(event))}`;
          if (known.has(`${source}:${eventId}`)) continue;
          known.add(`${source}:${eventId}`);
          fresh.push({ kind: 'audit-event', orgId: target.orgId, details: { source, eventId, created: event.created, event } });
        }
      }
      // Oldest first, so the log reads in the order things happened.
      fresh.sort((a, b) => compareCodePoints(String(a.details?.created ?? ''), String(b.details?.created ?? '')));
      await recorder.recordMany(target.org, fresh, client);
      added += fresh.length;
    }
    sources[source] = { from: from.toISOString(), to: now.toISOString(), fetched, added, requests };
  }
  await recorder.record(target.org, { kind: 'audit-collection', orgId: target.orgId, details: { sources } }, client);
  return { org: target.org, orgId: target.orgId, sources };
}

async function* securityAuditPages(client: WebexClient, orgId: string, window: TimeWindow): AsyncGenerator<AuditEvent[]> {
  const query = { orgId, startTime: window.from.toISOString(), endTime: window.to.toISOString(), max: SECURITY_AUDIT_MAX };
  for await (const page of linkPages(client, '/v1/admin/securityAudit/events', SecurityAuditEventListSchema, query)) yield page.items;
}
