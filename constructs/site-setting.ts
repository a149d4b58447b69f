import { IConstruct } from 'constructs';
import { SiteSettings } from '../manifest/schema';

/** A key of a site's manifest settings (`meetingSecurity`, and the site controls to come). */
export type SiteSettingKey = keyof SiteSettings;

/** The manifest entry of one site setting. */
export type SiteSettingEntry<K extends SiteSettingKey = SiteSettingKey> = NonNullable<SiteSettings[K]>;

const SITE_SETTING = Symbol.for('webex-iac/SiteSetting');

/**
 * A construct, created directly in a MeetingSite, that declares one key of the site's settings
 * explicitly. An explicit setting always wins over what a HipaaBaseline would declare for that key.
 */
export interface ISiteSetting<K extends SiteSettingKey = SiteSettingKey> extends IConstruct {
  readonly siteSettingKey: K;
  /** The manifest entry, whose `path` is this construct's path. */
  renderSiteSetting(): SiteSettingEntry<K>;
}

/** Marks `construct` as a site setting; call it in the constructor of each ISiteSetting. */
export function markSiteSetting(construct: ISiteSetting): void {
  Object.defineProperty(construct, SITE_SETTING, { value: true });
}

export function isSiteSetting(x: unknown): x is ISiteSetting {
  return x !== null && typeof x === 'object' && SITE_SETTING in x;
}
