import { startSimulator } from '../../simulator';
import { TokenBucketRateLimiter } from '../../simulator/rate-limiter';
import { call, errorBody } from './webex-call';

describe('TokenBucketRateLimiter', () => {
  let nowMs: number;
  const limiter = (rate: number) => new TokenBucketRateLimiter<string>(rate, () => nowMs);

  beforeEach(() => {
    nowMs = 1_000;
  });

  test('allows a burst of one second of requests, then asks for whole seconds', () => {
    const twoPerSecond = limiter(2);
    expect(twoPerSecond.take('a')).toEqual({ allowed: true });
    expect(twoPerSecond.take('a')).toEqual({ allowed: true });
    expect(twoPerSecond.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  test('refills at the rate, up to the burst', () => {
    const twoPerSecond = limiter(2);
    twoPerSecond.take('a');
    twoPerSecond.take('a');
    nowMs += 500;
    expect(twoPerSecond.take('a')).toEqual({ allowed: true });
    expect(twoPerSecond.take('a').allowed).toBe(false);
    nowMs += 60_000;
    expect([1, 2, 3].map(() => twoPerSecond.take('a').allowed)).toEqual([true, true, false]);
  });

  test('keeps one bucket per key', () => {
    const onePerSecond = limiter(1);
    expect(onePerSecond.take('a').allowed).toBe(true);
    expect(onePerSecond.take('a').allowed).toBe(false);
    expect(onePerSecond.take('b').allowed).toBe(true);
  });

  test('below one request per second, bursts one request and asks to wait the full interval', () => {
    const onePerFourSeconds = limiter(0.25);
    expect(onePerFourSeconds.take('a').allowed).toBe(true);
    expect(onePerFourSeconds.take('a')).toEqual({ allowed: false, retryAfterSeconds: 4 });
    nowMs += 3_500;
    expect(onePerFourSeconds.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  test.each([0, -1, Number.POSITIVE_INFINITY])('fails for rate %p', (rate) => {
    expect(() => limiter(rate)).toThrow(/ratePerSecond/);
  });
});

describe('rate limiting over HTTP', () => {
  test('answers 429 with Retry-After and a Webex error body above the rate, per token', async () => {
    const sim = await startSimulator({ tokens: ['first', 'second'], ratePerSecond: 2 });
    try {
      const burst = await Promise.all([1, 2, 3, 4, 5].map(() => call(sim.url, 'GET', '/v1/people/me', { token: 'first' })));
      const statuses = burst.map(({ status }) => status).sort();
      expect(statuses).toEqual([200, 200, 429, 429, 429]);
      for (const limited of burst.filter(({ status }) => status === 429)) {
        expect(limited.headers.get('retry-after')).toBe('1');
        expect(errorBody(limited).message).toMatch(/rate limited/);
        expect(errorBody(limited).trackingId).toBe(limited.headers.get('trackingid'));
      }
      expect((await call(sim.url, 'GET', '/v1/people/me', { token: 'second' })).status).toBe(200);
    } finally {
      await sim.close();
    }
  });

  test('does not limit when ratePerSecond is 0', async () => {
    const sim = await startSimulator({ tokens: ['only'], ratePerSecond: 0 });
    try {
      const burst = await Promise.all(Array.from({ length: 20 }, () => call(sim.url, 'GET', '/v1/people/me', { token: 'only' })));
      expect(burst.every(({ status }) => status === 200)).toBe(true);
    } finally {
      await sim.close();
    }
  });
});
