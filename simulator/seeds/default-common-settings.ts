import type { CommonSettings } from '../meeting-settings/common-settings';

/**
 * Common settings of a newly provisioned site, as this simulator models it. Cisco does not document
 * its vendor defaults; these are plausible ones: strong passwords on, join-before-host off.
 */
export function defaultCommonSettings(): CommonSettings {
  return {
    siteOptions: { allowCustomPersonalRoomURL: false },
    telephonyConfig: {
      allowCallIn: true,
      allowCallBack: true,
      allowOtherTeleconf: false,
      allowTollFreeCallin: false,
      allowInternationalCallin: true,
      allowInternationalCallback: true,
      VoIP: true,
    },
    defaultSchedulerOptions: {
      entryAndExitTone: 'Beep',
      joinTeleconfNotPress1: false,
      telephonySupport: 'WebexTeleconferencing',
      tollFree: false,
      VoIP: true,
    },
    scheduleMeetingOptions: { emailReminders: true },
    securityOptions: {
      joinBeforeHost: false,
      audioBeforeHost: false,
      firstAttendeeAsPresenter: false,
      unlistAllMeetings: false,
      requireLoginBeforeAccess: false,
      allowMobileScreenCapture: true,
      requireStrongPassword: true,
      passwordCriteria: {
        mixedCase: true,
        minLength: 8,
        minNumeric: 1,
        minAlpha: 1,
        minSpecial: 0,
        disallowDynamicWebText: true,
        disallowList: false,
        disallowValues: [],
      },
    },
  };
}
