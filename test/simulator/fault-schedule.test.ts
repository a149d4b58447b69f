import { request } from 'http';
import { CLINIC, type FaultScheduleOptions, type RunningSimulator, startSimulator } from '../../simulator';
import { FaultSchedule } from '../../simulator/fault-schedule';
import { call, FULL_ACCESS_TOKEN } from './webex-call';

const SETTINGS = '/v1/admin/meeting/config/commonSettings';
const REMINDERS_OFF = { scheduleMeetingOptions: { emailReminders: false } };

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator({ tokens: [FULL_ACCESS_TOKEN] });
});

afterEach(() => sim.close());

/** The statuses (0 for a dropped connection) and fault kinds of the simulator's exchanges so far. */
const outcomes = (s: RunningSimulator) => s.exchanges.map(({ status, fault }) => `${status}${fault ? ` ${fault}` : ''}`);

async function askMany(s: RunningSimulator, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await call(s.url, 'GET', `/v1/people?max=${1 + (i % 7)}`).catch(() => undefined);
  }
}

describe('scheduled faults', () => {
  const schedule: FaultScheduleOptions = {
    seed: 'seed-1',
    rates: { 'throttle-burst': 0.1, 'server-error': 0.1, drop: 0.1, 'lose-response': 0.1, 'slow-drip': 0.1 },
    dripMs: 10,
    burstLength: 2,
  };

  test('the same seed and the same requests give the same faults; another seed gives others', async () => {
    sim.scheduleFaults(schedule);
    await askMany(sim, 60);
    const other = await startSimulator({ tokens: [FULL_ACCESS_TOKEN] });
    const third = await startSimulator({ tokens: [FULL_ACCESS_TOKEN] });
    try {
      other.scheduleFaults(schedule);
      await askMany(other, 60);
      third.scheduleFaults({ ...schedule, seed: 'seed-2' });
      await askMany(third, 60);
      expect(outcomes(other)).toEqual(outcomes(sim));
      expect(outcomes(third)).not.toEqual(outcomes(sim));
      expect(other.scheduledFaults()).toEqual(sim.scheduledFaults());
    } finally {
      await other.close();
      await third.close();
    }
    const counts = sim.scheduledFaults();
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(sim.exchanges.filter((e) => e.fault === 'drop')).toHaveLength(counts.drop);
    expect(sim.exchanges.filter((e) => e.fault === 'slow-drip')).toHaveLength(counts['slow-drip']);
    expect(sim.exchanges.filter((e) => e.status === 429)).toHaveLength(counts['throttle-burst']);
  });

  test('a 429 burst answers the next requests too, with Retry-After, then requests are served again', async () => {
    sim.scheduleFaults({ seed: 's', rates: { 'throttle-burst': 1 }, burstLength: 3, retryAfter: 2 });
    const first = await call(sim.url, 'GET', '/v1/people/me');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('2');
    sim.scheduleFaults({ seed: 's', rates: { 'throttle-burst': 1 }, burstLength: 3 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(sim.url, 'GET', '/v1/people/me')).status);
    expect(statuses).toEqual([429, 429, 429]);
    sim.scheduleFaults(undefined);
    expect((await call(sim.url, 'GET', '/v1/people/me')).status).toBe(200);
  });

  test('with burstEndsAfterRetryAfter, a request sent once the burst\'s Retry-After has passed is served, as a rate limiter\'s refilled bucket would serve it', () => {
    // Seed "burst-1" throttles the first GET /a and not the first GET /b; a Retry-After of 0 s has passed by the next request.
    const options = { seed: 'burst-1', rates: { 'throttle-burst': 0.5 }, burstLength: 5, retryAfter: 0 };
    const ending = new FaultSchedule({ ...options, burstEndsAfterRetryAfter: true });
    expect(ending.take('GET', '/a', '/a')).toMatchObject({ status: 429 });
    expect(ending.take('GET', '/b', '/b')).toBeUndefined();
    // Without it, the burst answers the next requests whenever they come.
    const counting = new FaultSchedule(options);
    expect(counting.take('GET', '/a', '/a')).toMatchObject({ status: 429 });
    expect(counting.take('GET', '/b', '/b')).toMatchObject({ status: 429 });
    // Within its Retry-After, a burst that ends still answers the requests that come.
    const within = new FaultSchedule({ ...options, retryAfter: 60, burstEndsAfterRetryAfter: true });
    expect(within.take('GET', '/a', '/a')).toMatchObject({ status: 429 });
    expect(within.take('GET', '/b', '/b')).toMatchObject({ status: 429, retryAfter: 60 });
  });

  test('server errors pick from the given statuses and serve nothing; a 503 says when to retry', async () => {
    sim.scheduleFaults({ seed: 's', rates: { 'server-error': 1 }, serverErrorStatuses: [503], methods: ['PATCH'] });
    const answer = await call(sim.url, 'PATCH', SETTINGS, { body: REMINDERS_OFF });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('1');
    const read = await call(sim.url, 'GET', SETTINGS);
    expect(read.status).toBe(200);
    expect((read.body as { scheduleMeetingOptions: { emailReminders: boolean } }).scheduleMeetingOptions.emailReminders).toBe(true);
    expect(sim.snapshot().adminAudit).toEqual([]);
  });

  test('lose-response applies the write (it is in the audit trail) and answers nothing', async () => {
    sim.scheduleFaults({ seed: 's', rates: { 'lose-response': 1 }, methods: ['PATCH'] });
    await expect(call(sim.url, 'PATCH', SETTINGS, { body: REMINDERS_OFF, headers: { TrackingID: 'LOST_1' } })).rejects.toThrow();
    expect(sim.snapshot().adminAudit.map((e) => e.data.trackingId)).toEqual(['LOST_1']);
  });

  test.each([
    [{ seed: 's', rates: { 'throttle-burst': 0.6, drop: 0.6 } }, /add up to 1.2/],
    [{ seed: 's', rates: { drop: -0.1 } }, /from 0 to 1/],
    [{ seed: 's', rates: { flood: 0.1 } }, /Unknown scheduled fault "flood"/],
    [{ seed: 's', rates: {}, burstLength: 0 }, /burstLength/],
    [{ seed: 's', rates: {}, serverErrorStatuses: [404] }, /500 to 599/],
    [{ seed: 's', rates: {}, dripMs: -1 }, /durationMs/],
  ])('refuses %p', (options, message) => {
    expect(() => sim.scheduleFaults(options as FaultScheduleOptions)).toThrow(message);
  });
});

