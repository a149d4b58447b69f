import { z } from 'zod';
import { checkNoRepeats, constructPath, email } from './primitives';

/** Cisco's ranges for the org password policy (PATCH /identity/organizations/{orgId}/passwordPolicy). */
export const PASSWORD_POLICY_LIMITS = {
  minimumLength: { min: 8, max: 256 },
  historyCount: { min: 1, max: 5 },
  maxPasswordAgeDays: { min: 90, max: 1825 },
} as const;

const count = z.number().int().min(0).max(PASSWORD_POLICY_LIMITS.minimumLength.max);

/**
 * The org password policy for Webex-managed (non-SSO) passwords. Webex requires every field but
 * `notAcceptableStrings` in each PATCH, so all are declared. Write-only: there is no GET.
 */
export const PasswordPolicySchema = z
  .object({
    path: constructPath,
    minimumLength: z.number().int().min(PASSWORD_POLICY_LIMITS.minimumLength.min).max(PASSWORD_POLICY_LIMITS.minimumLength.max),
    minimumNumeric: count,
    minimumCapAlpha: count,
    minimumLowAlpha: count,
    minimumSpecial: count,
    historyCount: z.number().int().min(PASSWORD_POLICY_LIMITS.historyCount.min).max(PASSWORD_POLICY_LIMITS.historyCount.max),
    maxPasswordAgeDays: z
      .number()
      .int()
      .min(PASSWORD_POLICY_LIMITS.maxPasswordAgeDays.min)
      .max(PASSWORD_POLICY_LIMITS.maxPasswordAgeDays.max)
      .describe('Days after which a password expires (Webex field maxPasswordAge).'),
    notAcceptableStrings: z
      .array(z.string().min(1).regex(/^[^,]+$/, 'a string without commas (Webex joins the list with commas)'))
      .optional()
      .describe('Passwords that are refused (Webex field notAcceptableStrings, sent comma-separated).'),
  })
  .strict()
  .superRefine((value, ctx) => {
    const minimums = value.minimumNumeric + value.minimumCapAlpha + value.minimumLowAlpha + value.minimumSpecial;
    if (minimums > value.minimumLength) {
      ctx.addIssue({ code: 'custom', path: ['minimumLength'], message: `minimumLength must be at least the sum of the character minimums (${minimums}), or no password could satisfy the policy` });
    }
    checkNoRepeats(value.notAcceptableStrings, ['notAcceptableStrings'], ctx, 'notAcceptableStrings');
  });
export type PasswordPolicy = z.infer<typeof PasswordPolicySchema>;

/**
 * Org-wide multi-factor authentication (PATCH /identity/organizations/{orgId}/authenticationConfig
 * `mfaEnabled`; write-only). `reportUsersWithoutMfa` also lists, as findings, the users whose SCIM
 * record says MFA is off, where Webex exposes it.
 */
export const MfaSchema = z
  .object({
    path: constructPath,
    mfaEnabled: z.boolean(),
    reportUsersWithoutMfa: z.boolean().optional().describe('Default false.'),
  })
  .strict();
export type Mfa = z.infer<typeof MfaSchema>;

/**
 * Who may hold admin roles (GET /v1/roles, GET /v1/people?roles=). Anyone else holding one is a finding;
 * with `revokeUnexpected` the plan revokes their admin roles (PUT /v1/people/{id}, full body).
 */
export const AdminAccessSchema = z
  .object({
    path: constructPath,
    allowedAdmins: z.array(email).describe('Emails of the people allowed to hold any admin role.'),
    maxFullAdmins: z.number().int().min(1).optional().describe('At most this many Full Administrators; more is a finding.'),
    revokeUnexpected: z.boolean().optional().describe('Revoke the admin roles of anyone not in allowedAdmins. Default false: findings only.'),
  })
  .strict()
  .superRefine((value, ctx) => checkNoRepeats(value.allowedAdmins, ['allowedAdmins'], ctx, 'allowedAdmins'));
export type AdminAccess = z.infer<typeof AdminAccessSchema>;

/**
 * Accounts with no activity for `inactiveDays` (GET /v1/people `lastActivity`). Each is a finding; with
 * `deactivate` the plan turns their login off (PUT /v1/people/{id} `loginEnabled: false`, full body).
 */
export const InactiveAccountsSchema = z
  .object({
    path: constructPath,
    inactiveDays: z.number().int().min(1).max(3650),
    exemptEmails: z.array(email).optional(),
    deactivate: z.boolean().optional().describe('Turn the login of inactive accounts off. Default false: findings only.'),
  })
  .strict()
  .superRefine((value, ctx) => checkNoRepeats(value.exemptEmails, ['exemptEmails'], ctx, 'exemptEmails'));
export type InactiveAccounts = z.infer<typeof InactiveAccountsSchema>;
