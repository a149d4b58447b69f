/**
 * Readings of Cisco's spec where the real service's behaviour is not documented; a test picks one.
 *
 * `patchSiteUrl`: `PATCH /v1/admin/meeting/config/commonSettings` declares no `siteUrl`. `'ignored'`
 * (the literal reading, the default): the PATCH writes the caller's default site whatever the query
 * says. `'honoured'`: a `?siteUrl=` query parameter names the site, as it does for the GET; without
 * one, the caller's default site.
 */
export interface ServerBehaviour {
  readonly patchSiteUrl: PatchSiteUrlMode;
}

export const PATCH_SITE_URL_MODES = ['ignored', 'honoured'] as const;
export type PatchSiteUrlMode = (typeof PATCH_SITE_URL_MODES)[number];

export function isPatchSiteUrlMode(value: unknown): value is PatchSiteUrlMode {
  return (PATCH_SITE_URL_MODES as readonly unknown[]).includes(value);
}