describe('slow-drip', () => {
  /** The pieces the answer's body arrived in, and the whole body. */
  function chunksOf(url: string, path: string): Promise<{ status: number; chunks: Buffer[] }> {
    return new Promise((resolve, reject) => {
      const req = request(`${url}${path}`, { headers: { Authorization: `Bearer ${FULL_ACCESS_TOKEN}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, chunks }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  }

  test('serves the request, then sends the whole body in pieces', async () => {
    sim.injectFault({ kind: 'slow-drip', path: SETTINGS, durationMs: 400, pieces: 4 });
    const { status, chunks } = await chunksOf(sim.url, SETTINGS);
    const whole = Buffer.concat(chunks);
    expect(status).toBe(200);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0]!.length).toBeLessThan(whole.length);
    expect(JSON.parse(whole.toString('utf8'))).toMatchObject({ scheduleMeetingOptions: { emailReminders: true } });
    expect(sim.exchanges[0]).toMatchObject({ method: 'GET', status: 200, fault: 'slow-drip' });
  });

  test('a dripped write is applied', async () => {
    sim.injectFault({ kind: 'slow-drip', method: 'PATCH', path: SETTINGS, durationMs: 50 });
    const answer = await call(sim.url, 'PATCH', SETTINGS, { body: REMINDERS_OFF });
    expect(answer.status).toBe(200);
    expect(sim.snapshot().sites['riverside-clinic.webex.com']!.commonSettings.scheduleMeetingOptions.emailReminders).toBe(false);
  });

  test('closing the simulator mid-drip ends the connection', async () => {
    sim.injectFault({ kind: 'slow-drip', path: SETTINGS, durationMs: 60_000, pieces: 2 });
    const outcome = await new Promise<string>((resolve) => {
      const req = request(`${sim.url}${SETTINGS}`, { headers: { Authorization: `Bearer ${FULL_ACCESS_TOKEN}` } }, (res) => {
        res.on('error', () => resolve('aborted'));
        res.on('end', () => resolve('ended'));
        res.resume();
        void sim.close();
      });
      req.on('error', () => resolve('aborted'));
      req.end();
    });
    expect(outcome).toBe('aborted');
  });

  test.each([
    [{ durationMs: -5 }, /durationMs/],
    [{ pieces: 0 }, /pieces/],
  ])('refuses %p', (options, message) => {
    expect(() => sim.injectFault({ kind: 'slow-drip', path: SETTINGS, ...options })).toThrow(message);
  });
});

describe('snapshot', () => {
  test('copies orgs, people, sites, every host on every site and the audit trail; later writes do not reach it', async () => {
    const before = sim.snapshot();
    expect(Object.keys(before.organizations)).toEqual([CLINIC.orgId]);
    expect(Object.keys(before.people)).toHaveLength(25);
    expect(Object.keys(before.hosts['riverside-clinic.webex.com']!)).toHaveLength(CLINIC.hosts.length);
    expect(before.adminAudit).toEqual([]);
    await call(sim.url, 'PATCH', SETTINGS, { body: REMINDERS_OFF });
    const after = sim.snapshot();
    expect(before.sites['riverside-clinic.webex.com']!.commonSettings.scheduleMeetingOptions.emailReminders).toBe(true);
    expect(after.sites['riverside-clinic.webex.com']!.commonSettings.scheduleMeetingOptions.emailReminders).toBe(false);
    expect(after.adminAudit).toHaveLength(1);
  });
});
