import { CLINIC, CLINIC_RECORDING_IDS, clinicMeetingIds, type RunningSimulator, startSimulator } from '../../simulator';
import { call, errorBody, FULL_ACCESS_TOKEN } from './webex-call';

const NOW = Date.parse('2026-05-04T12:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const iso = (time: number) => new Date(time).toISOString();
const IDS = clinicMeetingIds(NOW);
const LEE = `dr.lee@${CLINIC.emailDomain}`;

interface Listed {
  id: string;
  title: string;
  unlockedMeetingJoinSecurity: string;
  enableAutomaticLock: boolean;
}
const items = <T>(body: unknown) => (body as { items: T[] }).items;

let sim: RunningSimulator;
beforeEach(async () => {
  sim = await startSimulator({ tokens: [FULL_ACCESS_TOKEN], now: NOW });
});
afterEach(() => sim.close());

describe('scheduled meetings', () => {
  test('lists a host\'s meetings starting within [from, to), by start time; by default the next 7 days', async () => {
    const month = await call(sim.url, 'GET', `/v1/meetings?meetingType=scheduledMeeting&hostEmail=${LEE}&from=${iso(NOW)}&to=${iso(NOW + 30 * DAY_MS)}`);
    expect(items<Listed>(month.body).map((m) => m.title)).toEqual(['Telehealth check-in', 'Case review']);
    const week = await call(sim.url, 'GET', `/v1/meetings?meetingType=scheduledMeeting&hostEmail=${LEE}`);
    expect(items<Listed>(week.body).map((m) => m.title)).toEqual(['Telehealth check-in']);
    const kim = await call(sim.url, 'GET', `/v1/meetings?meetingType=scheduledMeeting&hostEmail=dr.kim@${CLINIC.emailDomain}&from=${iso(NOW)}&to=${iso(NOW + 30 * DAY_MS)}`);
    expect(items(kim.body)).toEqual([]);
  });

  test('PATCH changes only the fields sent: the password and the other lobby field stay', async () => {
    const id = IDS['dr.lee/Telehealth check-in']!;
    const before = sim.snapshot().meetings[id]!;
    const result = await call(sim.url, 'PATCH', `/v1/meetings/${id}`, { body: { hostEmail: LEE, unlockedMeetingJoinSecurity: 'allowJoinWithLobby', sendEmail: false } });
    expect(result.status).toBe(200);
    expect(sim.snapshot().meetings[id]).toEqual({ ...before, unlockedMeetingJoinSecurity: 'allowJoinWithLobby' });
  });

  test('PATCH of a meeting that is another host\'s is a 404, and of one that has started a 400', async () => {
    const moore = await call(sim.url, 'PATCH', `/v1/meetings/${IDS['dr.moore/Second opinion']}`, { body: { hostEmail: LEE, enableAutomaticLock: true } });
    expect(moore.status).toBe(404);
    const past = await call(sim.url, 'PATCH', `/v1/meetings/${IDS['dr.smith/Past consult']}`, { body: { hostEmail: `dr.smith@${CLINIC.emailDomain}`, enableAutomaticLock: true } });
    expect(errorBody(past).errors[0]!.description).toMatch(/started or ended/);
  });
});

describe('admin recordings', () => {
  const list = (query: string) => call(sim.url, 'GET', `/v1/admin/recordings?siteUrl=${CLINIC.siteUrl}&${query}`);
  const window = (daysBack: number) => `from=${iso(NOW - daysBack * DAY_MS)}&to=${iso(NOW - (daysBack - 30) * DAY_MS)}`;

  test('lists one status at a time, by creation time within the window', async () => {
    expect(items<{ id: string }>((await list(`status=deleted&${window(60)}`)).body).map((r) => r.id)).toEqual([CLINIC_RECORDING_IDS['Case review']]);
    expect(items((await list(`status=purged&${window(60)}`)).body)).toEqual([]);
    expect(items<{ id: string }>((await list(`status=purged&${window(410)}`)).body).map((r) => r.id)).toEqual([CLINIC_RECORDING_IDS['Family conference']]);
    expect(items<{ id: string }>((await list(`${window(30)}`)).body).map((r) => r.id)).toEqual([CLINIC_RECORDING_IDS['Telehealth check-in']]);
  });

  test('refuses a window longer than 30 days, as Cisco documents', async () => {
    const result = await list(`status=purged&from=${iso(NOW - 31 * DAY_MS)}&to=${iso(NOW)}`);
    expect(result.status).toBe(400);
    expect(errorBody(result).errors[0]!.description).toMatch(/within 30 days/);
  });
});
