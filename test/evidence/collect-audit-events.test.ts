import { rmSync } from 'node:fs';
import { WebexClient } from '../../provisioning';
import { collectAuditEvents, EvidenceLog, EvidenceRecorder, splitWindows, verifyLog } from '../../provisioning/evidence';
import { validateRequest } from '../contract/openapi-contract';
import { ScriptedResponse, startScriptedServer } from '../helpers/scripted-server';
import { ORG, tempDir } from './helpers';

const TOKEN = 'collect-token-7f3a9c1e';
const ORG_ID = 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9jbGluaWM';
const NOW = new Date('2026-03-01T00:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

function adminEvent(i: number) {
  return {
    id: `admin-${i}`,
    created: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    actorId: 'person-1',
    actorOrgId: ORG_ID,
    data: { actorEmail: 'admin@example.org', eventCategory: 'MEETINGS', actionText: `change ${i}`, trackingId: `WEBEX_IAC_${i}` },
  };
}

function loginEvent(i: number) {
  return { id: `login-${i}`, created: new Date(Date.UTC(2025, 5, 1) + i * 60_000).toISOString(), actorId: 'person-2', actorOrgId: ORG_ID, data: { actorEmail: 'nurse@example.org', eventCategory: 'LOGINS', actionText: 'signed in' } };
}

const page = (items: unknown[], headers?: Record<string, string>): ScriptedResponse => ({ status: 200, body: { items }, ...(headers ? { headers } : {}) });
/** GET /v1/people/me: the collector names who collects before anything else. */
const me: ScriptedResponse = { status: 200, body: { id: 'person-1', emails: ['admin@example.org'], orgId: ORG_ID } };

/** Two years and two months: three windows per API. */
function twoYearScript(): ScriptedResponse[] {
  const admin = Array.from({ length: 203 }, (_, i) => adminEvent(i));
  return [
    me,
    page(admin.slice(0, 200)),
    page(admin.slice(200, 201)),
    page([]),
    page([]),
    page(admin.slice(201, 203)),
    page([]),
    page([loginEvent(1), loginEvent(2)], { Link: '</v1/admin/securityAudit/events?orgId=x&cursor=b2Zmc2V0OjI&max=1000>; rel="next"' }),
    page([loginEvent(3)]),
    page([]),
    page([loginEvent(4)]),
  ];
}

describe('evidence collect: Webex admin and security audit events into the log', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const recorderFor = () => new EvidenceRecorder(new EvidenceLog({ dir, toolVersion: 't', secrets: [TOKEN] }), 'webex-iac evidence collect', {});

  test('cuts a long range into windows of at most a year, pages admin audit by offset (max 200) and security audit by Link (max 1000)', async () => {
    const server = await startScriptedServer(twoYearScript());
    try {
      const client = new WebexClient({ baseUrl: server.url, token: TOKEN });
      const result = await collectAuditEvents(client, recorderFor(), { org: ORG, orgId: ORG_ID, since: new Date('2024-01-01T00:00:00.000Z'), now: NOW });

      const urls = server.received.map((r) => new URL(r.url, server.url));
      const admin = urls.filter((u) => u.pathname === '/v1/adminAudit/events');
      const security = urls.filter((u) => u.pathname === '/v1/admin/securityAudit/events');
      expect(admin.map((u) => [u.searchParams.get('offset'), u.searchParams.get('max'), u.searchParams.get('orgId')])).toEqual([
        ['0', '200', ORG_ID],
        ['200', '200', ORG_ID],
        ['201', '200', ORG_ID],
        ['0', '200', ORG_ID],
        ['0', '200', ORG_ID],
        ['2', '200', ORG_ID],
      ]);
      const windows = [admin[0]!, admin[3]!, admin[4]!].map((u) => [Date.parse(u.searchParams.get('from')!), Date.parse(u.searchParams.get('to')!)] as const);
      expect(windows[0]![0]).toBe(Date.parse('2024-01-01T00:00:00.000Z'));
      expect(windows[2]![1]).toBe(NOW.getTime());
      for (const [i, [from, to]] of windows.entries()) {
        expect(to - from).toBeLessThanOrEqual(365 * DAY);
        if (i > 0) expect(from).toBe(windows[i - 1]![1]);
      }
      // The second security request is the Link URL, verbatim.
      expect(server.received[8]!.url).toBe('/v1/admin/securityAudit/events?orgId=x&cursor=b2Zmc2V0OjI&max=1000');
      expect(security.filter((u) => !u.searchParams.has('cursor')).map((u) => [u.searchParams.get('max'), u.searchParams.has('startTime'), u.searchParams.has('endTime')])).toEqual([
        ['1000', true, true],
        ['1000', true, true],
        ['1000', true, true],
      ]);
      for (const r of server.received.filter((r) => !r.url.includes('cursor='))) expect(validateRequest({ method: r.method, url: r.url })).toEqual([]);

      expect(result.sources['admin-audit']).toMatchObject({ fetched: 203, added: 203, requests: 6, from: '2024-01-01T00:00:00.000Z', to: NOW.toISOString() });
      expect(result.sources['security-audit']).toMatchObject({ fetched: 4, added: 4, requests: 4 });
      const records = new EvidenceLog({ dir, toolVersion: 't' }).read(ORG).map((s) => s.record);
      expect(records.filter((r) => r.kind === 'audit-event')).toHaveLength(207);
      expect(records.at(-1)).toMatchObject({ kind: 'audit-collection', orgId: ORG_ID, details: { sources: { 'admin-audit': { added: 203 }, 'security-audit': { added: 4 } } } });
      expect(records.find((r) => r.kind === 'audit-event')!.details).toEqual({ source: 'admin-audit', eventId: 'admin-0', created: adminEvent(0).created, event: adminEvent(0) });
      expect(verifyLog(dir).intact).toBe(true);
    } finally {
      await server.close();
    }
  });

  test('a second run adds nothing already in the log, and by default starts where the last run ended (less 15 minutes)', async () => {
    const first = await startScriptedServer(twoYearScript());
    try {
      await collectAuditEvents(new WebexClient({ baseUrl: first.url, token: TOKEN }), recorderFor(), { org: ORG, orgId: ORG_ID, since: new Date('2024-01-01T00:00:00.000Z'), now: NOW });
    } finally {
      await first.close();
    }
    const later = new Date(NOW.getTime() + DAY);
    const second = await startScriptedServer([me, page([adminEvent(202), adminEvent(500)]), page([]), page([loginEvent(4), loginEvent(9)])]);
    try {
      const result = await collectAuditEvents(new WebexClient({ baseUrl: second.url, token: TOKEN }), recorderFor(), { org: ORG, orgId: ORG_ID, now: later });
      expect(result.sources['admin-audit']).toMatchObject({ fetched: 2, added: 1 });
      expect(result.sources['security-audit']).toMatchObject({ fetched: 2, added: 1 });
      const from = new URL(second.received[1]!.url, second.url).searchParams.get('from');
      expect(from).toBe(new Date(NOW.getTime() - 15 * 60_000).toISOString());
      const events = new EvidenceLog({ dir, toolVersion: 't' }).read(ORG).filter((s) => s.record.kind === 'audit-event');
      expect(events).toHaveLength(209);
      expect(new Set(events.map((s) => `${s.record.details!.source}:${s.record.details!.eventId}`)).size).toBe(209);
    } finally {
      await second.close();
    }
  });

  test('without --since and without an earlier run, collects the last 30 days', async () => {
    const server = await startScriptedServer([me, page([]), page([])]);
    try {
      await collectAuditEvents(new WebexClient({ baseUrl: server.url, token: TOKEN }), recorderFor(), { org: ORG, orgId: ORG_ID, now: NOW });
      const query = new URL(server.received[2]!.url, server.url).searchParams;
      expect(query.get('startTime')).toBe(new Date(NOW.getTime() - 30 * DAY).toISOString());
      expect(query.get('endTime')).toBe(NOW.toISOString());
    } finally {
      await server.close();
    }
  });

  test('fails rather than send the token to a next page on another host', async () => {
    const server = await startScriptedServer([me, page([]), page([loginEvent(1)], { Link: '<https://elsewhere.example/v1/admin/securityAudit/events?cursor=1>; rel="next"' })]);
    try {
      const client = new WebexClient({ baseUrl: server.url, token: TOKEN });
      await expect(collectAuditEvents(client, recorderFor(), { org: ORG, orgId: ORG_ID, now: NOW })).rejects.toThrow(
        /GET \/v1\/admin\/securityAudit\/events\?.*: the Link header's next page is on another host \(https:\/\/elsewhere.example\); not followed/,
      );
      expect(server.received).toHaveLength(3);
    } finally {
      await server.close();
    }
  });

  test('fails when the admin audit API ignores offset, instead of reading the same page forever', async () => {
    const full = Array.from({ length: 200 }, (_, i) => adminEvent(i));
    const server = await startScriptedServer([me, page(full), page(full)]);
    try {
      const client = new WebexClient({ baseUrl: server.url, token: TOKEN });
      await expect(collectAuditEvents(client, recorderFor(), { org: ORG, orgId: ORG_ID, now: NOW })).rejects.toThrow(/answered offset 200 with the page it gave before/);
    } finally {
      await server.close();
    }
  });

  test('admin audit: a server that caps pages below the requested 200 loses nothing (a short page is not the end)', async () => {
    const events = Array.from({ length: 120 }, (_, i) => adminEvent(i));
    // Webex answers at most 50 per page whatever max asks: 50, 50, 20, then nothing.
    const server = await startScriptedServer([me, page(events.slice(0, 50)), page(events.slice(50, 100)), page(events.slice(100, 120)), page([]), page([])]);
    try {
      const result = await collectAuditEvents(new WebexClient({ baseUrl: server.url, token: TOKEN }), recorderFor(), { org: ORG, orgId: ORG_ID, now: NOW });
      const offsets = server.received.slice(1, 5).map((r) => new URL(r.url, server.url).searchParams.get('offset'));
      expect(offsets).toEqual(['0', '50', '100', '120']);
      expect(result.sources['admin-audit']).toMatchObject({ fetched: 120, added: 120 });
      const stored = new EvidenceLog({ dir, toolVersion: 't' }).read(ORG).filter((s) => s.record.kind === 'audit-event' && s.record.details!.source === 'admin-audit');
      expect(new Set(stored.map((s) => s.record.details!.eventId))).toEqual(new Set(events.map((e) => e.id)));
    } finally {
      await server.close();
    }
  });

  test('admin audit: follows Link verbatim when Webex pages by Link, and ends at the page without one', async () => {
    const events = Array.from({ length: 5 }, (_, i) => adminEvent(i));
    const server = await startScriptedServer([
      me,
      page(events.slice(0, 2), { Link: '</v1/adminAudit/events?orgId=x&cursor=c2Vjb25k&max=200>; rel="next"' }),
      page(events.slice(2, 4), { Link: '</v1/adminAudit/events?orgId=x&cursor=dGhpcmQ&max=200>; rel="next"' }),
      page(events.slice(4, 5)),
      page([]),
    ]);
    try {
      const result = await collectAuditEvents(new WebexClient({ baseUrl: server.url, token: TOKEN }), recorderFor(), { org: ORG, orgId: ORG_ID, now: NOW });
      expect(server.received.slice(2, 4).map((r) => r.url)).toEqual(['/v1/adminAudit/events?orgId=x&cursor=c2Vjb25k&max=200', '/v1/adminAudit/events?orgId=x&cursor=dGhpcmQ&max=200']);
      expect(new URL(server.received[4]!.url, server.url).pathname).toBe('/v1/admin/securityAudit/events');
      expect(result.sources['admin-audit']).toMatchObject({ fetched: 5, added: 5, requests: 3 });
    } finally {
      await server.close();
    }
  });

  test('windows: consecutive, none longer than 365 days, covering exactly the range', () => {
    const from = new Date('2020-02-29T12:00:00.000Z');
    const to = new Date('2026-03-01T00:00:00.000Z');
    const windows = splitWindows(from, to);
    expect(windows).toHaveLength(7);
    expect(windows[0]!.from).toEqual(from);
    expect(windows.at(-1)!.to).toEqual(to);
    for (const [i, w] of windows.entries()) {
      expect(w.to.getTime() - w.from.getTime()).toBeLessThanOrEqual(365 * DAY);
      if (i > 0) expect(w.from).toEqual(windows[i - 1]!.to);
    }
    expect(splitWindows(to, from)).toEqual([]);
  });
});
