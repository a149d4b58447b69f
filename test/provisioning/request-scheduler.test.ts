import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { z } from 'zod';
import { concurrencyFromEnvironment, RequestScheduler, SchedulerClock, SchedulerSlot, schedulerForToken, WebexClient } from '../../provisioning';
import { startScriptedServer } from '../helpers/scripted-server';

const Ok = z.object({ ok: z.boolean() });
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A clock that moves only when told to, firing the sleeps that fall due in time order. */
class ManualClock implements SchedulerClock {
  time = 0;
  private timers: { at: number; resolve: () => void }[] = [];

  now = (): number => this.time;

  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.timers.push({ at: this.time + ms, resolve });
    });

  /** Moves time to `to`, firing every sleep due on the way (and those they start), in order. */
  async runUntil(to: number): Promise<void> {
    await settle();
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (next === undefined || next.at > to) break;
      this.timers.shift();
      this.time = Math.max(this.time, next.at);
      next.resolve();
      await settle();
    }
    this.time = Math.max(this.time, to);
    await settle();
  }

  async advance(ms: number): Promise<void> {
    await this.runUntil(this.time + ms);
  }
}

/** Asks for `count` slots and records which were granted. */
function ask(scheduler: RequestScheduler, count: number): { granted: SchedulerSlot[] } {
  const granted: SchedulerSlot[] = [];
  for (let i = 0; i < count; i++) void scheduler.acquire().then((slot) => granted.push(slot));
  return { granted };
}

