import type { PersonRecord } from './person';
import type { Site } from './site';

export interface CoHost {
  email: string;
  displayName: string;
}

/** The writable part of a host's personal room on one site (`UpdatePMRObject`, webex-meeting.json). */
export interface PersonalRoomSettings {
  topic: string;
  hostPin: string;
  enabledAutoLock: boolean;
  autoLockMinutes: number;
  enabledNotifyHost: boolean;
  supportCoHost: boolean;
  supportAnyoneAsCoHost: boolean;
  allowFirstUserToBeCoHost: boolean;
  allowAuthenticatedDevices: boolean;
  coHosts: CoHost[];
}

/** A host's scheduling options on one site (`SchedulingOptionsObject`, webex-meeting.json). */
export interface SchedulingOptions {
  enabledJoinBeforeHost: boolean;
  joinBeforeHostMinutes: number;
  enabledAutoShareRecording: boolean;
  enabledWebexAssistantByDefault: boolean;
  delegateEmails: string[];
}

/** Everything the simulator keeps per host and site. */
export interface HostSettings {
  personalMeetingRoom: PersonalRoomSettings;
  schedulingOptions: SchedulingOptions;
  /** Ids of the site's session types the host may use. */
  sessionTypeIds: string[];
}

/**
 * A host's settings on a site as the seed defines them, before any write. It must be pure: the state
 * calls it on every read and stores only what PUTs change, so large seeds cost memory per write, not
 * per host.
 */
export type HostSettingsSource = (record: PersonRecord, site: Site) => HostSettings;

/** Cisco: the host PIN "cannot contain sequential digits, such as 1234 or 4321, or repeated digits … such as 1111". */
export function isAcceptableHostPin(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((digit, i) => digit - digits[i]));
  return !(steps.size === 1 && (steps.has(0) || steps.has(1) || steps.has(-1)));
}
