import { z } from 'zod';
import { constructPath, isoDate } from './primitives';

/**
 * Policy exceptions: an accountable decision to accept a finding of one policy rule for a while. Each
 * names the rule, why (at least 10 characters), who owns the decision and until when it holds; it may be
 * narrowed to one site or one finding (`appliesTo`). An expired exception stops suppressing and every
 * report says so; every exception appears in every report; some rules refuse exceptions altogether.
 * The policy pack decides what an exception does (policies/exceptions.ts); the manifest only records it.
 */

/** `WBX.<AREA>.<n>v<version>`, e.g. `WBX.MEET.1v1`. */
export const POLICY_RULE_ID_PATTERN = /^WBX\.[A-Z]+\.\d+v\d+$/;

export const EXCEPTION_REASON_MIN_LENGTH = 10;

export const PolicyExceptionSchema = z
  .object({
    ruleId: z.string().regex(POLICY_RULE_ID_PATTERN, 'a policy rule id such as WBX.MEET.1v1'),
    reason: z
      .string()
      .min(EXCEPTION_REASON_MIN_LENGTH, `a reason of at least ${EXCEPTION_REASON_MIN_LENGTH} characters`)
      .refine((value) => value.trim().length >= EXCEPTION_REASON_MIN_LENGTH, `a reason of at least ${EXCEPTION_REASON_MIN_LENGTH} characters`)
      .describe('Why the finding is accepted, for the reviewer and the auditor.'),
    owner: z
      .string()
      .min(1, 'the accountable owner (a name or email)')
      .refine((value) => value.trim().length > 0, 'the accountable owner (a name or email)')
      .describe('Who owns the decision: a name or email.'),
    expires: isoDate.describe('The last day the exception holds (YYYY-MM-DD, UTC); after it the finding counts again.'),
    path: constructPath.describe('The construct the exception was added to.'),
    appliesTo: z
      .string()
      .min(1)
      .optional()
      .describe('Only this site (its siteUrl) or this finding (siteUrl/email for a host, an email for an account). Default: every finding of the rule in the org.'),
  })
  .strict();
export type PolicyException = z.infer<typeof PolicyExceptionSchema>;

/** An org's exceptions; one rule and scope can be excepted once (two expiries would be ambiguous). */
export const PolicyExceptionsSchema = z.array(PolicyExceptionSchema).superRefine((exceptions, ctx) => {
  const seen = new Set<string>();
  exceptions.forEach((exception, i) => {
    const key = `${exception.ruleId}\u0000${exception.appliesTo ?? ''}`;
    if (seen.has(key)) {
      const scope = exception.appliesTo === undefined ? 'the whole org' : exception.appliesTo;
      ctx.addIssue({ code: 'custom', path: [i], message: `${exception.ruleId} is excepted twice for ${scope}` });
    }
    seen.add(key);
  });
});
