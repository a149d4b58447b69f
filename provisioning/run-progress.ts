import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What a long run reports while it works, per org and phase: targets found and done, HTTP calls and
 * 429s. The code doing the work never passes a meter around: the org's meter rides along with its
 * asynchronous work (AsyncLocalStorage), so the client counts calls and the fleet reader counts hosts
 * for whichever org they are working for. Without a RunProgress nothing is counted.
 */

/** `read`: observing the org (plan, drift, assess); `check`: apply's re-read of every target; `apply`: the writes. */
export type ProgressPhase = 'read' | 'check' | 'apply';

export class OrgMeter {
  /** Targets (host × setting reads, or changes) known so far. */
  found = 0;
  /** Targets finished. */
  done = 0;
  /** HTTP attempts sent for this org, retries included. */
  calls = 0;
  /** 429 answers among them. */
  throttled = 0;
  /** False while more targets may still be found (the org's people are still being listed). */
  complete = false;
  /** performance.now() when work started and ended. */
  startedAt?: number;
  finishedAt?: number;

  constructor(
    readonly org: string,
    readonly phase: ProgressPhase,
  ) {}

  /** One more target finished; a meter whose targets were all known up front ends with the last one. */
  step(): void {
    this.done++;
    if (this.complete && this.done >= this.found) this.finishedAt ??= performance.now();
  }
}

/** Hands out one meter per org and phase; the progress display reads them. */
export interface RunProgress {
  meter(org: string, phase: ProgressPhase): OrgMeter;
}

/** Meters kept in a map: what the CLI's display and the benchmark use. */
export class ProgressMeters implements RunProgress {
  private readonly meters = new Map<string, OrgMeter>();

  meter(org: string, phase: ProgressPhase): OrgMeter {
    const key = `${phase}\u0000${org}`;
    let meter = this.meters.get(key);
    if (meter === undefined) {
      meter = new OrgMeter(org, phase);
      this.meters.set(key, meter);
    }
    return meter;
  }

  /** Every meter, in the order they were first asked for. */
  all(): OrgMeter[] {
    return [...this.meters.values()];
  }
}

const active = new AsyncLocalStorage<OrgMeter>();

/** The meter of the org whose work is running, if any. */
export function currentMeter(): OrgMeter | undefined {
  return active.getStore();
}

/** Runs `work` with `meter` as the current meter; with no meter, runs it as it is. */
export function metered<T>(meter: OrgMeter | undefined, work: () => Promise<T>): Promise<T> {
  if (meter === undefined) return work();
  meter.startedAt ??= performance.now();
  return active.run(meter, work);
}

/** Runs the whole of one org's phase under its meter, and marks the meter finished when it ends. */
export async function meteredPhase<T>(meter: OrgMeter | undefined, work: () => Promise<T>): Promise<T> {
  if (meter === undefined) return work();
  try {
    return await metered(meter, work);
  } finally {
    meter.complete = true;
    meter.finishedAt = performance.now();
  }
}
