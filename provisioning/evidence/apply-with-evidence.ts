import { AppliedChange, ApplyOptions, applyPlan } from '../applier';
import { WebexClient } from '../client/webex-client';
import { Plan } from '../plan';
import { EvidenceRecorder } from './evidence-recorder';

/**
 * `applyPlan`, then an `apply` record per org. When a change fails, the changes already written are still
 * recorded (with their trackingIds) before the error goes on: evidence of a partial apply is not lost.
 */
export async function applyPlanWithEvidence(client: WebexClient, plan: Plan, evidence: EvidenceRecorder | undefined, options: ApplyOptions = {}): Promise<AppliedChange[]> {
  if (!evidence) return applyPlan(client, plan, options);
  const applied: AppliedChange[] = [];
  let result: AppliedChange[];
  try {
    result = await applyPlan(client, plan, {
      ...options,
      onApplied: (change) => {
        applied.push(change);
        options.onApplied?.(change);
      },
    });
  } catch (error) {
    try {
      await evidence.recordApply(client, plan, applied, error);
    } catch (recordError) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}; and the evidence of ${applied.length} change(s) already written could not be recorded: ${(recordError as Error).message}`);
    }
    throw error;
  }
  await evidence.recordApply(client, plan, result);
  return result;
}
