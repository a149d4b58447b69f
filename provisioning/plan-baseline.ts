import { z } from 'zod';
import { Org, OrgSettingsSchema, SiteSettingsSchema } from '../manifest';

/**
 * What a plan compares the declaration with to tell a change of the declaration from drift:
 * - `applied`: the declaration webex-iac last applied to each org, as recorded in the state folder;
 * - `manifest`: `plan --baseline <manifest>`, the declaration of the target branch.
 * A plan without one says the origin of each change is unknown; it never guesses.
 */
export type BaselineSource = 'applied' | 'manifest';

export const BaselineOrgSchema = z.strictObject({
  name: z.string(),
  /** The org-level settings as declared then; absent when they are not known (never applied as a whole). */
  settings: OrgSettingsSchema.optional(),
  /** Each site's settings as declared then; a site not listed is not covered. */
  sites: z.record(z.string(), SiteSettingsSchema),
});
export type BaselineOrg = z.infer<typeof BaselineOrgSchema>;

export const PlanBaselineSchema = z.strictObject({
  source: z.enum(['applied', 'manifest']),
  /** The orgs the baseline covers; an org not listed is not covered. */
  orgs: z.array(BaselineOrgSchema),
});
export type PlanBaseline = z.infer<typeof PlanBaselineSchema>;

/** The baseline of `plan --baseline`: every org, site and org-level setting the manifest declares is covered. */
export function baselineFromManifest(orgs: readonly Org[]): PlanBaseline {
  return {
    source: 'manifest',
    orgs: orgs.map((org) => ({ name: org.name, settings: org.settings, sites: Object.fromEntries(org.sites.map((site) => [site.siteUrl, site.settings])) })),
  };
}
