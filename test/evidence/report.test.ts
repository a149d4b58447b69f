import { rmSync } from 'node:fs';
import { buildReport, renderReportHtml, renderReportMarkdown } from '../../provisioning/evidence';
import { entry, tempDir, testLog } from './helpers';

const EVIL = 'Clinic <script>alert("x")</script> | A&B';
const SITE = 'site a.webex.com';

describe('evidence report: per control, every change, attestations, exceptions, audit events, chain status', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    const log = testLog(dir, [
      '2026-01-10T09:00:00.000Z',
      '2026-01-10T09:01:00.000Z',
      '2026-02-10T09:00:00.000Z',
      '2026-02-11T09:00:00.000Z',
      '2026-02-12T09:00:00.000Z',
      '2026-02-13T09:00:00.000Z',
      '2026-02-14T09:00:00.000Z',
      '2026-02-15T09:00:00.000Z',
      '2026-02-16T09:00:00.000Z',
      '2026-03-01T09:00:00.000Z',
    ]);
    const control = { control: 'meetingSecurity', target: SITE, path: 'Stack/Org/Site/MeetingSecurity' };
    await log.append(EVIL, entry('plan', { controls: [{ ...control, status: 'non-compliant' }, { control: 'passwordPolicy', target: 'org', status: 'not-verified', note: 'write-only' }] }));
    await log.append(EVIL, {
      ...entry('apply', { outcome: 'applied', controls: [{ ...control, status: 'compliant', note: 'written and read back' }] }),
      changes: [{ ...control, before: { joinBeforeHost: true, note: '<b>' }, after: { joinBeforeHost: false, note: '<i>' }, trackingId: 'WEBEX_IAC_abc', verified: true }],
    });
    await log.append(EVIL, entry('drift', { controls: [{ ...control, status: 'non-compliant' }] }));
    await log.append(EVIL, entry('attestation', { control: 'messageRetention', attestedBy: 'privacy@example.org', attestedOn: '2025-01-01', reference: 'TICKET-1', expires: '2026-01-31' }));
    await log.append(EVIL, entry('attestation', { control: 'businessAssociateAgreement', attestedBy: 'legal@example.org', attestedOn: '2025-06-01', reference: 'BAA-2025', expires: '2027-06-01' }));
    await log.append(EVIL, entry('exception', { ruleId: 'WBX.MEET.1v1', decision: 'granted', reason: 'pilot site | closes in Q3', owner: 'ciso@example.org', expires: '2026-02-20' }));
    await log.append(EVIL, entry('audit-event', { source: 'admin-audit', eventId: 'e1', event: { id: 'e1', created: '2026-02-15T08:00:00.000Z', data: { actorEmail: 'admin@example.org', eventCategory: 'MEETINGS', actionText: 'changed <site>', trackingId: 'WEBEX_IAC_abc' } } }));
    await log.append(EVIL, entry('audit-event', { source: 'security-audit', eventId: 'l1', event: { id: 'l1', created: '2026-02-15T07:00:00.000Z', data: { actorEmail: 'nurse@example.org', eventCategory: 'LOGINS' } } }));
    await log.append(EVIL, entry('policy-decision', { anything: true }));
    await log.append('Second Org', entry('plan', { controls: [{ control: 'hostLobby', target: 'site b.webex.com', status: 'compliant' }] }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const report = (options: { from?: string; to?: string; org?: string } = {}) =>
    buildReport({ dir, toolVersion: '1.2.3', now: new Date('2026-02-17T00:00:00.000Z'), org: options.org, from: options.from ? new Date(options.from) : undefined, to: options.to ? new Date(options.to) : undefined });

  test('a control is as its newest apply, drift or assess says, with the last time it was verified compliant; a plan never decides it', () => {
    const [org] = report({ org: EVIL }).orgs;
    // The plan's passwordPolicy observation (a proposed declaration) is not a status.
    expect(org!.controls).toEqual([
      {
        control: 'meetingSecurity',
        target: SITE,
        path: 'Stack/Org/Site/MeetingSecurity',
        ruleIds: [],
        status: 'non-compliant',
        lastObserved: expect.objectContaining({ kind: 'drift', time: '2026-02-10T09:00:00.000Z' }),
        lastVerifiedCompliant: { kind: 'apply', time: '2026-01-10T09:01:00.000Z', record: expect.any(String), actor: 'admin@example.org' },
      },
    ]);
  });

  test('changes, attestations and exceptions carry who, when, owners and expiry; unknown kinds are listed, not dropped', () => {
    const [org] = report({ org: EVIL }).orgs;
    expect(org!.changes).toEqual([
      expect.objectContaining({
        control: 'meetingSecurity',
        target: SITE,
        actors: ['admin@example.org'],
        first: '2026-01-10T09:01:00.000Z',
        trackingIds: ['WEBEX_IAC_abc'],
        writes: 1,
        verified: 1,
        fields: [
          { field: 'joinBeforeHost', before: 'true', after: 'false', count: 1 },
          { field: 'note', before: '"<b>"', after: '"<i>"', count: 1 },
        ],
      }),
    ]);
    expect(org!.attestations.map((a) => [a.control, a.attestedBy, a.expires, a.status])).toEqual([
      ['messageRetention', 'privacy@example.org', '2026-01-31', 'expired'],
      ['businessAssociateAgreement', 'legal@example.org', '2027-06-01', 'valid'],
    ]);
    expect(org!.exceptions).toEqual([expect.objectContaining({ ruleId: 'WBX.MEET.1v1', owner: 'ciso@example.org', expires: '2026-02-20', status: 'expiring', decision: 'granted' })]);
    // The one admin event is webex-iac's own write (its trackingId): nothing was changed outside it.
    expect(org!.audit.adminAudit).toMatchObject({ total: 1, byCategory: { MEETINGS: 1 }, events: [] });
    expect(org!.audit.securityAudit).toMatchObject({ total: 1, byCategory: { LOGINS: 1 } });
    expect(org!.otherRecords).toEqual([expect.objectContaining({ kind: 'policy-decision', details: { anything: true } })]);
    expect(org!.chain).toMatchObject({ intact: true, records: 9 });
  });

  test('--from and --to narrow changes and events; controls still reflect history up to --to', () => {
    const narrowed = report({ org: EVIL, from: '2026-02-01T00:00:00.000Z', to: '2026-02-12T00:00:00.000Z' });
    const [org] = narrowed.orgs;
    expect(org!.changes).toEqual([]);
    expect(org!.attestations.map((a) => a.control)).toEqual(['messageRetention']);
    expect(org!.controls.find((c) => c.control === 'meetingSecurity')!.lastVerifiedCompliant!.kind).toBe('apply');
    expect(narrowed.period).toEqual({ from: '2026-02-01T00:00:00.000Z', to: '2026-02-12T00:00:00.000Z' });
    expect(report().orgs.map((o) => o.org)).toEqual([EVIL, 'Second Org']);
    expect(report({ org: 'Second Org' }).orgs[0]!.controls).toEqual([]);
  });

  test('HTML is one self-contained file that escapes every value and prints a page per org with repeated table headers', () => {
    const html = renderReportHtml(report());
    expect(html).not.toContain('<script>');
    expect(html).toContain('Clinic &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | A&amp;B');
    expect(html).toContain('&quot;&lt;b&gt;&quot;');
    expect(html).not.toMatch(/<link\b|<script\b|<img\b|@import|url\(|https?:\/\//);
    expect(html).toMatch(/@media print \{[^]*\.org \{ break-before: page;[^]*thead \{ display: table-header-group; \}/);
    expect(html.match(/<section class="org"/g)).toHaveLength(2);
    expect(html).toMatch(/<tr data-control="meetingSecurity" data-target="site a.webex.com" data-status="non-compliant">.*Non-compliant/);
  });

  test('Markdown escapes table-breaking and HTML characters', () => {
    const markdown = renderReportMarkdown(report({ org: EVIL }));
    expect(markdown).toContain('## Org Clinic &#60;script&#62;alert&#40;&#34;x&#34;&#41;&#60;/script&#62; &#124; A&#38;B');
    expect(markdown).not.toMatch(/<script|pilot site \|/);
    expect(markdown).toContain('| WBX.MEET.1v1 | granted | pilot site &#124; closes in Q3 | ciso&#64;&#8203;example.org | 2026-02-20 | Expiring within 30 days |');
    expect(markdown).toMatch(/\| meetingSecurity \| site a.webex.com \| — \| Non-compliant \| 2026-01-10 09:01 UTC &#40;apply, admin&#64;&#8203;example.org&#41; \|/);
  });
});
