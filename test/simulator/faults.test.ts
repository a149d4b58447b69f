import { type RunningSimulator, startSimulator } from '../../simulator';
import { call, errorBody, FULL_ACCESS_TOKEN } from './webex-call';

const PATH = '/v1/admin/meeting/config/commonSettings';
const REMINDERS_OFF = { scheduleMeetingOptions: { emailReminders: false } };

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator({ tokens: [FULL_ACCESS_TOKEN] });
});

afterEach(() => sim.close());

const reminders = async () =>
  ((await call(sim.url, 'GET', PATH)).body as { scheduleMeetingOptions: { emailReminders: boolean } }).scheduleMeetingOptions
    .emailReminders;

describe('status faults', () => {
  test('answer the given status with Retry-After for `times` matching requests, then serve again', async () => {
    sim.injectFault({ method: 'PATCH', path: PATH, status: 503, retryAfter: 1, times: 2 });
    for (const attempt of [1, 2]) {
      const result = await call(sim.url, 'PATCH', PATH, { body: REMINDERS_OFF, headers: { TrackingID: `RETRY_${attempt}` } });
      expect(result.status).toBe(503);
      expect(result.headers.get('retry-after')).toBe('1');
      expect(result.body).toEqual({
        message: 'Server is overloaded with requests. Try again later.',
        errors: [{ description: 'Server is overloaded with requests. Try again later.' }],
        trackingId: `RETRY_${attempt}`,
      });
    }
    expect(await reminders()).toBe(true);
    expect((await call(sim.url, 'PATCH', PATH, { body: REMINDERS_OFF })).status).toBe(200);
    expect(await reminders()).toBe(false);
    expect(sim.exchanges.filter(({ fault }) => fault === 'status').map(({ status }) => status)).toEqual([503, 503]);
  });

  test('hit only the given method and path, and once by default', async () => {
    sim.injectFault({ method: 'PATCH', path: PATH, status: 500 });
    expect((await call(sim.url, 'GET', PATH)).status).toBe(200);
    expect((await call(sim.url, 'GET', '/v1/people/me')).status).toBe(200);
    expect((await call(sim.url, 'PATCH', `${PATH}?siteUrl=riverside-clinic.webex.com`, { body: REMINDERS_OFF })).status).toBe(500);
    expect((await call(sim.url, 'PATCH', PATH, { body: REMINDERS_OFF })).status).toBe(200);
  });

  test('hit every method when none is given; a 429 burst carries no Retry-After unless asked', async () => {
    sim.injectFault({ path: '/v1/people/me', status: 429, times: 2 });
    const first = await call(sim.url, 'GET', '/v1/people/me');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBeNull();
    expect(errorBody(first).trackingId).toBe(first.headers.get('trackingid'));
    expect((await call(sim.url, 'POST', '/v1/people/me', { body: {} })).status).toBe(429);
    expect((await call(sim.url, 'GET', '/v1/people/me')).status).toBe(200);
  });

  test.each([
    [{ path: PATH, status: 200 }, /400 to 599/],
    [{ path: PATH, status: 503, times: 0 }, /positive integer/],
    [{ path: PATH, status: 503, retryAfter: 1.5 }, /whole seconds/],
    [{ path: 'v1/people/me', status: 503 }, /start with/],
  ])('fail to arm for %p', (fault, message) => {
    expect(() => sim.injectFault(fault)).toThrow(message);
  });
});

describe('connection faults', () => {
  test('drop destroys the connection without serving the request', async () => {
    sim.injectFault({ kind: 'drop', method: 'PATCH', path: PATH });
    await expect(call(sim.url, 'PATCH', PATH, { body: REMINDERS_OFF })).rejects.toThrow();
    expect(await reminders()).toBe(true);
    expect(sim.exchanges[0]).toEqual({
      method: 'PATCH',
      url: PATH,
      requestBody: REMINDERS_OFF,
      status: 0,
      responseHeaders: {},
      fault: 'drop',
    });
  });

  test('lose-response applies the write, then destroys the connection', async () => {
    sim.injectFault({ kind: 'lose-response', method: 'PATCH', path: PATH });
    await expect(call(sim.url, 'PATCH', PATH, { body: REMINDERS_OFF })).rejects.toThrow();
    expect(await reminders()).toBe(false);
    expect(sim.exchanges[0]).toMatchObject({ method: 'PATCH', status: 200, fault: 'lose-response' });
  });
});
