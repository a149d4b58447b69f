import { HostLobby } from '../../manifest';
import { MeetingPreferences, PersonalRoomLobbyResponseSchema, SchedulingOptionsResponseSchema } from '../client/schemas/meeting-preferences';
import { WriteOutcomeUnknownError } from '../client/errors';
import { WebexClient } from '../client/webex-client';
import { flatten, sameValue } from '../field-values';
import { withSecretsMasked } from '../people/person-update';
import { EntryAt, hostSettingAt, incompleteRead, unmanagedFields } from '../plan-errors';
import { desiredValues, exactWeakeningNote, floorNotes, ValueRule } from '../floors';
import { FieldValues } from '../plan';
import { fieldImpact } from '../security-impact';
import { HostRef, HostSettingHandler, HostWriteOutcome } from './host-setting-handler';
import { HostReads } from './host-reads';
import { SettingDiff } from './setting-handler';

const PMR = '/v1/meetingPreferences/personalMeetingRoom';
const SCHEDULING = '/v1/meetingPreferences/schedulingOptions';
const PMR_PREFIX = 'personalMeetingRoom.';
/** The only fields a host-lobby change may write (the declaration's, HostLobbySchema). */
const MANAGED_FIELDS = new Set(['personalMeetingRoom.enabledAutoLock', 'personalMeetingRoom.autoLockMinutes', 'personalMeetingRoom.enabledNotifyHost', 'schedulingOptions.enabledJoinBeforeHost']);
const SCHEDULING_PREFIX = 'schedulingOptions.';

/** The fields `UpdatePMRObject` accepts (webex-meeting.json); the others of a GET are read-only. */
const PMR_PUT_FIELDS = ['topic', 'hostPin', 'enabledAutoLock', 'autoLockMinutes', 'enabledNotifyHost', 'supportCoHost', 'supportAnyoneAsCoHost', 'allowFirstUserToBeCoHost', 'allowAuthenticatedDevices', 'coHosts'] as const;
/** The fields `SchedulingOptionsObject` holds; the PUT takes them all. */
const SCHEDULING_PUT_FIELDS = ['enabledJoinBeforeHost', 'joinBeforeHostMinutes', 'enabledAutoShareRecording', 'enabledWebexAssistantByDefault', 'delegateEmails'] as const;

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
      Object.assign(values, pick(ABSENT_MEANS, PMR_PREFIX), flatten({ enabledAutoLock: room.enabledAutoLock, autoLockMinutes: room.autoLockMinutes, enabledNotifyHost: room.enabledNotifyHost }, 'personalMeetingRoom'));
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
    const before: FieldValues = {};
    const after: FieldValues = {};
    const rules: Record<string, ValueRule> = {};
    const notes = floorNotes(declaredValues, desired, observed);
    let unchangedFields = 0;
    for (const [field, value] of Object.entries(desired.values)) {
      if (sameValue(observed[field] ?? null, value)) {
        unchangedFields++;
      } else {
        before[field] = observed[field] ?? null;
        after[field] = value;
        rules[field] = desired.rules[field]!;
        if (rules[field] === 'exact' && fieldImpact('hostLobby', field, before[field], value) === 'weakens') notes.push(exactWeakeningNote(field, before[field], value));
      }
    }
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
      return await reads.writing(() => writeLobby(reads, after, trackingIds));
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

/**
 * The personal room PUT, then the scheduling options PUT, each built from the host's preferences as last
 * read (the stale check's read, during an apply); each trackingId is pushed as soon as its write is answered.
 */
async function writeLobby(reads: HostReads, after: FieldValues, trackingIds: string[]): Promise<HostWriteOutcome> {
  const { client, siteUrl, host } = reads;
  const query = { userEmail: host.email, siteUrl };
  const current = await reads.meetingPreferences();
  // Each PUT answers the whole object as stored: the managed fields of those answers verify the write.
  const answered: FieldValues = {};
  const room = fieldsUnder(after, PMR_PREFIX);
  if (Object.keys(room).length > 0) {
    const body = personalRoomBody(current.personalMeetingRoom, room, hostSettingAt(siteUrl, host.email, 'hostLobby'));
    try {
      const { data, trackingId } = await client.put(PMR, body, PersonalRoomLobbyResponseSchema, query);
      trackingIds.push(trackingId);
      Object.assign(answered, pick(ABSENT_MEANS, PMR_PREFIX), flatten(data, 'personalMeetingRoom'));
    } catch (error) {
      throw withSecretsMasked(error, [body.hostPin as string]);
    }
  }
  const scheduling = fieldsUnder(after, SCHEDULING_PREFIX);
  if (Object.keys(scheduling).length > 0) {
    const { data, trackingId } = await client.put(SCHEDULING, schedulingOptionsBody(current.schedulingOptions, scheduling), SchedulingOptionsResponseSchema, query);
    trackingIds.push(trackingId);
    answered['schedulingOptions.enabledJoinBeforeHost'] = data.enabledJoinBeforeHost ?? false;
  }
  return { trackingId: trackingIds.join(', '), answered };
}

/** The scheduling options PUT body: every field read, with the managed fields changed. */
export function schedulingOptionsBody(current: MeetingPreferences['schedulingOptions'], changes: Record<string, unknown>): Record<string, unknown> {
  const raw = current as Record<string, unknown>;
  const body: Record<string, unknown> = { ...Object.fromEntries(SCHEDULING_PUT_FIELDS.filter((f) => raw[f] !== undefined).map((f) => [f, raw[f]])), ...changes };
  // Required by the PUT; an absent value means Webex's default (off, 0 minutes).
  body.joinBeforeHostMinutes ??= 0;
  body.enabledAutoShareRecording ??= false;
  body.enabledJoinBeforeHost ??= false;
  return body;
}

/**
 * The personal room PUT body: what was read, with the managed fields changed; read-only fields left out.
 * The PUT replaces the room: without the topic or PIN that were read it would change them, so it is refused.
 */
function personalRoomBody(current: MeetingPreferences['personalMeetingRoom'], changes: Record<string, unknown>, entry: EntryAt): Record<string, unknown> {
  for (const required of ['topic', 'hostPin'] as const) {
    if (current[required] === undefined) throw incompleteRead(entry, 'the personal room', required);
  }
  const raw = current as Record<string, unknown>;
  const body: Record<string, unknown> = Object.fromEntries(PMR_PUT_FIELDS.filter((f) => raw[f] !== undefined).map((f) => [f, raw[f]]));
  Object.assign(body, changes);
  // Required by the PUT. Absent in a GET means off / none; 0 minutes locks the room as the meeting starts.
  body.enabledAutoLock ??= false;
  body.autoLockMinutes ??= 0;
  body.enabledNotifyHost ??= false;
  body.supportCoHost ??= false;
  body.coHosts ??= [];
  return body;
}

function fieldsUnder(values: FieldValues, prefix: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
}

function pick(values: FieldValues, prefix: string): FieldValues {
  return Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith(prefix)));
}
