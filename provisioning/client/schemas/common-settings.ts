import { z } from 'zod';
import { optional } from './spec-optional';

/** `securityOptions.passwordCriteria` of GetMeetingConfigurationCommonSettingObject (webex-meeting.json). */
export const PasswordCriteriaResponseSchema = z.object({
  mixedCase: optional(z.boolean()),
  minLength: optional(z.number()),
  minNumeric: optional(z.number()),
  minAlpha: optional(z.number()),
  minSpecial: optional(z.number()),
  disallowDynamicWebText: optional(z.boolean()),
  disallowList: optional(z.boolean()),
  disallowValues: optional(z.array(z.string())),
});

export const SecurityOptionsResponseSchema = z.object({
  joinBeforeHost: optional(z.boolean()),
  audioBeforeHost: optional(z.boolean()),
  firstAttendeeAsPresenter: optional(z.boolean()),
  unlistAllMeetings: optional(z.boolean()),
  requireLoginBeforeAccess: optional(z.boolean()),
  allowMobileScreenCapture: optional(z.boolean()),
  requireStrongPassword: optional(z.boolean()),
  passwordCriteria: optional(PasswordCriteriaResponseSchema),
});

/** GET/PATCH /v1/admin/meeting/config/commonSettings response; only securityOptions is managed today. */
export const CommonSettingsSchema = z.object({
  securityOptions: optional(SecurityOptionsResponseSchema),
});
export type SecurityOptionsResponse = z.infer<typeof SecurityOptionsResponseSchema>;
