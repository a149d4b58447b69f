import { pageHeaders, paginate } from '../http/paging';
import { stringParam } from '../http/query-params';
import { badRequest, notFound } from '../http/webex-error';
import type { Route } from '../http/route';
import type { AuditFilter } from '../state/admin-audit-log';
import type { SimulatorState } from '../state/simulator-state';

const AUDIT_READ = ['audit:events_read'];

/** The categories `GET /v1/adminAudit/eventCategories` lists; the simulator's writes use MEETINGS, USERS and ORG. */
export const ADMIN_AUDIT_CATEGORIES = ['COMPLIANCE', 'DEVICES', 'LICENSES', 'LOGINS', 'MEETINGS', 'ORG', 'USERS'] as const;

/**
 * GET /v1/adminAudit/events: the admin audit events of `orgId` (events targeting that org) created in
 * [from, to), newest first. Offset paging (`offset`, `max` default 100, capped silently at 200); the
 * spec declares no `Link` for this list, so none is sent.
 */
export const listAdminAuditEvents: Route = {
  method: 'GET',
  path: '/v1/adminAudit/events',
  scopes: AUDIT_READ,
  contentType: 'application/json',
  handle({ state, url }) {
    const query = url.searchParams;
    const filter = auditFilter(state, query, 'from', 'to');
    const max = Math.min(countParam(query, 'max', 100, 1), 200);
    const offset = countParam(query, 'offset', 0, 0);
    return { status: 200, body: { items: state.adminAudit.query(filter).slice(offset, offset + max) } };
  },
};

/** GET /v1/adminAudit/eventCategories. */
export const listAdminAuditEventCategories: Route = {
  method: 'GET',
  path: '/v1/adminAudit/eventCategories',
  scopes: AUDIT_READ,
  contentType: 'application/json',
  handle() {
    return { status: 200, body: { eventCategories: [...ADMIN_AUDIT_CATEGORIES] } };
  },
};

/**
 * GET /v1/admin/securityAudit/events: sign-ins of `orgId`'s people in [startTime, endTime), newest
 * first, with `Link` paging (`max` default 100, capped silently at 1000).
 */
export const listSecurityAuditEvents: Route = {
  method: 'GET',
  path: '/v1/admin/securityAudit/events',
  scopes: AUDIT_READ,
  contentType: 'application/json',
  handle({ state, url }) {
    const filter = auditFilter(state, url.searchParams, 'startTime', 'endTime');
    const page = paginate(state.securityAudit.query(filter), url, { defaultMax: 100, maxLimit: 1000 });
    return {
      status: 200,
      body: { items: page.items.map((login) => state.securityAudit.toEvent(login)) },
      headers: pageHeaders(page),
    };
  },
};

/** ISO 8601 date and time with a zone, as Webex takes them. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The filter of an audit query: required orgId and window (at most one year, per Cisco's note),
 * optional actorId, and eventCategories repeated and/or comma-separated.
 */
function auditFilter(state: SimulatorState, query: URLSearchParams, fromName: string, toName: string): AuditFilter {
  const orgId = stringParam(query, 'orgId');
  const missing = [['orgId', orgId] as const, [fromName, query.get(fromName)] as const, [toName, query.get(toName)] as const]
    .filter(([, value]) => value === undefined || value === null || value === '')
    .map(([name]) => `Query parameter ${name} is required.`);
  if (missing.length > 0) {
    throw badRequest(missing);
  }
  const from = timestamp(query, fromName);
  const to = timestamp(query, toName);
  if (from >= to) {
    throw badRequest([`${fromName} must be before ${toName}.`]);
  }
  const yearAfter = new Date(from);
  yearAfter.setUTCFullYear(yearAfter.getUTCFullYear() + 1);
  if (to > yearAfter) {
    throw badRequest([`A maximum of one year of audit events can be returned per request: ${fromName} to ${toName} spans more.`]);
  }
  if (state.organization(orgId!) === undefined) {
    throw notFound(`Organization ${orgId} not found.`);
  }
  const categories = query
    .getAll('eventCategories')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return {
    orgId: orgId!,
    from,
    to,
    actorId: stringParam(query, 'actorId'),
    categories: categories.length === 0 ? undefined : new Set(categories),
  };
}

function timestamp(query: URLSearchParams, name: string): Date {
  const raw = query.get(name)!;
  const time = Date.parse(raw);
  if (!TIMESTAMP.test(raw) || Number.isNaN(time)) {
    throw badRequest([`Query parameter ${name} must be an ISO 8601 date and time such as 2026-01-31T00:00:00.000Z; received ${JSON.stringify(raw)}.`]);
  }
  return new Date(time);
}

/** A non-negative integer parameter (typed `number` in the spec). */
function countParam(query: URLSearchParams, name: string, fallback: number, min: number): number {
  const raw = stringParam(query, name);
  if (raw === undefined) {
    return fallback;
  }
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    throw badRequest([`Query parameter ${name} must be an integer of at least ${min}; received ${JSON.stringify(raw)}.`]);
  }
  return Number(raw);
}
