/** Values of defaultSchedulerOptions.entryAndExitTone in Cisco's spec. */
export const ENTRY_AND_EXIT_TONES = ['NoTone', 'Beep', 'AnnounceName'] as const;
/** Values of defaultSchedulerOptions.telephonySupport in Cisco's spec. */
export const TELEPHONY_SUPPORT = ['None', 'WebexTeleconferencing', 'Other'] as const;
/** Cisco: each password-criteria minimum has a "maximum value limit of 12". */
export const PASSWORD_CRITERIA_MINIMUM_LIMIT = 12;

export interface PasswordCriteria {
  mixedCase: boolean;
  minLength: number;
  minNumeric: number;
  minAlpha: number;
  minSpecial: number;
  disallowDynamicWebText: boolean;
  disallowList: boolean;
  disallowValues: string[];
}

export interface SecurityOptions {
  joinBeforeHost: boolean;
  audioBeforeHost: boolean;
  firstAttendeeAsPresenter: boolean;
  unlistAllMeetings: boolean;
  requireLoginBeforeAccess: boolean;
  allowMobileScreenCapture: boolean;
  requireStrongPassword: boolean;
  passwordCriteria: PasswordCriteria;
}

/** Set by Webex's super admin; read-only through the API. */
export interface TelephonyConfig {
  allowCallIn: boolean;
  allowCallBack: boolean;
  allowOtherTeleconf: boolean;
  allowTollFreeCallin: boolean;
  allowInternationalCallin: boolean;
  allowInternationalCallback: boolean;
  VoIP: boolean;
}

export interface DefaultSchedulerOptions {
  entryAndExitTone: (typeof ENTRY_AND_EXIT_TONES)[number];
  joinTeleconfNotPress1: boolean;
  telephonySupport: (typeof TELEPHONY_SUPPORT)[number];
  tollFree: boolean;
  VoIP: boolean;
}

/** A site's meeting common settings (schema `GetMeetingConfigurationCommonSettingObject`, webex-meeting.json). */
export interface CommonSettings {
  siteOptions: { allowCustomPersonalRoomURL: boolean };
  telephonyConfig: TelephonyConfig;
  defaultSchedulerOptions: DefaultSchedulerOptions;
  scheduleMeetingOptions: { emailReminders: boolean };
  securityOptions: SecurityOptions;
}

/**
 * A validated PATCH body (schema `UpdateMeetingConfigurationCommonSettingObject`): every object is
 * optional and partial, except that defaultSchedulerOptions, when sent, carries entryAndExitTone and
 * telephonySupport. telephonyConfig is not updatable.
 */
export interface CommonSettingsUpdate {
  siteOptions?: Partial<CommonSettings['siteOptions']>;
  defaultSchedulerOptions?: Partial<DefaultSchedulerOptions> &
    Pick<DefaultSchedulerOptions, 'entryAndExitTone' | 'telephonySupport'>;
  scheduleMeetingOptions?: Partial<CommonSettings['scheduleMeetingOptions']>;
  securityOptions?: Partial<Omit<SecurityOptions, 'passwordCriteria'>> & {
    passwordCriteria?: Partial<PasswordCriteria>;
  };
}
