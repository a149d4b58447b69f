import { z } from 'zod';
import { OrgSettingsSchema, SiteSettingsSchema } from '../../manifest';

/**
 * The declaration last applied to an org, kept in its state file so that a later plan can tell a change
 * of the declaration from drift. Recorded per part, since an apply may cover one site (`--site`) or a
 * shard: the org-level settings when they were applied, and each applied site. The write-only settings
 * (password policy, MFA) are left out: their record is the hash of what was enforced, never the values.
 */
export const AppliedDeclarationSchema = z.strictObject({
  org: z.strictObject({ appliedAt: z.string(), settings: OrgSettingsSchema }).optional(),
  sites: z.record(z.string(), z.strictObject({ appliedAt: z.string(), settings: SiteSettingsSchema })),
});
export type AppliedDeclaration = z.infer<typeof AppliedDeclarationSchema>;
