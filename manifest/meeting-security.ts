import { z } from 'zod';
import { checkExactFields, exactFieldsSchema } from './exact-fields';
import { constructPath } from './primitives';

/** Cisco: each password-criteria minimum is "maximum value limit of 12". */
export const PASSWORD_CRITERIA_MAX = 12;

const criteriaMinimum = z
  .number()
  .int()
  .min(0)
  .max(PASSWORD_CRITERIA_MAX);

/** securityOptions.passwordCriteria of the site's common settings (webex-meeting.json). */
export const PasswordCriteriaSchema = z
  .object({
    mixedCase: z.boolean().optional(),
    minLength: criteriaMinimum.optional(),
    minNumeric: criteriaMinimum.optional(),
    minAlpha: criteriaMinimum.optional(),
    minSpecial: criteriaMinimum.optional(),
    disallowDynamicWebText: z.boolean().optional(),
    disallowList: z.boolean().optional(),
    disallowValues: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type PasswordCriteria = z.infer<typeof PasswordCriteriaSchema>;

/** The fields of a site's securityOptions webex-iac manages, as dotted names (as in plans and `exactFields`). */
export const MEETING_SECURITY_FIELDS = [
  'joinBeforeHost',
  'audioBeforeHost',
  'firstAttendeeAsPresenter',
  'unlistAllMeetings',
  'requireLoginBeforeAccess',
  'allowMobileScreenCapture',
  'requireStrongPassword',
  'passwordCriteria.mixedCase',
  'passwordCriteria.minLength',
  'passwordCriteria.minNumeric',
  'passwordCriteria.minAlpha',
  'passwordCriteria.minSpecial',
  'passwordCriteria.disallowDynamicWebText',
  'passwordCriteria.disallowList',
  'passwordCriteria.disallowValues',
] as const;

/**
 * The declared part of a site's securityOptions. Only declared fields are managed: a field left out is
 * never read into a diff and never written.
 */
export const MeetingSecuritySchema = z
  .object({
    path: constructPath,
    joinBeforeHost: z.boolean().optional(),
    audioBeforeHost: z.boolean().optional(),
    firstAttendeeAsPresenter: z.boolean().optional(),
    unlistAllMeetings: z.boolean().optional(),
    requireLoginBeforeAccess: z.boolean().optional(),
    allowMobileScreenCapture: z.boolean().optional(),
    requireStrongPassword: z.boolean().optional(),
    passwordCriteria: PasswordCriteriaSchema.optional(),
    exactFields: exactFieldsSchema(MEETING_SECURITY_FIELDS),
  })
  .strict()
  .superRefine((value, ctx) => {
    checkExactFields(value, value.exactFields, ctx);
    // Cisco: audioBeforeHost "can't be turned on when joinBeforeHost was false".
    if (value.audioBeforeHost === true && value.joinBeforeHost === false) {
      ctx.addIssue({ code: 'custom', path: ['audioBeforeHost'], message: 'audioBeforeHost cannot be true while joinBeforeHost is false' });
    }
    // Cisco: passwordCriteria "cannot be specified when requireStrongPassword was false".
    if (value.passwordCriteria !== undefined && value.requireStrongPassword === false) {
      ctx.addIssue({ code: 'custom', path: ['passwordCriteria'], message: 'passwordCriteria requires requireStrongPassword to be true' });
    }
    const values = value.passwordCriteria?.disallowValues ?? [];
    const repeated = values.filter((v, i) => values.indexOf(v) !== i);
    if (repeated.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['passwordCriteria', 'disallowValues'], message: `disallowValues must not repeat items, repeated: ${JSON.stringify([...new Set(repeated)])}` });
    }
  });
export type MeetingSecurity = z.infer<typeof MeetingSecuritySchema>;

