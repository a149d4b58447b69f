import { createHash } from 'node:crypto';

/**
 * The one owner of HTTP concurrency. Every attempt of every Webex request (first tries and retries,
 * reads and writes) waits here for a slot, so no caller can send around it. One scheduler per token
 * (and API host), shared by every client that uses the token: Webex throttles per token, so the budget
 * is the token's, not the client's.
 *
 * A slot is granted when all of these hold:
 * - the token is not paused: after a 429 (or 503) nothing new is sent until its Retry-After has passed;
 * - fewer requests are in flight than the window: the window starts at the ceiling, halves on each
 *   throttling episode (multiplicative decrease) and grows by one per window's worth of answers
 *   (additive increase), never above the ceiling;
 * - the pace allows it: once two throttling episodes have been seen, the rate Webex accepted between
 *   them (answers / time) is the token's measured limit, and requests are spaced to stay a margin under
 *   it, probing slowly upwards so that a raised limit is found again. A token bucket (the usual shape
 *   of a rate limit) is empty at both episodes, so what it let through in between is exactly its rate.
 *
 * Retries stay bounded and a write whose outcome is unknown is never replayed: both are the client's
 * rules (webex-client.ts), which asks this scheduler for a slot per attempt.
 */

/** Requests in flight per token when nothing else is configured (WEBEX_IAC_CONCURRENCY, --concurrency). */
export const DEFAULT_CONCURRENCY_CEILING = 16;
/** The largest ceiling accepted: far above what Webex allows one token. */
export const MAX_CONCURRENCY_CEILING = 256;
/** Pace this far under the measured limit, so that throttling stays rare. */
const PACE_MARGIN = 0.02;
/** How fast the pace creeps up after an episode, per second, for a Retry-After of one second. */
const PROBE_PER_SECOND = 0.002;
/** Catch-up allowed after a late timer or a quiet spell, in milliseconds of pace. */
const PACE_BURST_MS = 25;
/** A rate is measured only over an interval in which requests were waiting at least this share of the time. */
const BACKLOG_SHARE_FOR_MEASURING = 0.5;

/** Time as the scheduler sees it; injected in tests so that no test waits for real. */
export interface SchedulerClock {
  /** Milliseconds, monotonic. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: SchedulerClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A clock whose time moves only by what was slept: for a client given a fake `sleep` in tests. */
export function sleptTimeClock(sleep: (ms: number) => Promise<void>): SchedulerClock {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      await sleep(ms);
      now += ms;
    },
  };
}

/** How an attempt ended, as far as load is concerned. */
export type AttemptOutcome =
  /** An HTTP answer that is not about load (2xx, 4xx, 5xx other than 503). */
  | { readonly kind: 'answered' }
  /** 429: the token is over its rate; nothing new is sent for `retryAfterMs`. */
  | { readonly kind: 'throttled'; readonly retryAfterMs: number }
  /** 503: Webex is overloaded; pause and shrink the window as for a 429, but learn no rate from it. */
  | { readonly kind: 'overloaded'; readonly retryAfterMs: number }
  /** No answer at all (connection refused, reset or timed out). */
  | { readonly kind: 'failed' };

/** One granted request; release it exactly once, with how it ended. */
export interface SchedulerSlot {
  release(outcome: AttemptOutcome): void;
}

export interface SchedulerStats {
  /** The configured ceiling of requests in flight. */
  readonly ceiling: number;
  /** The current window (at most the ceiling). */
  readonly window: number;
  readonly inFlight: number;
  /** The most requests ever in flight at once. */
  readonly peakInFlight: number;
  /** Requests waiting for a slot. */
  readonly waiting: number;
  /** Slots granted: every attempt sent. */
  readonly calls: number;
  readonly answered: number;
  /** 429 answers. */
  readonly throttled: number;
  /** 503 answers. */
  readonly overloaded: number;
  /** Attempts without an answer. */
  readonly failed: number;
  /** Throttling episodes: a 429 or 503 to a request sent after the previous pause ended. */
  readonly episodes: number;
  /** The measured limit of the token, requests per second; undefined until two episodes were seen. */
  readonly measuredRate?: number;
  /** The pace requests are sent at now, requests per second; undefined while unpaced. */
  readonly pace?: number;
  /** Milliseconds until the current pause ends; 0 when not paused. */
  readonly pausedForMs: number;
}

export interface RequestSchedulerOptions {
  /** Requests in flight at most. @default DEFAULT_CONCURRENCY_CEILING */
  readonly ceiling?: number;
  /** @default REAL_CLOCK */
  readonly clock?: SchedulerClock;
}

