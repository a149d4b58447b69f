import { SiteSettings } from '../../manifest';
import { meetingSecurityHandler } from './meeting-security';
import { SiteSettingHandler } from './setting-handler';

/** Manifest site-setting key → its handler. A new control adds one line here. */
export const SITE_SETTING_HANDLERS: { readonly [K in keyof Required<SiteSettings>]: SiteSettingHandler<NonNullable<SiteSettings[K]>> } = {
  meetingSecurity: meetingSecurityHandler,
};

export function siteHandler(setting: string): SiteSettingHandler<unknown> {
  const handler = (SITE_SETTING_HANDLERS as Record<string, SiteSettingHandler<unknown>>)[setting];
  if (!handler) throw new Error(`no handler for site setting ${setting}`);
  return handler;
}