describe('request scheduler', () => {
  test('never has more requests in flight than its ceiling, and runs every one', async () => {
    const scheduler = new RequestScheduler({ ceiling: 4 });
    let running = 0;
    let peak = 0;
    let done = 0;
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const slot = await scheduler.acquire();
        running++;
        peak = Math.max(peak, running);
        await settle();
        running--;
        done++;
        // Some answers are about other things than load: only 'answered' counts for the window.
        slot.release(i % 7 === 0 ? { kind: 'failed' } : { kind: 'answered' });
      }),
    );
    expect(peak).toBe(4);
    expect(done).toBe(50);
    expect(scheduler.stats()).toMatchObject({ ceiling: 4, peakInFlight: 4, calls: 50, inFlight: 0, waiting: 0 });
  });

  test('a client never has more requests on the wire than the ceiling', async () => {
    // The server answers only once 3 requests wait (or, should fewer ever come, after 100 ms), so a
    // scheduler that let 4 through would be seen holding 4, and one that allowed only 2 would never
    // reach 3.
    let pending: ServerResponse[] = [];
    let peak = 0;
    let flush: NodeJS.Timeout | undefined;
    const answerAll = () => {
      if (flush) clearTimeout(flush);
      flush = undefined;
      const answering = pending;
      pending = [];
      for (const response of answering) response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    };
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
      request.resume();
      request.on('end', () => {
        pending.push(response);
        peak = Math.max(peak, pending.length);
        if (pending.length >= 3) answerAll();
        else flush ??= setTimeout(answerAll, 100);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const client = new WebexClient({ baseUrl: url, token: 'ceiling-token', scheduler: new RequestScheduler({ ceiling: 3 }) });
      await Promise.all(Array.from({ length: 30 }, (_, i) => client.get(`/v1/things/${i}`, Ok)));
      expect(peak).toBe(3);
      expect(client.scheduler.stats()).toMatchObject({ calls: 30, peakInFlight: 3 });
    } finally {
      if (flush) clearTimeout(flush);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('honours Retry-After: nothing is granted until it has passed', async () => {
    const clock = new ManualClock();
    const scheduler = new RequestScheduler({ ceiling: 4, clock });
    const first = await scheduler.acquire();
    first.release({ kind: 'throttled', retryAfterMs: 2000 });
    const { granted } = ask(scheduler, 3);
    await clock.advance(1999);
    expect(granted).toHaveLength(0);
    expect(scheduler.stats()).toMatchObject({ pausedForMs: 1, waiting: 3, throttled: 1, episodes: 1 });
    await clock.advance(1);
    // The window was halved by the episode (4 → 2): two go at once, the third when one comes back.
    expect(granted).toHaveLength(2);
    granted[0]!.release({ kind: 'answered' });
    await settle();
    expect(granted).toHaveLength(3);
  });

  test('a 429 pauses every client of the token, not only the one that got it', async () => {
    const server = await startScriptedServer([
      { status: 429, headers: { 'Retry-After': '3' }, body: { message: 'slow down', trackingId: 'T1' } },
      { status: 200, body: { ok: true } },
      { status: 200, body: { ok: true } },
    ]);
    const clock = new ManualClock();
    const scheduler = new RequestScheduler({ ceiling: 8, clock });
    try {
      const first = new WebexClient({ baseUrl: server.url, token: 'shared-token', scheduler });
      const second = new WebexClient({ baseUrl: server.url, token: 'shared-token', scheduler });
      const throttled = first.get('/v1/first', Ok);
      while (scheduler.stats().throttled === 0) await settle();
      const other = second.get('/v1/second', Ok);
      await clock.advance(2999);
      expect(server.received.map((r) => r.url)).toEqual(['/v1/first']);
      await clock.advance(1);
      await expect(Promise.all([throttled, other])).resolves.toHaveLength(2);
      expect(server.received.map((r) => r.url).sort()).toEqual(['/v1/first', '/v1/first', '/v1/second']);
    } finally {
      await server.close();
    }
  });

  test('clients of one token share its scheduler; another token or host has its own', () => {
    const a = new WebexClient({ baseUrl: 'http://127.0.0.1:1', token: 'token-a' });
    const b = new WebexClient({ baseUrl: 'http://127.0.0.1:1', token: 'token-a' });
    const c = new WebexClient({ baseUrl: 'http://127.0.0.1:1', token: 'token-c' });
    const d = new WebexClient({ baseUrl: 'http://127.0.0.1:2', token: 'token-a' });
    expect(a.scheduler).toBe(b.scheduler);
    expect(c.scheduler).not.toBe(a.scheduler);
    expect(d.scheduler).not.toBe(a.scheduler);
    expect(schedulerForToken(a.baseUrl, 'token-a')).toBe(a.scheduler);
    // A ceiling given later (--concurrency) applies to the token's shared scheduler.
    new WebexClient({ baseUrl: 'http://127.0.0.1:1', token: 'token-a', concurrency: 3 });
    expect(a.scheduler.ceiling).toBe(3);
  });

  test('halves the window once per throttling episode, then recovers one slot per window of answers', async () => {
    const clock = new ManualClock();
    const scheduler = new RequestScheduler({ ceiling: 8, clock });
    const { granted } = ask(scheduler, 8);
    await settle();
    expect(granted).toHaveLength(8);
    // All eight were in flight when the token ran out: one episode, one halving, not eight.
    for (const slot of granted) slot.release({ kind: 'throttled', retryAfterMs: 1000 });
    expect(scheduler.stats()).toMatchObject({ window: 4, throttled: 8, episodes: 1 });
    await clock.advance(1000);
    const windows: number[] = [];
    for (let i = 0; i < 4 + 5 + 6; i++) {
      const slot = await scheduler.acquire();
      slot.release({ kind: 'answered' });
      windows.push(scheduler.stats().window);
    }
    expect(windows[3]).toBe(5);
    expect(windows[3 + 5]).toBe(6);
    expect(windows[3 + 5 + 6]).toBe(7);
    expect(Math.max(...windows)).toBeLessThanOrEqual(8);
  });

  test('learns the rate a token bucket allows and paces under it, so that 429s stay rare', async () => {
    const clock = new ManualClock();
    const scheduler = new RequestScheduler({ ceiling: 16, clock });
    // Webex-like limit: 100 requests per second, bursts of 100, Retry-After in whole seconds.
    const rate = 100;
    let tokens = rate;
    let refilledAt = 0;
    const take = (): boolean => {
      tokens = Math.min(rate, tokens + ((clock.now() - refilledAt) / 1000) * rate);
      refilledAt = clock.now();
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    };
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const slot = await scheduler.acquire();
        const allowed = take();
        await clock.sleep(10);
        slot.release(allowed ? { kind: 'answered' } : { kind: 'throttled', retryAfterMs: 1000 });
      }
    };
    const workers = Array.from({ length: 32 }, worker);
    await clock.runUntil(10_000);
    const learned = scheduler.stats();
    expect(learned.measuredRate).toBeGreaterThan(rate * 0.95);
    expect(learned.measuredRate).toBeLessThan(rate * 1.05);
    // Over the next 60 simulated seconds: close to the limit, and almost never over it.
    const before = scheduler.stats();
    await clock.runUntil(70_000);
    const after = scheduler.stats();
    stop = true;
    await clock.runUntil(72_000);
    await Promise.all(workers);
    const answered = after.answered - before.answered;
    const throttled = after.throttled - before.throttled;
    expect(answered / 60).toBeGreaterThan(rate * 0.95);
    expect(throttled / (answered + throttled)).toBeLessThan(0.01);
  });

  test('a slot released twice is a bug, and says so', async () => {
    const scheduler = new RequestScheduler({ ceiling: 1 });
    const slot = await scheduler.acquire();
    slot.release({ kind: 'answered' });
    expect(() => slot.release({ kind: 'answered' })).toThrow('a scheduler slot was released twice');
  });

  test('the ceiling comes from WEBEX_IAC_CONCURRENCY, and a bad value is an error', () => {
    expect(concurrencyFromEnvironment({})).toBeUndefined();
    expect(concurrencyFromEnvironment({ WEBEX_IAC_CONCURRENCY: '32' })).toBe(32);
    expect(() => concurrencyFromEnvironment({ WEBEX_IAC_CONCURRENCY: '0' })).toThrow('WEBEX_IAC_CONCURRENCY must be an integer from 1 to 256, received: "0"');
    expect(() => concurrencyFromEnvironment({ WEBEX_IAC_CONCURRENCY: 'many' })).toThrow(/received: "many"/);
    expect(() => new RequestScheduler({ ceiling: 1.5 })).toThrow('concurrency must be an integer from 1 to 256, received: 1.5');
  });
});
