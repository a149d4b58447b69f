import { ScheduledMeetingsLobby } from '../../../policies/rules/meet/ScheduledMeetingsLobby';
import { ANNEX, declared, failures, judge, type LiveOrg, observed, SITE } from '../fixtures';

const LEE = 'dr.lee@clinic.example';
const MEETING = 'meeting.aaaa1111_20260620T150000Z';

describe('Rule: upcoming scheduled meetings keep uninvited people in the lobby and lock', () => {
  const rule = ScheduledMeetingsLobby;
  const leeOn = (live: LiveOrg, site: string) => live.hosts![site]!.scheduledMeetingLobby!.hosts.find((h) => h.email === LEE)!;

  test('Compliance: every host\'s meetings are safe; check judges nothing (only assess can read meetings)', () => {
    const result = judge(rule, observed());
    expect(result.status).toBe('pass');
    expect(result.judgements[0]!.message).toBe('2 upcoming scheduled meeting(s), none lets uninvited people in or stays unlocked');
    expect(judge(rule, declared()).judgements).toEqual([]);
  });

  test('Noncompliance 1: a meeting lets uninvited people straight in, another never locks', () => {
    const result = judge(rule, observed((live) => {
      leeOn(live, SITE).values[`${MEETING}.unlockedMeetingJoinSecurity`] = 'allowJoin';
      leeOn(live, SITE).values['meeting.bbbb2222_20260701T150000Z.enableAutomaticLock'] = false;
    }));
    expect(failures(result)).toEqual([
      `WBX.MEET.10v1[${SITE}/${LEE}]: meeting aaaa1111_20260620T150000Z (2026-06-20T15:00:00Z) lets people not on the invite join directly (unlockedMeetingJoinSecurity allowJoin); ` +
        'meeting bbbb2222_20260701T150000Z (2026-07-01T15:00:00Z) never locks automatically (enableAutomaticLock false)',
    ]);
    expect(result.judgements.find((j) => j.status === 'fail')!.values).toEqual({
      meetings: 2,
      unsafe: [
        { id: 'aaaa1111_20260620T150000Z', start: '2026-06-20T15:00:00Z', unlockedMeetingJoinSecurity: 'allowJoin', enableAutomaticLock: true },
        { id: 'bbbb2222_20260701T150000Z', start: '2026-07-01T15:00:00Z', unlockedMeetingJoinSecurity: 'blockFromJoin', enableAutomaticLock: false },
      ],
    });
  });

  test('Noncompliance 2: a value Webex did not report is unknown, never safe', () => {
    const result = judge(rule, observed((live) => { leeOn(live, ANNEX).values[`${MEETING}.enableAutomaticLock`] = null; }));
    expect(failures(result)).toEqual([`WBX.MEET.10v1[${ANNEX}/${LEE}]: meeting aaaa1111_20260620T150000Z (2026-06-20T15:00:00Z) does not report whether it locks automatically (enableAutomaticLock not reported)`]);
  });

  test('Noncompliance 3: meetings not read for a site fail, never pass', () => {
    const result = judge(rule, observed((live) => { delete live.hosts![SITE]!.scheduledMeetingLobby; }));
    expect(failures(result)).toEqual([`WBX.MEET.10v1[${SITE}]: scheduledMeetingLobby is not declared, so it was not observed: declare it to have it enforced and assessed`]);
  });

  test('Compliance: a host with no upcoming meeting passes', () => {
    const result = judge(rule, observed((live) => { for (const site of [SITE, ANNEX]) for (const host of live.hosts![site]!.scheduledMeetingLobby!.hosts) host.values = {}; }));
    expect(result.status).toBe('pass');
  });
});
