import type { PolicyException } from '../manifest';
import { daysBetween, EXPIRING_DAYS } from './judge';
import type { Rule } from './rule';
import { findingId, siteOf, Target } from './subject';

/**
 * What an exception did in one evaluation. Every declared exception gets one, whether it suppressed
 * anything or not, so that every report lists every exception:
 * - `active`: within its expiry; suppresses the failing findings it matches (maybe none);
 * - `expired`: past its expiry; suppresses nothing, and the findings it matches say so;
 * - `refused`: its rule refuses exceptions; suppresses nothing;
 * - `unknown-rule`: names no rule of the pack; an error, since it can only be a mistake.
 */
export type ExceptionState = 'active' | 'expired' | 'refused' | 'unknown-rule';

export interface ExceptionOutcome {
  readonly exception: PolicyException;
  readonly state: ExceptionState;
  /** Findings suppressed (active) or that it would have suppressed (expired, refused), as `ruleId[finding]`. */
  readonly matched: string[];
  /** One line for reports. */
  readonly note: string;
}

/** Whether `exception` covers a finding on `target`: no scope, or its site, or exactly its finding id. */
export function exceptionCovers(exception: PolicyException, target: Target): boolean {
  if (exception.appliesTo === undefined) return true;
  return exception.appliesTo === findingId(target) || exception.appliesTo === siteOf(target);
}

/** The state of an exception on `today`, for a pack that holds `rule` (undefined: unknown rule). */
export function exceptionState(exception: PolicyException, rule: Rule | undefined, today: string): ExceptionState {
  if (rule === undefined) return 'unknown-rule';
  if (rule.exceptions !== undefined) return 'refused';
  return exception.expires < today ? 'expired' : 'active';
}

export function exceptionNote(exception: PolicyException, state: ExceptionState, rule: Rule | undefined, today: string, matched: number): string {
  const who = `owner ${exception.owner}, added at ${exception.path}`;
  switch (state) {
    case 'unknown-rule':
      return `names no rule of the pack (${who}): fix the rule id`;
    case 'refused':
      return `${exception.ruleId} refuses exceptions: ${rule!.exceptions!.refused} (${who})`;
    case 'expired':
      return `expired on ${exception.expires} and no longer suppresses anything (${who}): renew it or fix the findings`;
    case 'active': {
      const left = daysBetween(today, exception.expires);
      const soon = left <= EXPIRING_DAYS ? `; expires in ${left} day(s)` : '';
      return `valid until ${exception.expires}${soon} (${who}); ${matched === 0 ? 'matches no failing finding' : `suppresses ${matched} finding(s)`}`;
    }
  }
}

/** `WBX.MEET.1v1[example.webex.com]`, or the bare rule id for an org-level finding. */
export function findingLabel(ruleId: string, target: Target): string {
  const id = findingId(target);
  return id === undefined ? ruleId : `${ruleId}[${id}]`;
}
