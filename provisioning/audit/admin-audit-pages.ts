import { UnexpectedResponseError } from '../client/errors';
import { AdminAuditEvent, AdminAuditEventListSchema } from '../client/schemas/audit-events';
import { ApiPath, WebexClient } from '../client/webex-client';
import type { TimeWindow } from '../evidence/audit-windows';

/** Admin audit pages with offset (or Link, when Webex sends one); its limit is 200 (webex-admin.json). */
export const ADMIN_AUDIT_MAX = 200;
const ADMIN_AUDIT = '/v1/adminAudit/events';
/**
 * Reading "up to now" asks this much past the local clock: Webex stamps events with its own clock, and an
 * event of a moment ago stamped a little ahead of ours must not fall outside the window.
 */
export const CLOCK_SKEW_MS = 60_000;

/**
 * Admin audit pages: `max` 200 and `offset`, as Cisco's spec declares, but a `Link: <…>; rel="next"` is
 * followed verbatim whenever a page carries one (Webex's general paging, docs/basics#pagination). A short
 * page proves nothing (Webex may cap `max` lower than asked): the list ends only at an empty page, or, once
 * paging by Link, at a page without a next link.
 */
export async function* adminAuditPages(client: WebexClient, orgId: string, window: TimeWindow): AsyncGenerator<AdminAuditEvent[]> {
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

