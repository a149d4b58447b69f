import { z } from 'zod';

/**
 * Identity endpoints (https://webexapis.com/identity/...). The two PATCH operations are not in the spec
 * copies of test/fixtures (WEBEX-API.md §2.6–2.7, source S3): these schemas follow that description and
 * the `PasswordPolicyResponse` / `AuthenticationConfigResponse` components that the copies do hold.
 */

export const PASSWORD_POLICY_SCHEMA_URN = 'urn:cisco:codev:identity:idbroker:pwdpolicy:schemas:1.0';
export const AUTHENTICATION_CONFIG_SCHEMA_URN = 'urn:cisco:codev:identity:idbroker:authnconfig:schemas:1.0';

/** `PasswordPolicyResponse`: every field a string. */
export const PasswordPolicyResponseSchema = z.object({
  minimumNumeric: z.string().optional(),
  minimumCapAlpha: z.string().optional(),
  minimumLowAlpha: z.string().optional(),
  minimumSpecial: z.string().optional(),
  minimumLength: z.string().optional(),
  historyCount: z.string().optional(),
  maxPasswordAge: z.string().optional(),
  notAcceptableStrings: z.string().optional(),
});

/** `AuthenticationConfigResponse`, with `mfaEnabled` as S3 returns it. */
export const AuthenticationConfigResponseSchema = z.object({
  schemas: z.array(z.string()).optional(),
  mfaEnabled: z.boolean().optional(),
  LockoutDuration: z.number().optional(),
  LockoutDurationMultiplier: z.number().optional(),
  LockoutFailureCount: z.number().optional(),
  LockoutFailureDuration: z.number().optional(),
  RememberMyLoginId: z.boolean().optional(),
  RememberMyLoginIdDuration: z.number().optional(),
});

/** The Cisco extension of a SCIM user, where Webex may expose the per-user `mfaEnabled`. */
export const WEBEX_IDENTITY_USER_EXTENSION = 'urn:scim:schemas:extension:cisco:webexidentity:2.0:User';

/** `SearchGetUserResponse`, the parts the MFA report needs; every other field is ignored. */
export const ScimUserSchema = z.object({
  id: z.string(),
  userName: z.string(),
  active: z.boolean().optional(),
  emails: z.array(z.object({ value: z.string().optional(), primary: z.boolean().optional() })).optional(),
  [WEBEX_IDENTITY_USER_EXTENSION]: z.looseObject({ mfaEnabled: z.boolean().optional() }).optional(),
});
export type ScimUser = z.infer<typeof ScimUserSchema>;

/** `SearchUserResponse`: GET /identity/scim/{orgId}/v2/Users, paged by `startIndex` (1-based) and `count`. */
export const ScimUserListSchema = z.object({
  totalResults: z.number().optional(),
  itemsPerPage: z.number().optional(),
  startIndex: z.number().optional(),
  Resources: z.array(ScimUserSchema).optional(),
});
