/** Which requests a fault hits, and how many of them. */
export interface FaultTarget {
  /** @default any method */
  method?: string;
  /** Path without query, e.g. `/v1/admin/meeting/config/commonSettings`. */
  path: string;
  /** How many matching requests the fault affects before it expires. @default 1 */
  times?: number;
}

/** Answer with this error status (and a Webex error body) instead of serving the request. */
export interface StatusFault extends FaultTarget {
  kind?: 'status';
  status: number;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
}

/** Destroy the connection without answering and without serving the request. */
export interface DropFault extends FaultTarget {
  kind: 'drop';
}

/** Serve the request (a write is applied), then destroy the connection instead of answering. */
export interface LoseResponseFault extends FaultTarget {
  kind: 'lose-response';
}

/**
 * Serve the request (a write is applied), then send the answer's body a few bytes at a time, spread over
 * `durationMs`: headers first, then the body trickles in, as from a congested or throttled link.
 */
export interface SlowDripFault extends FaultTarget {
  kind: 'slow-drip';
  /** How long the body takes to arrive, in milliseconds. @default 1000 */
  durationMs?: number;
  /** Pieces the body is sent in. @default 20 */
  pieces?: number;
}

export type Fault = StatusFault | DropFault | LoseResponseFault | SlowDripFault;
export type FaultKind = NonNullable<Fault['kind']>;

/** Faults waiting for their requests; the first armed fault that matches a request is used. */
export class FaultPlan {
  private readonly armed: { fault: Fault; remaining: number }[] = [];

  add(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) {
      throw new Error(`Fault times must be a positive integer; received ${times}.`);
    }
    if (!fault.path.startsWith('/')) {
      throw new Error(`Fault path must start with "/"; received ${JSON.stringify(fault.path)}.`);
    }
    if (fault.kind === undefined || fault.kind === 'status') {
      if (!Number.isInteger(fault.status) || fault.status < 400 || fault.status > 599) {
        throw new Error(`A status fault needs an error status from 400 to 599; received ${fault.status}.`);
      }
      if (fault.retryAfter !== undefined && (!Number.isInteger(fault.retryAfter) || fault.retryAfter < 0)) {
        throw new Error(`Fault retryAfter must be whole seconds; received ${fault.retryAfter}.`);
      }
    }
    if (fault.kind === 'slow-drip') {
      checkSlowDrip(fault);
    }
    this.armed.push({ fault, remaining: times });
  }

  /** Consumes one use of the first fault matching this request, if any. */
  take(method: string, path: string): Fault | undefined {
    const index = this.armed.findIndex(
      ({ fault }) => fault.path === path && (fault.method === undefined || fault.method.toUpperCase() === method),
    );
    if (index < 0) {
      return undefined;
    }
    const entry = this.armed[index];
    entry.remaining -= 1;
    if (entry.remaining === 0) {
      this.armed.splice(index, 1);
    }
    return entry.fault;
  }
}

/** Refuses a slow drip the simulator cannot honour. */
export function checkSlowDrip(fault: Pick<SlowDripFault, 'durationMs' | 'pieces'>): void {
  if (fault.durationMs !== undefined && (!Number.isFinite(fault.durationMs) || fault.durationMs < 0)) {
    throw new Error(`Fault durationMs must be 0 or more milliseconds; received ${fault.durationMs}.`);
  }
  if (fault.pieces !== undefined && (!Number.isInteger(fault.pieces) || fault.pieces < 1)) {
    throw new Error(`Fault pieces must be a positive integer; received ${fault.pieces}.`);
  }
}
