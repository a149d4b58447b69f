import { z } from 'zod';

/** `securityOptions.passwordCriteria` of GetMeetingConfigurationCommonSettingObject (webex-meeting.json). */
export const PasswordCriteriaResponseSchema = z.object({
  mixedCase: z.boolean().optional(),
  minLength: z.number().optional(),
  minNumeric: z.number().optional(),
  minAlpha: z.number().optional(),
  minSpecial: z.number().optional(),
  disallowDynamicWebText: z.boolean().optional(),
  disallowList: z.boolean().optional(),
  disallowValues: z.array(z.string()).optional(),
});

export const SecurityOptionsResponseSchema = z.object({
  joinBeforeHost: z.boolean().optional(),
  audioBeforeHost: z.boolean().optional(),
  firstAttendeeAsPresenter: z.boolean().optional(),
  unlistAllMeetings: z.boolean().optional(),
  requireLoginBeforeAccess: z.boolean().optional(),
  allowMobileScreenCapture: z.boolean().optional(),
  requireStrongPassword: z.boolean().optional(),
  passwordCriteria: PasswordCriteriaResponseSchema.optional(),
});

/** GET/PATCH /v1/admin/meeting/config/commonSettings response; only securityOptions is managed today. */
export const CommonSettingsSchema = z.object({
  securityOptions: SecurityOptionsResponseSchema.optional(),
});
export type SecurityOptionsResponse = z.infer<typeof SecurityOptionsResponseSchema>;
