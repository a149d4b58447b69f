import { canonicalJson, compareCodePoints } from '../../manifest';
import { UnexpectedResponseError } from '../client/errors';
import { linkPages } from '../client/paging';
import { AdminAuditEventListSchema, SecurityAuditEventListSchema } from '../client/schemas/audit-events';
import { ApiPath, WebexClient } from '../client/webex-client';
import { splitWindows, TimeWindow } from './audit-windows';
import { CommandEntry, EvidenceRecorder } from './evidence-recorder';
import { sha256Hex } from './hash-chain';

export type AuditSource = 'admin-audit' | 'security-audit';

/** Admin audit pages with offset (or Link, when Webex sends one); its limit is 200 (webex-admin.json). */
export const ADMIN_AUDIT_MAX = 200;
const ADMIN_AUDIT = '/v1/adminAudit/events';
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
  readonly [key: string]: unknown;
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

/**
 * Admin audit pages: `max` 200 and `offset`, as Cisco's spec declares, but a `Link: <…>; rel="next"` is
 * followed verbatim whenever a page carries one (Webex's general paging, docs/basics#pagination). A short
 * page proves nothing (Webex may cap `max` lower than asked): the list ends only at an empty page, or, once
 * paging by Link, at a page without a next link.
 */
async function* adminAuditPages(client: WebexClient, orgId: string, window: TimeWindow): AsyncGenerator<AuditEvent[]> {
  const query = { orgId, from: window.from.toISOString(), to: window.to.toISOString(), max: ADMIN_AUDIT_MAX };
  const seenLinks = new Set<string>();
  let previousFirst: string | undefined;
  let offset = 0;
  let link: ApiPath | undefined;
  for (;;) {
    const { data, next } = link === undefined ? await client.get(ADMIN_AUDIT, AdminAuditEventListSchema, { ...query, offset }) : await client.get(link, AdminAuditEventListSchema);
    const first = data.items[0]?.id;
    if (link === undefined && offset > 0 && first !== undefined && first === previousFirst) {
      throw new UnexpectedResponseError(`GET ${ADMIN_AUDIT} answered offset ${offset} with the page it gave before: it ignores offset, so the events cannot all be read`);
    }
    previousFirst = first;
    yield data.items;
    if (next !== undefined) {
      if (seenLinks.has(next)) throw new UnexpectedResponseError(`GET ${ADMIN_AUDIT}: the Link header leads back to a page already read (${next}); the list does not end`);
      seenLinks.add(next);
      link = next;
      continue;
    }
    if (link !== undefined || data.items.length === 0) return;
    offset += data.items.length;
  }
}

async function* securityAuditPages(client: WebexClient, orgId: string, window: TimeWindow): AsyncGenerator<AuditEvent[]> {
  const query = { orgId, startTime: window.from.toISOString(), endTime: window.to.toISOString(), max: SECURITY_AUDIT_MAX };
  for await (const page of linkPages(client, '/v1/admin/securityAudit/events', SecurityAuditEventListSchema, query)) yield page.items;
}
