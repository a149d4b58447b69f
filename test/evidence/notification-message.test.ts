import type { ComparedItem, RunComparison } from '../../provisioning/evidence';
import { itemKey } from '../../provisioning/evidence';
import { attributionLine, newsOf, notificationMessage, WEBEX_MESSAGE_MAX_BYTES } from '../../provisioning/notify';
import { HOSTILE_TEXTS } from '../hostile/corpus';

const item = (control: string, target: string, status: ComparedItem['status'], impact?: string): ComparedItem => {
  const base = { kind: 'drift' as const, control, target, detail: '', ...(impact ? { impact } : {}) };
  return { ...base, key: itemKey(base), status, since: '2026-01-01T00:00:00.000Z' };
};
const comparison = (items: ComparedItem[]): RunComparison => ({ scope: 's', items, summary: { new: 0, still: 0, resolved: 0, regressed: 0 } });

describe('the Webex notification message', () => {
  test('weakening items first, whatever the order found; regressed marked; resolved in a short note after', () => {
    const news = { opened: [item('sessionTypes', 'site a', 'new', 'neutral'), item('meetingSecurity', 'site a', 'regressed', 'weakens'), item('hostLobby', 'person x', 'new', 'weakens')], resolved: [item('e2ee', 'site a', 'resolved')] };
    const { markdown, folded } = notificationMessage('drift', [{ org: 'Clinic', news }]);
    expect(folded).toBe(0);
    expect(markdown.split('\n')).toEqual([
      '**webex-iac drift**: drift: 2 new, 1 regressed, 1 resolved · ⚠️ **2 weaken security**',
      '',
      '**Clinic**',
      '- ⚠️ **weakens** · **regressed** · drift of meetingSecurity on site a',
      '- ⚠️ **weakens** · new · drift of hostLobby on person x',
      '- new · drift of sessionTypes on site a',
      '- ✅ resolved · drift of e2ee on site a (open since 2026-01-01 00:00 UTC)',
    ]);
  });

  test('every name from Webex is inert markdown: no mention, link, image or HTML reaches the space', () => {
    const hostile = [...HOSTILE_TEXTS, '<@personEmail:ceo@acme.example>', '<@all>', '[click](https://evil.example)', '![x](https://evil.example/p.png)', '<script>alert(1)</script>'];
    const news = { opened: hostile.map((text) => item('meetingSecurity', `site ${text}`, 'new', 'weakens')), resolved: [] };
    const { markdown } = notificationMessage('drift', [{ org: '<@all> **Org**', news, detail: () => undefined }]);
    expect(markdown).not.toMatch(/<@|\]\(https:\/\/evil|<script|\*\*Org\*\*/);
    expect(markdown).not.toMatch(/[<>]/);
  });

  test('never over Webex\'s 7439 bytes: 20,000 drifted hosts fold into "and N more", the summary counts all of them', () => {
    const opened = Array.from({ length: 20_000 }, (_, i) => item('hostLobby', `person host${i}@clinic.example on ünïcødé-site.webex.com`, 'new', i % 7 === 0 ? 'weakens' : 'neutral'));
    const { markdown, folded } = notificationMessage('drift', [{ org: 'Clinic', news: { opened, resolved: [] }, detail: () => 'personalMeetingRoom.enabledAutoLock is false, declared true' }], { runUrl: 'https://ci.example/jobs/1' });
    expect(Buffer.byteLength(markdown, 'utf8')).toBeLessThanOrEqual(WEBEX_MESSAGE_MAX_BYTES);
    expect(markdown).toMatch(/^\*\*webex-iac drift\*\*: drift: 20000 new, 0 regressed, 0 resolved · ⚠️ \*\*2858 weaken security\*\* · \[CI run\]\(https:\/\/ci\.example\/jobs\/1\)/);
    expect(markdown).toMatch(new RegExp(`\\n\\n… and ${folded} more: the CI run's \`webex-iac drift --format json\` lists every one\\.$`));
    expect(folded).toBeGreaterThan(19_900);
    // What is shown is the weakening ones first.
    expect(markdown.split('\n').filter((l) => l.startsWith('- ')).every((l) => l.startsWith('- ⚠️ **weakens**'))).toBe(true);
  });
});

describe('what a space is told (dedupe through the evidence log)', () => {
  test('open items told with their stretch are not told again; a new stretch (regressed) is; told items gone are resolved', () => {
    const meeting = item('meetingSecurity', 'site a', 'still');
    const lobby = item('hostLobby', 'person x', 'new');
    const told = new Map([[meeting.key, meeting.since], [item('e2ee', 'site a', 'still').key, '2025-12-01T00:00:00.000Z']]);
    const news = newsOf(comparison([meeting, lobby]), told);
    expect(news.opened.map((i) => i.control)).toEqual(['hostLobby']);
    expect(news.resolved).toEqual([expect.objectContaining({ control: 'e2ee', target: 'site a', status: 'resolved', since: '2025-12-01T00:00:00.000Z' })]);

    const backAgain = { ...meeting, status: 'regressed' as const, since: '2026-02-01T00:00:00.000Z' };
    expect(newsOf(comparison([backAgain]), new Map([[meeting.key, meeting.since]])).opened).toEqual([backAgain]);
  });

  test('an item that could not be read this run is neither news nor resolved', () => {
    const unread = { ...item('hostLobby', 'person x', 'still'), unread: true as const };
    expect(newsOf(comparison([unread]), new Map([[unread.key, unread.since]]))).toEqual({ opened: [], resolved: [] });
    expect(newsOf(comparison([unread]), new Map()).opened).toEqual([]);
  });
});

describe('who changed it, in the message', () => {
  test('an attribution from the admin audit log names the admin, the time and the trackingId, escaped', () => {
    const line = attributionLine({ status: 'audit-event', byToken: false, since: 's', event: { actorEmail: 'it.lead@clinic.example', actorName: 'IT <Lead>', at: '2026-12-04T08:00:00.000Z', trackingId: 'ATLAS_1', category: 'MEETINGS', description: 'x' } });
    expect(line).toBe('changed in Control Hub by it.lead&#64;&#8203;clinic.example at 2026-12-04T08&#58;&#8203;00:00.000Z, trackingId ATLAS_1');
    expect(attributionLine({ status: 'audit-event', event: { actorEmail: '<@all> [x](https://evil.example)' } })).not.toMatch(/<@|\]\(/);
    expect(attributionLine({ status: 'no-audit-event', since: 's' })).toMatch(/^no audit event found/);
    expect(attributionLine(undefined)).toBeUndefined();
  });
});
