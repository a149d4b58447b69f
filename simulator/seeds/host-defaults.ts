import { type HostSettings, isAcceptableHostPin } from '../state/host-settings';
import type { PersonRecord } from '../state/person';
import { SESSION_TYPE_IDS } from './standard-session-types';

/** How a seeded host differs from a newly provisioned one. */
export interface HostQuirks {
  autoLockOff?: boolean;
  /** Minutes before the start attendees may join; absent leaves join-before-host off. */
  joinBeforeHostMinutes?: 0 | 5 | 10 | 15;
  webinar?: boolean;
  /** The Webex AI Assistant on by default in the meetings the host schedules. */
  assistantByDefault?: boolean;
  /** The host's recordings shared with every invitee automatically. */
  autoShareRecording?: boolean;
}

/**
 * A host's settings as a newly provisioned Webex site gives them (personal room locked after 10
 * minutes, lobby notifications on, join-before-host off, Pro Meeting only), changed by `quirks`.
 * `pinSeed` picks the host PIN.
 */
export function hostSettings(record: PersonRecord, pinSeed: number, quirks: HostQuirks = {}): HostSettings {
  return {
    personalMeetingRoom: {
      topic: `${record.person.displayName}'s Personal Room`,
      hostPin: hostPin(pinSeed),
      enabledAutoLock: quirks.autoLockOff !== true,
      autoLockMinutes: quirks.autoLockOff === true ? 0 : 10,
      enabledNotifyHost: quirks.autoLockOff !== true,
      supportCoHost: false,
      supportAnyoneAsCoHost: false,
      allowFirstUserToBeCoHost: false,
      allowAuthenticatedDevices: true,
      coHosts: [],
    },
    schedulingOptions: {
      enabledJoinBeforeHost: quirks.joinBeforeHostMinutes !== undefined,
      joinBeforeHostMinutes: quirks.joinBeforeHostMinutes ?? 0,
      enabledAutoShareRecording: quirks.autoShareRecording === true,
      enabledWebexAssistantByDefault: quirks.assistantByDefault === true,
      delegateEmails: [],
    },
    sessionTypeIds: quirks.webinar === true ? [SESSION_TYPE_IDS.pro, SESSION_TYPE_IDS.webinar] : [SESSION_TYPE_IDS.pro],
  };
}

/**
 * A 4-digit host PIN Webex accepts (no run such as 1234 or 4321, no repeat such as 1111), spread over
 * the range by `seed`.
 */
export function hostPin(seed: number): string {
  let value = 1000 + ((seed * 7919) % 9000);
  while (!isAcceptableHostPin(String(value))) {
    value = value === 9999 ? 1000 : value + 1;
  }
  return String(value);
}
