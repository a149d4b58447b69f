import { WriteOutcomeUnknownError } from './client/errors';
import { WebexClient } from './client/webex-client';
import { PlanError, VerificationError } from './errors';
import { sameValue } from './field-values';
import { Change, describeTarget, FieldValues, Plan } from './plan';
import { siteHandler } from './settings/registry';

export interface AppliedChange {
  readonly change: Change;
  /** Webex trackingId of the write, for the evidence log and Cisco support. */
  readonly trackingId: string;
  /** Values read back after the write; always equal to `change.after` on success. */
  readonly readBack: FieldValues;
}

export interface ApplyOptions {
  /** Called after each change is written and verified. */
  readonly onApplied?: (applied: AppliedChange) => void;
}

/**
 * Executes a plan: re-reads every target first and refuses the whole plan, writing nothing, if any value
 * it was planned from has changed; then writes each change and reads it back. A write that did not stick
 * is an error, never a success.
 */
export async function applyPlan(client: WebexClient, plan: Plan, options: ApplyOptions = {}): Promise<AppliedChange[]> {
  const stale: string[] = [];
  for (const change of plan.changes) {
    const current = await readTarget(client, change);
    for (const [field, planned] of Object.entries(change.before)) {
      if (!sameValue(current[field] ?? null, planned)) {
        stale.push(`${change.org} ${describeTarget(change.target)} ${change.setting}.${field} was ${JSON.stringify(planned)} when planned, is now ${JSON.stringify(current[field] ?? null)}`);
      }
    }
  }
  if (stale.length > 0) {
    throw new PlanError(`the live org changed since the plan was made; nothing was written. Plan again. Changed: ${stale.join('; ')}`);
  }

  const applied: AppliedChange[] = [];
  for (const change of plan.changes) {
    const handler = siteHandler(change.setting);
    let trackingId: string;
    try {
      trackingId = await handler.write(client, siteUrlOf(change), change.after);
    } catch (error) {
      // The write may or may not have happened: find out by reading, never by writing again.
      if (!(error instanceof WriteOutcomeUnknownError)) throw error;
      trackingId = error.trackingId;
    }
    const readBack = await readTarget(client, change);
    const missed = Object.entries(change.after).filter(([field, value]) => !sameValue(readBack[field], value));
    if (missed.length > 0) {
      const detail = missed.map(([f, v]) => `${f} is ${JSON.stringify(readBack[f] ?? null)}, expected ${JSON.stringify(v)}`).join('; ');
      throw new VerificationError(`failed to apply ${change.setting} of ${describeTarget(change.target)} in ${change.org}: the write did not stick: ${detail} (trackingId ${trackingId})`);
    }
    const result = { change, trackingId, readBack: pick(readBack, Object.keys(change.after)) };
    applied.push(result);
    options.onApplied?.(result);
  }
  return applied;
}

function readTarget(client: WebexClient, change: Change): Promise<FieldValues> {
  return siteHandler(change.setting).read(client, siteUrlOf(change));
}

function siteUrlOf(change: Change): string {
  if (change.target.kind !== 'site') throw new Error(`${change.setting} targets a ${change.target.kind}, not a site`);
  return change.target.siteUrl;
}

function pick(values: FieldValues, fields: string[]): FieldValues {
  return Object.fromEntries(fields.map((f) => [f, values[f] ?? null]));
}
