import { WebexClient } from '../client/webex-client';
import { Change, Plan } from '../plan';
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
 * - at the end, the `apply` record (evidence-recorder.ts), or after an interruption the writes still in
 *   flight as `unknown` and an `apply` record saying so.
 * If the log cannot be appended to, `failure` is set and no further write should start (fail closed).
 */
export class ApplyJournal {
  private readonly inFlight = new Set<Change>();
  private readonly settled = new Set<Change>();
  private readonly results: WriteResult[] = [];
  private queue: WriteResult[] = [];
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
    if (this.queue.length > 0) await this.flush();
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
    if (this.pending || this.queue.length === 0 || !this.evidence || this.failure) return;
    this.pending = true;
    this.appending = this.appending.then(async () => {
      this.pending = false;
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        await this.append(batch);
      } catch (error) {
        this.failure = new Error(`the evidence log could not be appended to, so no further write was started: ${(error as Error).message}`);
        this.abort.abort(this.failure);
        return;
      }
      if (this.queue.length > 0) this.schedule();
    });
  }

  private async append(batch: readonly WriteResult[]): Promise<void> {
    const byOrg = new Map<string, WriteResult[]>();
    for (const result of batch) byOrg.set(result.change.org, [...(byOrg.get(result.change.org) ?? []), result]);
    for (const [org, results] of byOrg) {
      const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
      await this.evidence!.record(
        org,
        { kind: 'apply-writes', changes: results.map(writeEvidence), details: { applied: count('applied'), failed: count('failed'), outcomeUnknown: count('unknown') } },
        this.client,
      );
    }
  }
}
