import { z } from 'zod';
import { optional } from './spec-optional';

/**
 * Identity endpoints (https://webexapis.com/identity/...). The two PATCH operations are not in the spec
 * copies of test/fixtures (WEBEX-API.md §2.6–2.7, source S3): these schemas follow that description and
 * the `PasswordPolicyResponse` / `AuthenticationConfigResponse` components that the copies do hold.
 */

export const PASSWORD_POLICY_SCHEMA_URN = 'urn:cisco:codev:identity:idbroker:pwdpolicy:schemas:1.0';
export const AUTHENTICATION_CONFIG_SCHEMA_URN = 'urn:cisco:codev:identity:idbroker:authnconfig:schemas:1.0';

/** `PasswordPolicyResponse`: every field a string. */
export const PasswordPolicyResponseSchema = z.object({
  minimumNumeric: optional(z.string()),
  minimumCapAlpha: optional(z.string()),
  minimumLowAlpha: optional(z.string()),
  minimumSpecial: optional(z.string()),
  minimumLength: optional(z.string()),
  historyCount: optional(z.string()),
  maxPasswordAge: optional(z.string()),
  notAcceptableStrings: optional(z.string()),
});

/** `AuthenticationConfigResponse`, with `mfaEnabled` as S3 returns it. */
export const AuthenticationConfigResponseSchema = z.object({
  schemas: optional(z.array(z.string())),
  mfaEnabled: optional(z.boolean()),
  LockoutDuration: optional(z.number()),
  LockoutDurationMultiplier: optional(z.number()),
  LockoutFailureCount: optional(z.number()),
  LockoutFailureDuration: optional(z.number()),
  RememberMyLoginId: optional(z.boolean()),
  RememberMyLoginIdDuration: optional(z.number()),
});

/** The Cisco extension of a SCIM user, where Webex may expose the per-user `mfaEnabled`. */
export const WEBEX_IDENTITY_USER_EXTENSION = 'urn:scim:schemas:extension:cisco:webexidentity:2.0:User';

/** `SearchGetUserResponse`, the parts the MFA report needs; every other field is ignored. */
export const ScimUserSchema = z.object({
  id: z.string(),
  userName: z.string(),
  active: optional(z.boolean()),
  emails: optional(z.array(z.object({ value: z.string().optional(), primary: z.boolean().optional() }))),
  [WEBEX_IDENTITY_USER_EXTENSION]: optional(z.looseObject({ mfaEnabled: z.boolean().optional() })),
});
export type ScimUser = z.infer<typeof ScimUserSchema>;

/** `SearchUserResponse`: GET /identity/scim/{orgId}/v2/Users, paged by `startIndex` (1-based) and `count`. */
export const ScimUserListSchema = z.object({
  totalResults: optional(z.number()),
  itemsPerPage: optional(z.number()),
  startIndex: optional(z.number()),
  Resources: optional(z.array(ScimUserSchema)),
});
