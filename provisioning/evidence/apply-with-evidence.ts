import { AppliedChange, ApplyOptions, applyPlan } from '../applier';
import { WebexClient } from '../client/webex-client';
import { Plan } from '../plan';
import { ApplyJournal } from './apply-journal';
import { EvidenceRecorder } from './evidence-recorder';

export interface ApplyWithEvidenceOptions extends ApplyOptions {
  /** Receives the run's journal before the first write, so that a signal handler can record what is in flight. */
  readonly onJournal?: (journal: ApplyJournal) => void;
}

/**
 * `applyPlan` with its evidence kept as it happens (apply-journal.ts): each write's outcome is appended
 * the moment it is known, and the `apply` record per org comes at the end, also when a change failed.
 */
export async function applyPlanWithEvidence(client: WebexClient, plan: Plan, evidence: EvidenceRecorder | undefined, options: ApplyWithEvidenceOptions = {}): Promise<AppliedChange[]> {
  const journal = new ApplyJournal(evidence, client, plan);
  options.onJournal?.(journal);
  await journal.begin();
  const signals = [journal.signal, ...(options.signal ? [options.signal] : [])];
  let result: AppliedChange[];
  try {
    result = await applyPlan(client, plan, {
      ...options,
      signal: AbortSignal.any(signals),
      watchWrites: (change) => journal.watcherFor(change),
      onWriteStarted: (change) => {
        journal.writeStarted(change);
        options.onWriteStarted?.(change);
      },
      onWriteSettled: (outcome) => {
        journal.writeSettled(outcome);
        options.onWriteSettled?.(outcome);
      },
    });
  } catch (error) {
    if (journal.failure) throw journal.failure;
    try {
      await journal.finish(error);
    } catch (recordError) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}; and the evidence of the writes could not be recorded in full: ${(recordError as Error).message}`);
    }
    throw error;
  }
  await journal.finish();
  return result;
}
