import { WebexApiError, WriteOutcomeUnknownError } from './client/errors';
import { Change, FieldValues } from './plan';

/**
 * What became of one write, as far as Webex let us know: `applied` (Webex accepted it; `verified` says
 * whether reading back confirmed it), `failed` (Webex refused it: nothing changed), or `unknown` (it was
 * sent and no usable answer came: it may or may not have reached the org).
 */
export type WriteOutcome = 'applied' | 'failed' | 'unknown';

export interface WriteResult {
  readonly change: Change;
  readonly outcome: WriteOutcome;
  readonly trackingId?: string;
  /** Values read back (or, for a write-only setting, echoed by the PATCH response). */
  readonly readBack?: FieldValues;
  /** True when the values read back match what was written. */
  readonly verified?: boolean;
  /** One line: why the write failed, or what is not known about it. */
  readonly error?: string;
}

/**
 * How a write that threw ended: Webex answered with an error status it does not apply writes with
 * (4xx, 429, 503) → `failed`; no answer, or an answer that may come after the write took effect (500,
 * 502, 504, an unreadable 2xx) → `unknown`.
 */
export function outcomeOfWriteError(error: unknown): WriteOutcome {
  if (error instanceof WriteOutcomeUnknownError) return 'unknown';
  if (error instanceof WebexApiError) return error.status < 500 || error.status === 503 ? 'failed' : 'unknown';
  return 'unknown';
}

/** The trackingId an error carries, if any. */
export function trackingIdOf(error: unknown): string | undefined {
  const id = (error as { trackingId?: unknown } | undefined)?.trackingId;
  return typeof id === 'string' ? id : undefined;
}
