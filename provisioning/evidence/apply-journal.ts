import { WebexClient } from '../client/webex-client';
import { WriteRequest, WriteRequestOutcome, WriteWatcher } from '../client/write-watch';
import { Change, describeTarget, Plan } from '../plan';
import { WriteResult } from '../write-result';
import { EvidenceRecorder } from './evidence-recorder';
import { writeEvidence } from './plan-evidence';

/** Results waiting longer than this are appended even while the previous append is slow. */
const MAX_BATCH = 500;

/**
 * The evidence of one apply as it happens, so that a failure, a kill or a cut network leaves a record
 * that matches what reached Webex:
 * - before the first write, an `apply-started` record per org (a log that has it but no `apply` record
 *   is an apply that died: every planned change without a result has an unknown outcome);
 * - each write's outcome (applied, failed, unknown) in an `apply-writes` record, appended as soon as it
 *   is known; results that arrive while an append is under way go into the next one (one lock per
 *   batch, not per write, so that a fleet of thousands of hosts does not wait on the log);
 * - every HTTP write request, the change's own and the auxiliary ones (default-site switches and
 *   restores around a site PATCH, an undo), in `details.requests` of an `apply-writes` record: first as
 *   `unknown` *before* it is sent (the request waits for that append, batched with the others in
 *   flight), then with its outcome. So a kill at any moment leaves every write Webex may have served
 *   named in the log, as applied or as outcome unknown;
 * - at the end, the `apply` record (evidence-recorder.ts), or after an interruption the writes still in
 *   flight as `unknown` and an `apply` record saying so.
 * If the log cannot be appended to, `failure` is set and no further write should start (fail closed).
 */
export class ApplyJournal {
  private readonly inFlight = new Set<Change>();
  private readonly settled = new Set<Change>();
  private readonly results: WriteResult[] = [];
  private queue: WriteResult[] = [];
  /** Requests about to be sent, each waiting for its record; and request outcomes to record. */
  private sendingQueue: { org: string; entry: RequestEntry; recorded: Deferred }[] = [];
  private requestQueue: { org: string; entry: RequestEntry }[] = [];
  private appending: Promise<void> = Promise.resolve();
  private pending = false;
  private closed = false;
  /** Set when the log could not be appended to: the apply must stop. */
  failure?: Error;
  private readonly abort = new AbortController();

  constructor(
    private readonly evidence: EvidenceRecorder | undefined,
    private readonly client: WebexClient,
    private readonly plan: Plan,
  ) {}

  /** Aborted when the evidence cannot be kept; pass it to applyPlan so that no further write starts. */
  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** Appends the `apply-started` records; throws (nothing is sent) when the log cannot be written. */
  async begin(): Promise<void> {
    if (!this.evidence) return;
    for (const org of this.plan.orgs) {
      const planned = this.plan.changes.filter((c) => c.org === org).length;
      if (planned === 0) continue;
      const planRecord = this.evidence.planRecordOf(org);
      await this.evidence.record(org, { kind: 'apply-started', details: { planned, ...(planRecord ? { planRecord } : {}) } }, this.client);
    }
  }

  /** Tells the journal of every write request sent for `change` (the applier runs the change's write under it). */
  watcherFor(change: Change): WriteWatcher {
    return this.watcherOf(change.org, change.setting, describeTarget(change.target));
  }

  /** Tells the journal of write requests sent for `org` outside any change (a default site put back before the plan's writes). */
  watcherOf(org: string, control: string, target: string): WriteWatcher {
    const entryOf = (request: WriteRequest, outcome: WriteRequestOutcome, detail?: string): RequestEntry => ({
      trackingId: request.trackingId,
      request: `${request.method} ${request.path}`,
      purpose: request.purpose ?? 'write',
      control,
      target,
      outcome,
      ...(detail === undefined ? {} : { note: detail }),
    });
    return {
      sending: (request) => {
        if (!this.evidence) return Promise.resolve();
        if (this.failure) return Promise.reject(this.failure);
        const recorded = deferred();
        this.sendingQueue.push({ org, entry: entryOf(request, 'unknown', 'recorded before it was sent; its outcome follows when known'), recorded });
        this.schedule();
        return recorded.promise;
      },
      settled: (request, outcome, detail) => {
        if (!this.evidence || this.failure) return;
        this.requestQueue.push({ org, entry: entryOf(request, outcome, detail) });
        this.schedule();
      },
    };
  }

