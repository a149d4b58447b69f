import { HostControlKey, isHostControl, isPreferenceControl, PreferenceControlKey, OrgSettings, SiteControlKey, SiteSettings, WriteOnlyControlKey } from '../../manifest';
import { endToEndEncryptionHandler } from './end-to-end-encryption';
import { HostSettingHandler } from './host-setting-handler';
import { hostLobbyHandler } from './host-lobby';
import { hostPreferencesHandler } from './host-preferences';
import { meetingSecurityHandler } from './meeting-security';
import { mfaHandler } from './mfa';
import { passwordPolicyHandler } from './password-policy';
import { scheduledMeetingLobbyHandler } from './scheduled-meeting-lobby';
import { SiteSettingHandler } from './setting-handler';
import { WriteOnlyHandler } from './write-only-handler';

/** Site settings managed once per site (the site's own configuration); the catalogue says which. */
type SiteWideKey = Exclude<SiteControlKey, HostControlKey>;
/** Site settings managed once per selected host of the site by a handler of their own. */
type PerHostKey = Exclude<HostControlKey, PreferenceControlKey>;
/** Org settings that Webex can write but not read. */
type WriteOnlyKey = WriteOnlyControlKey;

/**
 * Manifest key → handler, typed by the catalogue (manifest/catalogue.ts): a control added there does not
 * compile until its handler is added here (one line).
 */
export const SITE_SETTING_HANDLERS: { readonly [K in SiteWideKey]: SiteSettingHandler<NonNullable<SiteSettings[K]>> } = {
  meetingSecurity: meetingSecurityHandler,
};

/**
 * Manifest site-setting key → its per-host handler. Controls of meeting-preference flags
 * (`PREFERENCE_CONTROL_KEYS`) need no line: their handler is made from their catalogue entry.
 */
export const HOST_SETTING_HANDLERS: { readonly [K in PerHostKey]: HostSettingHandler<NonNullable<SiteSettings[K]>> } = {
  hostLobby: hostLobbyHandler,
  endToEndEncryption: endToEndEncryptionHandler,
  scheduledMeetingLobby: scheduledMeetingLobbyHandler,
};

/** Manifest org-setting key → its write-only handler. */
export const WRITE_ONLY_HANDLERS: { readonly [K in WriteOnlyKey]: WriteOnlyHandler<NonNullable<OrgSettings[K]>> } = {
  passwordPolicy: passwordPolicyHandler,
  mfa: mfaHandler,
};

export function isHostSetting(setting: string): boolean {
  return isHostControl(setting);
}

export function siteHandler(setting: string): SiteSettingHandler<unknown> {
  const handler = (SITE_SETTING_HANDLERS as Record<string, SiteSettingHandler<unknown>>)[setting];
  if (!handler) throw new Error(`no handler for site setting ${setting}`);
  return handler;
}

const preferenceHandlers = new Map<string, HostSettingHandler<unknown>>();

export function hostHandler(setting: string): HostSettingHandler<unknown> {
  if (isPreferenceControl(setting)) {
    if (!preferenceHandlers.has(setting)) preferenceHandlers.set(setting, hostPreferencesHandler(setting) as HostSettingHandler<never> as HostSettingHandler<unknown>);
    return preferenceHandlers.get(setting)!;
  }
  const handler = (HOST_SETTING_HANDLERS as Record<string, HostSettingHandler<unknown>>)[setting];
  if (!handler) throw new Error(`no per-host handler for site setting ${setting}`);
  return handler;
}

export function writeOnlyHandler(setting: string): WriteOnlyHandler<unknown> {
  const handler = (WRITE_ONLY_HANDLERS as Record<string, WriteOnlyHandler<unknown>>)[setting];
  if (!handler) throw new Error(`no write-only handler for org setting ${setting}`);
  return handler;
}