interface Waiter {
  readonly grant: (slot: SchedulerSlot) => void;
}

export class RequestScheduler {
  private readonly clock: SchedulerClock;
  private ceilingValue: number;
  private windowSize: number;
  private answersSinceGrowth = 0;
  private readonly queue: Waiter[] = [];
  private queueHead = 0;
  private inFlight = 0;
  private peakInFlight = 0;
  private pausedUntil = 0;
  private epoch = 0;
  private lastEpisode?: { readonly at: number; readonly answered: number; readonly backloggedMs: number };
  private measuredRate?: number;
  private paceBase?: number;
  private probeFrom = 0;
  private probePerMs = 0;
  private nextSendAt = 0;
  private wakeAt?: number;
  private backloggedMs = 0;
  private backlogSince?: number;
  private counts = { calls: 0, answered: 0, throttled: 0, overloaded: 0, failed: 0, episodes: 0 };

  constructor(options: RequestSchedulerOptions = {}) {
    this.clock = options.clock ?? REAL_CLOCK;
    this.ceilingValue = checkCeiling(options.ceiling ?? DEFAULT_CONCURRENCY_CEILING);
    this.windowSize = this.ceilingValue;
  }

  get ceiling(): number {
    return this.ceilingValue;
  }

  /** Changes the ceiling; the window follows it down at once, and grows towards it as answers come. */
  setCeiling(ceiling: number): void {
    this.ceilingValue = checkCeiling(ceiling);
    this.windowSize = Math.min(this.windowSize, this.ceilingValue);
    if (this.inFlight === 0 && this.counts.episodes === 0) this.windowSize = this.ceilingValue;
    this.pump();
  }

  /** Waits for a slot; requests are granted in the order they asked. */
  acquire(): Promise<SchedulerSlot> {
    return new Promise<SchedulerSlot>((grant) => {
      this.queue.push({ grant });
      this.noteBacklog();
      this.pump();
    });
  }

  stats(): SchedulerStats {
    const now = this.clock.now();
    const pace = this.currentPace(now);
    return {
      ceiling: this.ceilingValue,
      window: this.windowSize,
      inFlight: this.inFlight,
      peakInFlight: this.peakInFlight,
      waiting: this.queue.length - this.queueHead,
      ...this.counts,
      ...(this.measuredRate === undefined ? {} : { measuredRate: this.measuredRate }),
      ...(pace === undefined ? {} : { pace }),
      pausedForMs: Math.max(0, this.pausedUntil - now),
    };
  }