  writeStarted(change: Change): void {
    this.inFlight.add(change);
  }

  writeSettled(result: WriteResult): void {
    // Once recorded (as unknown by an interruption), an outcome is not recorded again.
    if (this.settled.has(result.change)) return;
    this.settled.add(result.change);
    this.inFlight.delete(result.change);
    this.results.push(result);
    if (this.closed) return;
    this.queue.push(result);
    this.schedule();
  }

  /** Every outcome known so far, in the order they became known. */
  outcomes(): readonly WriteResult[] {
    return this.results;
  }

  /** Writes sent whose outcome is not known yet. */
  writesInFlight(): Change[] {
    return [...this.inFlight];
  }

  /** Waits until every outcome known so far is in the log. */
  async flush(): Promise<void> {
    this.schedule();
    await this.appending;
    if (this.waiting() && !this.failure) await this.flush();
  }

  private waiting(): boolean {
    return this.queue.length > 0 || this.sendingQueue.length > 0 || this.requestQueue.length > 0;
  }

  /** The final `apply` record per org, after every write's outcome. */
  async finish(failure?: unknown): Promise<void> {
    await this.flush();
    this.closed = true;
    if (this.failure) throw this.failure;
    await this.evidence?.recordApply(this.client, this.plan, this.results, failure);
  }

  /**
   * The run is being stopped (signal or deadline): the writes in flight are recorded as `unknown`, the
   * log is flushed and each org gets an `apply` record saying why it stopped. Returns what was in flight.
   */
  async interrupt(reason: string): Promise<Change[]> {
    const inFlight = this.writesInFlight();
    this.abort.abort(new Error(reason));
    for (const change of inFlight) this.writeSettled({ change, outcome: 'unknown', error: `${reason} while the write was in flight` });
    await this.flush();
    this.closed = true;
    await this.evidence?.recordApply(this.client, this.plan, this.results, undefined, reason);
    return inFlight;
  }

  private schedule(): void {
    if (this.pending || !this.waiting() || !this.evidence) return;
    if (this.failure) {
      for (const { recorded } of this.sendingQueue.splice(0)) recorded.reject(this.failure);
      return;
    }
    this.pending = true;
    this.appending = this.appending.then(async () => {
      this.pending = false;
      // Requests about to be sent go first: each of them waits for this append.
      const sending = this.sendingQueue.splice(0);
      const requests = this.requestQueue.splice(0);
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        await this.append(batch, [...sending, ...requests]);
      } catch (error) {
        this.failure = new Error(`the evidence log could not be appended to, so no further write was started: ${(error as Error).message}`);
        this.abort.abort(this.failure);
        for (const { recorded } of sending) recorded.reject(this.failure);
        this.schedule();
        return;
      }
      for (const { recorded } of sending) recorded.resolve();
      if (this.waiting()) this.schedule();
    });
  }

  private async append(batch: readonly WriteResult[], requests: readonly { org: string; entry: RequestEntry }[]): Promise<void> {
    const orgs = [...new Set([...batch.map((r) => r.change.org), ...requests.map((r) => r.org)])];
    for (const org of orgs) {
      const results = batch.filter((r) => r.change.org === org);
      const entries = requests.filter((r) => r.org === org).map((r) => r.entry);
      const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
      await this.evidence!.record(
        org,
        {
          kind: 'apply-writes',
          changes: results.map(writeEvidence),
          details: { applied: count('applied'), failed: count('failed'), outcomeUnknown: count('unknown'), ...(entries.length > 0 ? { requests: entries } : {}) },
        },
        this.client,
      );
    }
  }
}

/**
 * One HTTP write request in the log: its TrackingID, method and path, what it was for (`write`: the
 * change's own; else e.g. `default-site switch`), the change's control and target, and its outcome.
 */
export interface RequestEntry {
  readonly trackingId: string;
  readonly request: string;
  readonly purpose: string;
  readonly control: string;
  readonly target: string;
  readonly outcome: WriteRequestOutcome;
  readonly note?: string;
}

interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A rejection nobody awaits (the request was abandoned) must not crash the process.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
