import { untrusted, Untrusted } from '../manifest/text';
import { WriteOutcomeUnknownError } from './client/errors';
import { WebexClient } from './client/webex-client';
import { forEachConcurrent, mapConcurrent, taskFanOut } from './concurrency';
import { changedField, changedSincePlan, writeNotVerified } from './plan-errors';
import { sameValue } from './field-values';
import { shownValue } from './never-printed';
import { ApplyContext, applyTarget } from './apply-targets';
import { Change, FieldValues, Plan } from './plan';
import { metered, OrgMeter, RunProgress } from './run-progress';
import { assertWritableFolder } from './state/writable-folder';
import { recordEnforcement, stateDirFrom } from './state/enforcement-state';
import { outcomeOfWriteError, trackingIdOf, WriteResult } from './write-result';
import { bothWatchers, WriteRequest, WriteRequestOutcome, WriteWatcher, watchWrites } from './client/write-watch';

export interface AppliedChange {
  readonly change: Change;
  /** Webex trackingId of the write, for the evidence log and Cisco support. */
  readonly trackingId: string;
  /**
   * Values read back after the write; equal to `change.after` on success. For a write-only setting,
   * what the PATCH response echoed: the only read-back Webex offers.
   */
  readonly readBack: FieldValues;
  /** Fields of a write-only change that Webex's response did not echo, so could not be verified. */
  readonly unverifiedFields?: string[];
  /** `answer`: verified by Webex's answer to the write (the object as stored), not by a second read. */
  readonly verifiedBy?: 'answer';
}

export interface ApplyOptions {
  /** Called after each change is written and verified (in completion order). */
  readonly onApplied?: (applied: AppliedChange) => void;
  /** Folder of the write-only state files. @default WEBEX_IAC_STATE_DIR, else .webex-iac/state */
  readonly stateDir?: string;
  /**
   * Targets re-read and written at once. HTTP concurrency is the client's scheduler's, not this.
   * @default taskFanOut(client) (provisioning/concurrency.ts)
   */
  readonly concurrency?: number;
  /** Where each org's re-reads (`check`) and writes (`apply`) report progress. @default none */
  readonly progress?: RunProgress;
  /** Called just before a change's write is sent (for the evidence journal: what is in flight). */
  readonly onWriteStarted?: (change: Change) => void;
  /** Called once per write sent, as soon as its outcome is known: applied, failed or unknown. */
  readonly onWriteSettled?: (result: WriteResult) => void;
  /** Once aborted, no further write is started (writes in flight finish and are recorded). */
  readonly signal?: AbortSignal;
  /** Told of every HTTP write request sent for a change, before it is sent and when its outcome is known (the evidence journal). */
  readonly watchWrites?: (change: Change) => WriteWatcher | undefined;
}

/**
 * Executes a plan: re-reads every target first and refuses the whole plan, writing nothing, if any value
 * it was planned from has changed; then writes each change and reads it back (or, for a full-body PUT,
 * takes Webex's answer, which is the object as stored). A write that did not stick is an error, never a success. Changes to one target run in plan order (two full-body PUTs of a person
 * must not race); different targets run concurrently, bounded. A write-only setting cannot be re-read:
 * it is checked against its PATCH response and recorded in the state folder.
 */
