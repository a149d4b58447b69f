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

/** A site left open: attendees may join and talk before the host, meetings are listed, sign-in is optional, passwords are weak. */
export function unsafeCommonSettings(): CommonSettings {
  return {
    siteOptions: { allowCustomPersonalRoomURL: true },
    telephonyConfig: {
      allowCallIn: true,
      allowCallBack: true,
      allowOtherTeleconf: false,
      allowTollFreeCallin: true,
      allowInternationalCallin: false,
      allowInternationalCallback: false,
      VoIP: true,
    },
    defaultSchedulerOptions: {
      entryAndExitTone: 'Beep',
      joinTeleconfNotPress1: true,
      telephonySupport: 'WebexTeleconferencing',
      tollFree: true,
      VoIP: true,
    },
    scheduleMeetingOptions: { emailReminders: true },
    securityOptions: {
      joinBeforeHost: true,
      audioBeforeHost: true,
      firstAttendeeAsPresenter: true,
      unlistAllMeetings: false,
      requireLoginBeforeAccess: false,
      allowMobileScreenCapture: true,
      requireStrongPassword: false,
      passwordCriteria: {
        mixedCase: false,
        minLength: 4,
        minNumeric: 0,
        minAlpha: 0,
        minSpecial: 0,
        disallowDynamicWebText: false,
        disallowList: false,
        disallowValues: [],
      },
    },
  };
}
