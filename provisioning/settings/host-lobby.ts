import { HostLobby } from '../../manifest';
import { WriteOutcomeUnknownError } from '../client/errors';
import { WebexClient } from '../client/webex-client';
import { flatten, valuesUnder } from '../field-values';
import { hostSettingAt, unmanagedFields } from '../plan-errors';
import { changedFields, desiredValues } from '../floors';
import { FieldValues } from '../plan';
import { HostRef, HostSettingHandler, HostWriteOutcome } from './host-setting-handler';
import { HostReads } from './host-reads';
import { writeMeetingPreferences } from './meeting-preferences-write';
import { SettingDiff } from './setting-handler';

const PMR_PREFIX = 'personalMeetingRoom.';
/** The only fields a host-lobby change may write (the declaration's, HostLobbySchema). */
const MANAGED_FIELDS = new Set(['personalMeetingRoom.enabledAutoLock', 'personalMeetingRoom.autoLockMinutes', 'personalMeetingRoom.enabledNotifyHost', 'schedulingOptions.enabledJoinBeforeHost']);
const SCHEDULING_PREFIX = 'schedulingOptions.';


/**
 * Vendor defaults for fields a response may omit: an absent flag is off, so a converged host plans no
 * change. `autoLockMinutes` is optional in PMRObject and has no default: absent reads as unset.
 */
const ABSENT_MEANS: FieldValues = {
  'personalMeetingRoom.enabledAutoLock': false,
  'personalMeetingRoom.autoLockMinutes': null,
  'personalMeetingRoom.enabledNotifyHost': false,
  'schedulingOptions.enabledJoinBeforeHost': false,
};

/**
 * Each selected host's lobby: personal room auto-lock and lobby notification, and join-before-host in
 * the host's scheduling options. Both PUTs replace the whole object, so a write re-reads it, changes the
 * managed fields and sends every other field back, the host PIN included; the PIN is never part of an
 * observation, a plan, a message or a file.
 */
export const hostLobbyHandler: HostSettingHandler<HostLobby> = {
  setting: 'hostLobby',

  hosts: (declared) => declared.hosts,

  readSite: async () => ({}),

  fields: (declared) => Object.keys(flatten({ personalMeetingRoom: declared.personalMeetingRoom, schedulingOptions: declared.schedulingOptions })),

  async readHost(client: WebexClient, siteUrl: string, host: HostRef, fields: readonly string[], reads = new HostReads(client, siteUrl, host)): Promise<FieldValues> {
    const { personalMeetingRoom: room, schedulingOptions: scheduling } = await reads.meetingPreferences();
    const values: FieldValues = {};
    if (fields.some((f) => f.startsWith(PMR_PREFIX))) {
      Object.assign(values, valuesUnder(ABSENT_MEANS, PMR_PREFIX), flatten({ enabledAutoLock: room.enabledAutoLock, autoLockMinutes: room.autoLockMinutes, enabledNotifyHost: room.enabledNotifyHost }, 'personalMeetingRoom'));
    }
    if (fields.some((f) => f.startsWith(SCHEDULING_PREFIX))) {
      Object.assign(values, { 'schedulingOptions.enabledJoinBeforeHost': scheduling.enabledJoinBeforeHost ?? false });
    }
    return values;
  },

  diff(declared: HostLobby, observed: FieldValues): SettingDiff | undefined {
    const declaredValues = flatten({ personalMeetingRoom: declared.personalMeetingRoom, schedulingOptions: declared.schedulingOptions });
    // The lock delay of a room that does not lock is no floor: only the delay of a room that locks now
    // and still locks after the plan is kept.
    const lockAfter = desiredValues('hostLobby', declaredValues, observed, declared.exactFields).values['personalMeetingRoom.enabledAutoLock'] ?? observed['personalMeetingRoom.enabledAutoLock'];
    const locking = observed['personalMeetingRoom.enabledAutoLock'] === true && lockAfter === true;
    const desired = desiredValues('hostLobby', declaredValues, locking ? observed : { ...observed, 'personalMeetingRoom.autoLockMinutes': null }, declared.exactFields);
    const { before, after, rules, notes, unchangedFields } = changedFields('hostLobby', declaredValues, desired, observed);
    return Object.keys(after).length === 0 ? undefined : { before, after, unchangedFields, notes, rules };
  },

  // The lock delay means nothing while auto-lock is off: turning the lock on is what strengthens, whatever the delay.
  impactOf: (field, _diff, observed) => (field === 'personalMeetingRoom.autoLockMinutes' && observed['personalMeetingRoom.enabledAutoLock'] !== true ? 'neutral' : undefined),

  async write(client: WebexClient, siteUrl: string, host: HostRef, after: FieldValues, reads = new HostReads(client, siteUrl, host)): Promise<HostWriteOutcome> {
    // Only the managed lobby fields are ever written: never the PIN, co-hosts or anything else of the room.
    const unmanaged = Object.keys(after).filter((field) => !MANAGED_FIELDS.has(field));
    if (unmanaged.length > 0) throw unmanagedFields(hostSettingAt(siteUrl, host.email, 'hostLobby'), unmanaged);
    const trackingIds: string[] = [];
    try {
      return await reads.writing(() => writeMeetingPreferences(reads, after, ABSENT_MEANS, trackingIds, hostSettingAt(siteUrl, host.email, 'hostLobby')));
    } catch (error) {
      // The personal room PUT reached Webex before the scheduling PUT's answer was lost: the outcome
      // carries both trackingIds, so that the record names every write that may have reached the org.
      if (error instanceof WriteOutcomeUnknownError && trackingIds.length > 0) {
        throw Object.assign(error, { trackingId: [...trackingIds, error.trackingId].join(', ') });
      }
      throw error;
    }
  },
};