export async function applyPlan(client: WebexClient, plan: Plan, options: ApplyOptions = {}): Promise<AppliedChange[]> {
  const context = new ApplyContext(client);
  // A write-only setting is known only from the state file: if it cannot be written, send nothing.
  const stateDir = options.stateDir ?? stateDirFrom();
  if (plan.changes.some((change) => change.writeOnly)) assertWritableFolder(stateDir, 'the state folder');
  const fanOut = options.concurrency ?? taskFanOut(client);
  const meters = phaseMeters(plan.changes, options.progress);
  const current = await mapConcurrent(plan.changes, (change) => {
    const meter = meters?.check.get(change.org);
    return metered(meter, async () => {
      const live = await applyTarget(context, change).read();
      meter?.step();
      return live;
    });
  }, fanOut);
  const stale: Untrusted[] = [];
  plan.changes.forEach((change, i) => {
    const live = current[i];
    if (live === undefined) return;
    for (const [field, planned] of Object.entries({ ...change.before, ...change.plannedFrom })) {
      if (!sameValue(live[field] ?? null, planned)) {
        stale.push(changedField(change, field, shownValue(field, planned), shownValue(field, live[field] ?? null)));
      }
    }
  });
  if (stale.length > 0) {
    throw changedSincePlan(stale);
  }

  const applied = new Array<AppliedChange | undefined>(plan.changes.length);
  const byTarget = new Map<string, number[]>();
  plan.changes.forEach((change, i) => byTarget.set(targetKey(change), [...(byTarget.get(targetKey(change)) ?? []), i]));
  let stopped = false;
  await forEachConcurrent(byTarget.values(), async (indexes) => {
    for (const i of indexes) {
      // After a failure elsewhere, or once aborted, no new write starts.
      if (stopped || options.signal?.aborted) return;
      const meter = meters?.apply.get(plan.changes[i]!.org);
      const result = await metered(meter, () => applyOne(context, plan.changes[i]!, { ...options, stateDir })).catch((error: unknown) => {
        stopped = true;
        throw error;
      });
      meter?.step();
      applied[i] = result;
      options.onApplied?.(result);
    }
    for (const i of indexes) context.release(plan.changes[i]!);
  }, fanOut);
  if (options.signal?.aborted) throw options.signal.reason instanceof Error ? options.signal.reason : new Error(`apply stopped: ${String(options.signal.reason)}`);
  return applied.filter((a): a is AppliedChange => a !== undefined);
}

/** Writes one change and reports its outcome exactly once, the moment it is known. */
async function applyOne(context: ApplyContext, change: Change, options: ApplyOptions): Promise<AppliedChange> {
  const settled: { result?: WriteResult } = {};
  const settle = (result: WriteResult) => {
    if (settled.result) return;
    settled.result = result;
    options.onWriteSettled?.(result);
  };
  options.onWriteStarted?.(change);
  const requests = new ChangeRequests();
  try {
    const applied = await watchWrites(bothWatchers(requests, options.watchWrites?.(change)), () => writeAndVerify(context, change, options, settle, requests));
    settle({ change, outcome: 'applied', trackingId: applied.trackingId, readBack: applied.readBack, verified: applied.unverifiedFields === undefined });
    return applied;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const applied = requests.appliedWrites();
    if (outcomeOfWriteError(error) === 'failed' && applied.length > 0) {
      // A change of several requests (a host's personal room, then scheduling options) whose first
      // request Webex applied before a later one was refused: partly applied, never "nothing changed".
      settle({ change, outcome: 'applied', trackingId: applied.join(', '), verified: false, error: `partly applied: ${message}` });
    } else {
      settle({ change, outcome: outcomeOfWriteError(error), trackingId: trackingIdOf(error), error: message });
    }
    throw error;
  }
}

/** The outcomes of the HTTP write requests one change sent, its own (purpose `write`) and auxiliary ones. */
class ChangeRequests implements WriteWatcher {
  private readonly outcomes: { request: WriteRequest; outcome: WriteRequestOutcome }[] = [];

  async sending(): Promise<void> {}

  settled(request: WriteRequest, outcome: WriteRequestOutcome): void {
    this.outcomes.push({ request, outcome });
  }

  /** TrackingIDs of the change's own requests that Webex answered as applied. */
  appliedWrites(): string[] {
    return this.outcomes.filter((o) => o.request.purpose === undefined && o.outcome === 'applied').map((o) => o.request.trackingId);
  }
}

