import { rmSync } from 'node:fs';
import { buildReport, EvidenceReport, renderReportHtml, renderReportMarkdown } from '../../provisioning/evidence';
import { entry, tempDir, testLog } from '../evidence/helpers';
import { HOSTILE_CORPUS } from './corpus';
import { danglingMarkup, htmlStructure, linkableText, markdownRenderedText, markdownStructure, terminalHazards } from './inspect';
import { poison } from './poison';

const cases = Object.entries(HOSTILE_CORPUS);
let dir: string;
let base: EvidenceReport;

/** An evidence log with every kind of record the report shows: controls, a change, attestations, an exception, audit events, an unknown kind. */
beforeAll(async () => {
  dir = tempDir();
  const log = testLog(dir, ['2026-01-10T09:00:00.000Z', '2026-01-10T09:01:00.000Z', '2026-02-10T09:00:00.000Z', '2026-02-11T09:00:00.000Z', '2026-02-12T09:00:00.000Z', '2026-02-13T09:00:00.000Z', '2026-02-14T09:00:00.000Z']);
  const control = { control: 'meetingSecurity', target: 'site a.webex.com', path: 'Stack/Org/Site/MeetingSecurity' };
  await log.append('Org', { ...entry('apply', { outcome: 'applied', controls: [{ ...control, status: 'compliant', note: 'read back' }] }), changes: [{ ...control, before: { topic: 'x' }, after: { topic: 'y' }, trackingId: 'T1', verified: true }] });
  await log.append('Org', entry('drift', { controls: [{ ...control, status: 'non-compliant', note: 'drifted' }] }));
  await log.append('Org', entry('attestation', { control: 'messageRetention', attestedBy: 'privacy@example.org', attestedOn: '2025-01-01', reference: 'TICKET-1', expires: '2027-01-31' }));
  await log.append('Org', entry('exception', { ruleId: 'WBX.MEET.1v1', decision: 'granted', reason: 'pilot', owner: 'ciso@example.org', expires: '2027-02-20' }));
  await log.append('Org', entry('audit-event', { source: 'admin-audit', eventId: 'e1', event: { id: 'e1', created: '2026-02-15T08:00:00.000Z', data: { actorEmail: 'admin@example.org', eventCategory: 'MEETINGS', actionText: 'changed', trackingId: 'T2' } } }));
  await log.append('Org', entry('policy-decision', { anything: true }));
  base = buildReport({ dir, toolVersion: '1.2.3', now: new Date('2026-02-17T00:00:00.000Z') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The report with every text from Webex or the log hostile, and one missing attestation and one log warning to show too. */
function hostile(text: string): EvidenceReport {
  const org = base.orgs[0]!;
  const withAll = { ...base, orgs: [{ ...org, attestationsMissing: ['x'], chain: { ...org.chain, warnings: [{ file: 'f', message: 'w' }] } }] } as EvidenceReport;
  return poison(withAll, text, ['kind']);
}

describe('evidence report with hostile text from Webex and the log', () => {
  test('the fixture has a row in every table', () => {
    const org = base.orgs[0]!;
    expect([org.controls.length, org.changes.length, org.attestations.length, org.exceptions.length, org.audit.adminAudit.events.length, org.otherRecords.length].every((n) => n > 0)).toBe(true);
  });

  test.each(cases)('%s: HTML has exactly the elements and attributes of a benign report, no invisible character', (_, text) => {
    const html = renderReportHtml(hostile(text));
    expect(htmlStructure(html)).toEqual(htmlStructure(renderReportHtml(hostile('benign'))));
    expect(danglingMarkup(html.replace(/<style>[^]*<\/style>/, ''))).toEqual([]);
    expect(terminalHazards(html)).toEqual([]);
  });

  test.each(cases)('%s: markdown has exactly the structure of a benign report', (_, text) => {
    const markdown = renderReportMarkdown(hostile(text));
    const expected = renderReportMarkdown(hostile('benign'));
    expect(markdownStructure(markdown)).toEqual(markdownStructure(expected));
    expect(linkableText(markdownRenderedText(markdown))).toEqual(linkableText(markdownRenderedText(expected)));
    expect(terminalHazards(markdown)).toEqual([]);
  });
});