  private pump(): void {
    while (this.queueHead < this.queue.length) {
      const now = this.clock.now();
      if (now < this.pausedUntil) return this.wake(this.pausedUntil, now);
      if (this.inFlight >= this.windowSize) return;
      const pace = this.currentPace(now);
      if (pace !== undefined) {
        const interval = 1000 / pace;
        this.nextSendAt = Math.max(this.nextSendAt, now - PACE_BURST_MS);
        if (this.nextSendAt > now) return this.wake(this.nextSendAt, now);
        this.nextSendAt += interval;
      }
      const waiter = this.queue[this.queueHead]!;
      this.queue[this.queueHead++] = undefined as unknown as Waiter;
      if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
        this.queue.splice(0, this.queueHead);
        this.queueHead = 0;
      }
      this.noteBacklog();
      waiter.grant(this.grant());
    }
  }

  private grant(): SchedulerSlot {
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    this.counts.calls++;
    const epoch = this.epoch;
    let released = false;
    return {
      release: (outcome) => {
        if (released) throw new Error('a scheduler slot was released twice');
        released = true;
        this.inFlight--;
        this.settle(outcome, epoch);
        this.pump();
      },
    };
  }

  private settle(outcome: AttemptOutcome, epoch: number): void {
    const now = this.clock.now();
    switch (outcome.kind) {
      case 'answered':
        this.counts.answered++;
        // Additive increase: one more slot per window's worth of answers.
        if (this.windowSize < this.ceilingValue && ++this.answersSinceGrowth >= this.windowSize) {
          this.windowSize++;
          this.answersSinceGrowth = 0;
        }
        return;
      case 'failed':
        this.counts.failed++;
        return;
      case 'throttled':
      case 'overloaded': {
        this.counts[outcome.kind]++;
        const retryAfterMs = Math.max(0, outcome.retryAfterMs);
        this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
        // Requests sent before the current episode began belong to it: one decrease per episode.
        if (epoch !== this.epoch) return;
        this.epoch++;
        this.counts.episodes++;
        this.windowSize = Math.max(1, Math.floor(this.windowSize / 2));
        this.answersSinceGrowth = 0;
        if (outcome.kind === 'throttled') this.learnRate(now, retryAfterMs);
        else if (this.paceBase !== undefined) this.paceBase = (this.currentPace(now) ?? this.paceBase) / 2;
        this.probeFrom = this.pausedUntil;
        return;
      }
    }
  }

  /**
   * At a throttling episode the token's bucket is empty; it was empty at the previous one too, so what
   * Webex answered in between is what it let through: its rate. Measured only when requests were
   * waiting for most of that time (otherwise the bucket may have overflowed unused, and the rate read
   * too low); then the pace is halved instead, and creeps up again.
   */
  private learnRate(now: number, retryAfterMs: number): void {
    const backlogged = this.backloggedAt(now);
    const previous = this.lastEpisode;
    this.lastEpisode = { at: now, answered: this.counts.answered, backloggedMs: backlogged };
    // A longer Retry-After makes each episode dearer, so probe more gently.
    this.probePerMs = PROBE_PER_SECOND / Math.max(1, retryAfterMs / 1000) / 1000;
    if (previous === undefined) return;
    const elapsed = now - previous.at;
    const answered = this.counts.answered - previous.answered;
    if (elapsed > 0 && answered > 0 && (backlogged - previous.backloggedMs) / elapsed >= BACKLOG_SHARE_FOR_MEASURING) {
      this.measuredRate = (answered / elapsed) * 1000;
      this.paceBase = this.measuredRate * (1 - PACE_MARGIN);
    } else if (this.paceBase !== undefined) {
      this.paceBase = (this.currentPace(now) ?? this.paceBase) / 2;
    }
  }

  private currentPace(now: number): number | undefined {
    if (this.paceBase === undefined) return undefined;
    return this.paceBase * (1 + this.probePerMs * Math.max(0, now - this.probeFrom));
  }

  /** One timer at a time; when it fires, every condition is checked again. */
  private wake(at: number, now: number): void {
    if (this.wakeAt !== undefined && this.wakeAt <= at) return;
    this.wakeAt = at;
    void this.clock.sleep(Math.max(1, at - now)).then(() => {
      if (this.wakeAt === at) this.wakeAt = undefined;
      this.pump();
    });
  }

  private noteBacklog(): void {
    const waiting = this.queueHead < this.queue.length;
    const now = this.clock.now();
    if (waiting && this.backlogSince === undefined) this.backlogSince = now;
    if (!waiting && this.backlogSince !== undefined) {
      this.backloggedMs += now - this.backlogSince;
      this.backlogSince = undefined;
    }
  }

  private backloggedAt(now: number): number {
    return this.backloggedMs + (this.backlogSince === undefined ? 0 : now - this.backlogSince);
  }
}

function checkCeiling(ceiling: number): number {
  if (!Number.isInteger(ceiling) || ceiling < 1 || ceiling > MAX_CONCURRENCY_CEILING) {
    throw new RangeError(`concurrency must be an integer from 1 to ${MAX_CONCURRENCY_CEILING}, received: ${ceiling}`);
  }
  return ceiling;
}

/**
 * The ceiling from WEBEX_IAC_CONCURRENCY, or undefined when unset. A value that is not an integer from
 * 1 to MAX_CONCURRENCY_CEILING is an error, never silently replaced.
 */
export function concurrencyFromEnvironment(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.WEBEX_IAC_CONCURRENCY?.trim();
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > MAX_CONCURRENCY_CEILING) {
    throw new RangeError(`WEBEX_IAC_CONCURRENCY must be an integer from 1 to ${MAX_CONCURRENCY_CEILING}, received: ${JSON.stringify(raw)}`);
  }
  return n;
}

const shared = new Map<string, RequestScheduler>();

/**
 * The process-wide scheduler of a token at an API host; created on first use. The key is a hash of the
 * token, so the token itself is kept nowhere new. A ceiling given here replaces the scheduler's.
 */
export function schedulerForToken(origin: string, token: string, ceiling?: number): RequestScheduler {
  const key = `${origin} ${createHash('sha256').update(token).digest('hex')}`;
  let scheduler = shared.get(key);
  if (scheduler === undefined) {
    scheduler = new RequestScheduler({ ceiling: ceiling ?? DEFAULT_CONCURRENCY_CEILING });
    shared.set(key, scheduler);
  } else if (ceiling !== undefined && ceiling !== scheduler.ceiling) {
    scheduler.setCeiling(ceiling);
  }
  return scheduler;
}