async function writeAndVerify(context: ApplyContext, change: Change, options: ApplyOptions, settle: (result: WriteResult) => void, requests: ChangeRequests): Promise<AppliedChange> {
  const target = applyTarget(context, change);
  let trackingId: string;
  let echoed: FieldValues | undefined;
  let answeredValues: FieldValues | undefined;
  let answered = true;
  try {
    ({ trackingId, echoed, answered: answeredValues } = await target.write());
  } catch (error) {
    // The write may or may not have happened: find out by reading, never by writing again.
    if (!(error instanceof WriteOutcomeUnknownError) || change.writeOnly) throw error;
    trackingId = error.trackingId;
    answered = false;
  }
  const failed = (detail: string) => writeNotVerified(change, untrusted(detail), trackingId);

  if (change.writeOnly) {
    const readBack = echoed ?? {};
    const wrong = Object.entries(readBack).filter(([field]) => field in change.after).filter(([field, value]) => !sameValue(value, change.after[field]));
    if (wrong.length > 0) {
      const error = failed(`Webex answered with other values than were written: ${wrong.map(([f, v]) => `${f} is ${shownValue(f, v)}, expected ${shownValue(f, change.after[f])}`).join('; ')}`);
      settle({ change, outcome: 'applied', trackingId, readBack, verified: false, error: error.message });
      throw error;
    }
    if (change.target.kind !== 'org') throw failed('a write-only change must target the org');
    try {
      recordEnforcement(options.stateDir ?? stateDirFrom(), { orgId: change.target.orgId, name: change.org }, change.setting, change.after, trackingId);
    } catch (error) {
      // Webex took the write: the record says so, and that the state file lags behind.
      settle({ change, outcome: 'applied', trackingId, readBack, verified: true, error: `applied, but the state file was not updated: ${(error as Error).message}` });
      throw error;
    }
    const unverifiedFields = Object.keys(change.after).filter((field) => !(field in readBack));
    return { change, trackingId, readBack: pick(readBack, Object.keys(change.after).filter((f) => f in readBack)), ...(unverifiedFields.length > 0 ? { unverifiedFields } : {}) };
  }

  let readBack: FieldValues;
  // Webex's answer to the write, when it gave every written field, is the object as stored: no second read.
  const byAnswer = answeredValues !== undefined && Object.keys(change.after).every((field) => field in answeredValues!);
  try {
    readBack = byAnswer ? answeredValues! : ((await target.readBack()) ?? {});
  } catch (error) {
    // Webex answered the write: it reached the org, though it could not be read back. Unanswered and
    // unread, its outcome stays unknown (under the write's trackingId, not the read's).
    if (answered) settle({ change, outcome: 'applied', trackingId, verified: false, error: `written, but reading it back failed: ${(error as Error).message}` });
    else settle({ change, outcome: 'unknown', trackingId, error: `sent without an answer, and reading it back failed: ${(error as Error).message}` });
    throw error;
  }
  const missed = Object.entries(change.after).filter(([field, value]) => !sameValue(readBack[field], value));
  if (missed.length > 0) {
    const error = failed(`the write did not stick: ${missed.map(([f, v]) => `${f} is ${shownValue(f, readBack[f] ?? null)}, expected ${shownValue(f, v)}`).join('; ')}`);
    // Answered but not as written, or unanswered and not there: either way, what the org holds is what was read.
    // Unanswered, but an earlier request of the change was applied (the personal room before a lost
    // scheduling PUT): partly applied, recorded under the requests that were.
    const partly = answered ? [] : requests.appliedWrites();
    if (!answered && partly.length > 0) {
      settle({ change, outcome: 'applied', trackingId: partly.join(', '), readBack: pick(readBack, Object.keys(change.after)), verified: false, error: `partly applied: ${error.message}` });
      throw error;
    }
    settle({ change, outcome: answered ? 'applied' : 'failed', trackingId, readBack: pick(readBack, Object.keys(change.after)), verified: false, error: error.message });
    throw error;
  }
  return { change, trackingId, readBack: pick(readBack, Object.keys(change.after)), ...(byAnswer ? { verifiedBy: 'answer' as const } : {}) };
}

/** Each org's meters of both phases, with every change counted up front (a plan's targets are all known). */
function phaseMeters(changes: readonly Change[], progress: RunProgress | undefined): { check: Map<string, OrgMeter>; apply: Map<string, OrgMeter> } | undefined {
  if (progress === undefined) return undefined;
  const meters = { check: new Map<string, OrgMeter>(), apply: new Map<string, OrgMeter>() };
  for (const phase of ['check', 'apply'] as const) {
    for (const change of changes) {
      let meter = meters[phase].get(change.org);
      if (meter === undefined) {
        meter = progress.meter(change.org, phase);
        meter.complete = true;
        meters[phase].set(change.org, meter);
      }
      meter.found++;
    }
  }
  return meters;
}

/** Changes that write the same object must not run at once. */
function targetKey(change: Change): string {
  const t = change.target;
  switch (t.kind) {
    case 'site':
      return `site ${t.siteUrl}`;
    case 'org':
      return `org ${t.orgId} ${change.setting}`;
    default:
      return `person ${t.personId ?? t.email}`;
  }
}

function pick(values: FieldValues, fields: string[]): FieldValues {
  return Object.fromEntries(fields.map((f) => [f, values[f] ?? null]));
}
