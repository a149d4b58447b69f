import { createHash } from 'crypto';
import { checkSlowDrip, type Fault } from './faults';

/** Faults a schedule can inject; `drop` is a connection reset before the request is served. */
export const SCHEDULED_FAULT_KINDS = ['throttle-burst', 'server-error', 'drop', 'lose-response', 'slow-drip'] as const;
export type ScheduledFaultKind = (typeof SCHEDULED_FAULT_KINDS)[number];

/**
 * Random faults for every request, drawn from a seed: the same seed and the same requests give the
 * same faults, whatever order concurrent requests arrive in, because each draw hashes the seed, the
 * method, the URL and how many times that method and URL were asked before. (A 429 burst, once
 * started, answers the next requests in arrival order.)
 */
export interface FaultScheduleOptions {
  seed: string;
  /** Chance, 0 to 1, that a request gets each kind; at most one kind per request; they add up to at most 1. */
  rates: Partial<Record<ScheduledFaultKind, number>>;
  /** Requests a 429 burst answers, counting the one that starts it. @default 3 */
  burstLength?: number;
  /**
   * A 429 burst ends once its Retry-After has passed, as a rate limiter's does (its bucket has refilled
   * by then): a request sent after it is served even when the burst has answers left. Without it, the
   * burst answers the next `burstLength` requests whenever they come, and a client that waited as told
   * can be throttled again at once (which makes webex-iac's scheduler measure a rate of about one request
   * per Retry-After, and pace the rest of the run at it). @default false
   */
  burstEndsAfterRetryAfter?: boolean;
  /** `Retry-After` seconds of the 429s and of a 503. @default 1 */
  retryAfter?: number;
  /** The 5xx statuses a server error picks from. @default [500, 502, 503, 504] */
  serverErrorStatuses?: number[];
  /** How long a slow-drip body takes to arrive. @default 1000 */
  dripMs?: number;
  /** Only these methods are hit. @default every method */
  methods?: string[];
}

/** Counts of what a schedule injected, by kind (429 burst answers counted one by one). */
export type ScheduledFaultCounts = Record<ScheduledFaultKind, number>;

export class FaultSchedule {
  private readonly seen = new Map<string, number>();
  private burstRemaining = 0;
  /** When the current burst's Retry-After has passed (performance.now()). */
  private burstEndsAt = 0;
  private readonly counts: ScheduledFaultCounts = { 'throttle-burst': 0, 'server-error': 0, drop: 0, 'lose-response': 0, 'slow-drip': 0 };
  private readonly methods?: ReadonlySet<string>;

  constructor(private readonly options: FaultScheduleOptions) {
    let total = 0;
    for (const [kind, rate] of Object.entries(options.rates)) {
      if (!(SCHEDULED_FAULT_KINDS as readonly string[]).includes(kind)) {
        throw new Error(`Unknown scheduled fault ${JSON.stringify(kind)}; known: ${SCHEDULED_FAULT_KINDS.join(', ')}.`);
      }
      if (rate === undefined || !(rate >= 0 && rate <= 1)) {
        throw new Error(`Fault rate of ${kind} must be from 0 to 1; received ${rate}.`);
      }
      total += rate;
    }
    if (total > 1 + 1e-9) {
      throw new Error(`Fault rates add up to ${total}; at most 1.`);
    }
    const burst = options.burstLength ?? 3;
    if (!Number.isInteger(burst) || burst < 1) {
      throw new Error(`Fault burstLength must be a positive integer; received ${burst}.`);
    }
    const retryAfter = options.retryAfter ?? 1;
    if (!Number.isInteger(retryAfter) || retryAfter < 0) {
      throw new Error(`Fault retryAfter must be whole seconds; received ${retryAfter}.`);
    }
    for (const status of options.serverErrorStatuses ?? []) {
      if (!Number.isInteger(status) || status < 500 || status > 599) {
        throw new Error(`Server error statuses must be from 500 to 599; received ${status}.`);
      }
    }
    if (options.serverErrorStatuses?.length === 0) {
      throw new Error('Server error statuses may not be empty.');
    }
    checkSlowDrip({ durationMs: options.dripMs });
    this.methods = options.methods === undefined ? undefined : new Set(options.methods.map((m) => m.toUpperCase()));
  }

  /** The fault for this request, if the draw gives one. `url` is the path and query as received. */
  take(method: string, url: string, path: string): Fault | undefined {
    if (this.methods !== undefined && !this.methods.has(method)) {
      return undefined;
    }
    if (this.burstRemaining > 0 && this.options.burstEndsAfterRetryAfter && performance.now() >= this.burstEndsAt) this.burstRemaining = 0;
    if (this.burstRemaining > 0) {
      this.burstRemaining -= 1;
      this.counts['throttle-burst'] += 1;
      return { path, status: 429, retryAfter: this.options.retryAfter ?? 1 };
    }
    const key = `${method} ${url}`;
    const occurrence = this.seen.get(key) ?? 0;
    this.seen.set(key, occurrence + 1);
    const [draw, pick] = this.draws(`${key} ${occurrence}`);
    let edge = 0;
    for (const kind of SCHEDULED_FAULT_KINDS) {
      edge += this.options.rates[kind] ?? 0;
      if (draw < edge) {
        this.counts[kind] += 1;
        return this.fault(kind, path, pick);
      }
    }
    return undefined;
  }

  /** What was injected so far. */
  injected(): ScheduledFaultCounts {
    return { ...this.counts };
  }

  private fault(kind: ScheduledFaultKind, path: string, pick: number): Fault {
    const retryAfter = this.options.retryAfter ?? 1;
    switch (kind) {
      case 'throttle-burst':
        this.burstRemaining = (this.options.burstLength ?? 3) - 1;
        this.burstEndsAt = performance.now() + retryAfter * 1000;
        return { path, status: 429, retryAfter };
      case 'server-error': {
        const statuses = this.options.serverErrorStatuses ?? [500, 502, 503, 504];
        const status = statuses[Math.floor(pick * statuses.length)]!;
        return { path, status, ...(status === 503 ? { retryAfter } : {}) };
      }
      case 'slow-drip':
        return { kind, path, durationMs: this.options.dripMs ?? 1000 };
      default:
        return { kind, path };
    }
  }

  /** Two independent numbers in [0, 1) from the seed and the request. */
  private draws(subject: string): [number, number] {
    const digest = createHash('sha256').update(`${this.options.seed}\n${subject}`).digest();
    return [digest.readUInt32BE(0) / 2 ** 32, digest.readUInt32BE(4) / 2 ** 32];
  }
}
