import { z } from 'zod';
import { ORG_CONTROLS, SITE_CONTROLS, settingsShape } from './catalogue';
import { PolicyExceptionsSchema } from './exceptions';
import { constructPath, siteUrl } from './primitives';
import { TEMPLATE_SEQUENCE_RULE, WITHOUT_TEMPLATE_SEQUENCE } from './template-sequence';

export * from './primitives';
export * from './exact-fields';
export * from './site-controls';
export * from './org-controls';
export * from './attestations';
export * from './exceptions';
export * from './meeting-security';
export * from './catalogue';
export * from './host-preferences';
export * from './direction';

/**
 * The manifest is the only contract between constructs/ (which write it) and policies/ and
 * provisioning/ (which read it). This zod schema is its single source of truth; the JSON Schema in
 * manifest/webex-manifest.schema.json is generated from it (`npm run schema`) and a test keeps the two
 * in step. Anyone can hand-write a manifest that satisfies it and run `webex-iac plan` on it.
 */
export const MANIFEST_FORMAT_VERSION = 1;

/** Settings declared for one Meetings site: one optional entry per site or per-host control of the catalogue. */
export const SiteSettingsSchema = z.object(settingsShape(SITE_CONTROLS)).strict();
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;

export const SiteSchema = z
  .object({
    path: constructPath,
    siteUrl: siteUrl.describe('The Webex site, e.g. example.webex.com, as listed by GET /v1/meetingPreferences/sites.'),
    settings: SiteSettingsSchema,
  })
  .strict();
export type Site = z.infer<typeof SiteSchema>;

/** Org-level settings (write-only identity settings, account reviews, manual attestations), from the catalogue. */
export const OrgSettingsSchema = z.object(settingsShape(ORG_CONTROLS)).strict();
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
