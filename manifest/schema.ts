import { z } from 'zod';
import { AttestationsSchema } from './attestations';
import { PolicyExceptionsSchema } from './exceptions';
import { AdminAccessSchema, InactiveAccountsSchema, MfaSchema, PasswordPolicySchema } from './org-controls';
import { checkExactFields, exactFieldsSchema } from './exact-fields';
import { constructPath, siteUrl } from './primitives';
import { TEMPLATE_SEQUENCE_RULE, WITHOUT_TEMPLATE_SEQUENCE } from './template-sequence';
import { EndToEndEncryptionSchema, HostLobbySchema } from './site-controls';

export * from './primitives';
export * from './exact-fields';
export * from './site-controls';
export * from './org-controls';
export * from './attestations';
export * from './exceptions';

/**
 * The manifest is the only contract between constructs/ (which write it) and policies/ and
 * provisioning/ (which read it). This zod schema is its single source of truth; the JSON Schema in
 * manifest/webex-manifest.schema.json is generated from it (`npm run schema`) and a test keeps the two
 * in step. Anyone can hand-write a manifest that satisfies it and run `webex-iac plan` on it.
 */
export const MANIFEST_FORMAT_VERSION = 1;

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

/** Settings declared for one Meetings site. */
export const SiteSettingsSchema = z
  .object({
    meetingSecurity: MeetingSecuritySchema.optional(),
    hostLobby: HostLobbySchema.optional(),
    endToEndEncryption: EndToEndEncryptionSchema.optional(),
  })
  .strict();
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;

export const SiteSchema = z
  .object({
    path: constructPath,
    siteUrl: siteUrl.describe('The Webex site, e.g. example.webex.com, as listed by GET /v1/meetingPreferences/sites.'),
    settings: SiteSettingsSchema,
  })
  .strict();
export type Site = z.infer<typeof SiteSchema>;

/** Org-level settings: write-only identity settings, account reviews and manual attestations. */
export const OrgSettingsSchema = z
  .object({
    passwordPolicy: PasswordPolicySchema.optional(),
    mfa: MfaSchema.optional(),
    adminAccess: AdminAccessSchema.optional(),
    inactiveAccounts: InactiveAccountsSchema.optional(),
    attestations: AttestationsSchema.optional(),
  })
  .strict();
export type OrgSettings = z.infer<typeof OrgSettingsSchema>;

export const OrgSchema = z
  .object({
    path: constructPath,
    name: z
      .string()
      .min(1)
      .regex(WITHOUT_TEMPLATE_SEQUENCE, `an org display name ${TEMPLATE_SEQUENCE_RULE}`)
      .describe('The org display name as Webex reports it (GET /v1/organizations).'),
    orgId: z
      .string()
      .min(1)
      .regex(WITHOUT_TEMPLATE_SEQUENCE, `a Webex org id ${TEMPLATE_SEQUENCE_RULE}`)
      .optional()
      .describe('The Webex org id; when absent the org is found by name.'),
    settings: OrgSettingsSchema,
    sites: z.array(SiteSchema),
    exceptions: PolicyExceptionsSchema.optional().describe('Accepted findings of policy rules, each with a reason, an owner and an expiry (see manifest/exceptions.ts).'),
  })
  .strict()
  .superRefine((org, ctx) => {
    const seen = new Set<string>();
    org.sites.forEach((site, i) => {
      if (seen.has(site.siteUrl)) {
        ctx.addIssue({ code: 'custom', path: ['sites', i, 'siteUrl'], message: `site ${site.siteUrl} is declared twice` });
      }
      seen.add(site.siteUrl);
    });
  });
export type Org = z.infer<typeof OrgSchema>;

export const ManifestSchema = z
  .object({
    formatVersion: z.literal(MANIFEST_FORMAT_VERSION),
    stack: z.string().min(1).describe('The cdktf stack that produced this manifest.'),
    orgs: z.array(OrgSchema).min(1, 'at least one org: a manifest without orgs declares nothing, so it can be neither compliant nor converged'),
  })
  .strict()
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    manifest.orgs.forEach((org, i) => {
      if (seen.has(org.name)) ctx.addIssue({ code: 'custom', path: ['orgs', i, 'name'], message: `org ${org.name} is declared twice` });
      seen.add(org.name);
    });
  });
export type Manifest = z.infer<typeof ManifestSchema>;
