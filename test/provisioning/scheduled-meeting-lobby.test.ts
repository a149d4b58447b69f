import { WebexClient } from '../../provisioning';
import { scheduledMeetingLobbyHandler as handler } from '../../provisioning/settings/scheduled-meeting-lobby';
import { startScriptedServer } from '../helpers/scripted-server';

const DECLARED = { path: 'clinic/Org/MainSite/ScheduledMeetingLobby' };
const OBSERVED = {
  'meeting.a1_20300101T150000Z.start': '2030-01-01T15:00:00Z',
  'meeting.a1_20300101T150000Z.unlockedMeetingJoinSecurity': 'allowJoin',
  'meeting.a1_20300101T150000Z.enableAutomaticLock': true,
  'meeting.b2_20300102T150000Z.start': '2030-01-02T15:00:00Z',
  'meeting.b2_20300102T150000Z.unlockedMeetingJoinSecurity': 'blockFromJoin',
  'meeting.b2_20300102T150000Z.enableAutomaticLock': false,
};
const HOST = { email: 'dr.lee@clinic.example', personId: 'P1' };

describe('scheduled meetings lobby handler', () => {
  test('without fixMeetings, nothing is ever planned: unsafe meetings are findings of assess only', () => {
    expect(handler.diff(DECLARED, OBSERVED, {})).toBeUndefined();
    expect(handler.diff({ ...DECLARED, fixMeetings: false }, OBSERVED, {})).toBeUndefined();
  });

  test('with fixMeetings: allowJoin becomes allowJoinWithLobby, a lock that is off turns on; blockFromJoin (stricter) is kept', () => {
    const diff = handler.diff({ ...DECLARED, fixMeetings: true }, OBSERVED, {})!;
    expect(diff.before).toEqual({ 'meeting.a1_20300101T150000Z.unlockedMeetingJoinSecurity': 'allowJoin', 'meeting.b2_20300102T150000Z.enableAutomaticLock': false });
    expect(diff.after).toEqual({ 'meeting.a1_20300101T150000Z.unlockedMeetingJoinSecurity': 'allowJoinWithLobby', 'meeting.b2_20300102T150000Z.enableAutomaticLock': true });
    expect(Object.keys(diff.after).map((f) => handler.impactOf!(f, diff, OBSERVED))).toEqual(['strengthens', 'strengthens']);
  });

  test('a value Webex did not report is never "fixed" blindly: it stays a finding', () => {
    expect(handler.diff({ ...DECLARED, fixMeetings: true }, { 'meeting.c3_x.unlockedMeetingJoinSecurity': null, 'meeting.c3_x.enableAutomaticLock': null }, {})).toBeUndefined();
  });

  test('reads every page of List Meetings and keeps no password, host key or title; the window follows daysAhead', async () => {
    const meeting = (id: string, join: string) => ({ id, meetingType: 'scheduledMeeting', title: 'Patient Jane Doe', password: 'Secr3t!pw', hostKey: '123456', start: '2030-01-01T15:00:00Z', unlockedMeetingJoinSecurity: join, enableAutomaticLock: true });
    const server = await startScriptedServer([
      { status: 200, body: { items: [meeting('m1_1', 'allowJoin')] }, headers: { Link: '</v1/meetings?cursor=b2Zmc2V0OjE&max=100>; rel="next"' } },
      { status: 200, body: { items: [meeting('m2_2', 'allowJoinWithLobby')] } },
    ]);
    try {
      const client = new WebexClient({ baseUrl: server.url, token: 't-meetings-1' });
      const values = await handler.readHost(client, 'clinic.webex.com', HOST, handler.fields({ ...DECLARED, daysAhead: 7 }));
      expect(values).toEqual({
        'meeting.m1_1.start': '2030-01-01T15:00:00Z', 'meeting.m1_1.unlockedMeetingJoinSecurity': 'allowJoin', 'meeting.m1_1.enableAutomaticLock': true,
        'meeting.m2_2.start': '2030-01-01T15:00:00Z', 'meeting.m2_2.unlockedMeetingJoinSecurity': 'allowJoinWithLobby', 'meeting.m2_2.enableAutomaticLock': true,
      });
      expect(JSON.stringify(values)).not.toMatch(/Secr3t|123456|Jane/);
      const first = new URL(server.received[0]!.url, 'http://x').searchParams;
      expect([first.get('meetingType'), first.get('hostEmail'), first.get('siteUrl'), first.get('max')]).toEqual(['scheduledMeeting', HOST.email, 'clinic.webex.com', '100']);
      expect(Date.parse(first.get('to')!) - Date.parse(first.get('from')!)).toBe(7 * 86_400_000);
    } finally {
      await server.close();
    }
  });

  test('a meeting id that could not be addressed as a plan field stops the read (never a silent skip)', async () => {
    const server = await startScriptedServer([{ status: 200, body: { items: [{ id: 'a.b', start: '2030-01-01T15:00:00Z', unlockedMeetingJoinSecurity: 'allowJoin', enableAutomaticLock: true }] } }]);
    try {
      const client = new WebexClient({ baseUrl: server.url, token: 't-meetings-2' });
      await expect(handler.readHost(client, 'clinic.webex.com', HOST, handler.fields(DECLARED))).rejects.toThrow(/^settings\.scheduledMeetingLobby of host dr\.lee@clinic\.example of site clinic\.webex\.com: Webex lists an upcoming meeting with id "a\.b", which webex-iac cannot address; list the host in hosts\.exemptEmails/);
    } finally {
      await server.close();
    }
  });

  test('write sends one PATCH per meeting with only the changed lobby fields, the host and sendEmail false', async () => {
    const server = await startScriptedServer([
      { status: 200, body: { id: 'a1_x', start: '2030-01-01T15:00:00Z' } },
      { status: 200, body: { id: 'b2_y', start: '2030-01-02T15:00:00Z' } },
    ]);
    try {
      const client = new WebexClient({ baseUrl: server.url, token: 't-meetings-3' });
      await handler.write(client, 'clinic.webex.com', HOST, { 'meeting.a1_x.unlockedMeetingJoinSecurity': 'allowJoinWithLobby', 'meeting.b2_y.enableAutomaticLock': true });
      expect(server.received.map((r) => [r.method, r.url, r.body])).toEqual([
        ['PATCH', '/v1/meetings/a1_x', { unlockedMeetingJoinSecurity: 'allowJoinWithLobby', hostEmail: HOST.email, sendEmail: false }],
        ['PATCH', '/v1/meetings/b2_y', { enableAutomaticLock: true, hostEmail: HOST.email, sendEmail: false }],
      ]);
      await expect(handler.write(client, 'clinic.webex.com', HOST, { 'meeting.a1_x.password': 'x' })).rejects.toThrow(/not a field webex-iac writes for it; nothing was written/);
    } finally {
      await server.close();
    }
  });
});
