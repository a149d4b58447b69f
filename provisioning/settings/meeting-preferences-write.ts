import { MeetingPreferences, PersonalRoomLobbyResponseSchema, SchedulingOptionsResponseSchema } from '../client/schemas/meeting-preferences';
import { flatten, valuesUnder } from '../field-values';
import { withSecretsMasked } from '../people/person-update';
import { FieldValues } from '../plan';
import { EntryAt, incompleteRead } from '../plan-errors';
import type { HostWriteOutcome } from './host-setting-handler';
import type { HostReads } from './host-reads';

const PMR = '/v1/meetingPreferences/personalMeetingRoom';
const SCHEDULING = '/v1/meetingPreferences/schedulingOptions';
const PMR_PREFIX = 'personalMeetingRoom.';
const SCHEDULING_PREFIX = 'schedulingOptions.';

/** The fields `UpdatePMRObject` accepts (webex-meeting.json); the others of a GET are read-only. */
const PMR_PUT_FIELDS = ['topic', 'hostPin', 'enabledAutoLock', 'autoLockMinutes', 'enabledNotifyHost', 'supportCoHost', 'supportAnyoneAsCoHost', 'allowFirstUserToBeCoHost', 'allowAuthenticatedDevices', 'coHosts'] as const;
/** The fields `SchedulingOptionsObject` holds; the PUT takes them all. */
const SCHEDULING_PUT_FIELDS = ['enabledJoinBeforeHost', 'joinBeforeHostMinutes', 'enabledAutoShareRecording', 'enabledWebexAssistantByDefault', 'delegateEmails'] as const;

/**
 * Writes `after` (dotted `personalMeetingRoom.*` / `schedulingOptions.*` fields) to one host's meeting
 * preferences: the personal room PUT, then the scheduling options PUT, each a full body built from the
 * host's preferences as last read (the stale check's read, during an apply) with only `after` changed,
 * so that every other field, the PIN included, goes back as it was. Each trackingId is pushed as soon as
 * its write is answered. Each PUT answers the object as stored: `absentMeans` fills what it leaves out,
 * and those answers verify the write.
 */
export async function writeMeetingPreferences(reads: HostReads, after: FieldValues, absentMeans: FieldValues, trackingIds: string[], entry: EntryAt): Promise<HostWriteOutcome> {
  const { client, siteUrl, host } = reads;
  const query = { userEmail: host.email, siteUrl };
  const current = await reads.meetingPreferences();
  const answered: FieldValues = {};
  const room = fieldsUnder(after, PMR_PREFIX);
  if (Object.keys(room).length > 0) {
    const body = personalRoomBody(current.personalMeetingRoom, room, entry);
    try {
      const { data, trackingId } = await client.put(PMR, body, PersonalRoomLobbyResponseSchema, query);
      trackingIds.push(trackingId);
      Object.assign(answered, valuesUnder(absentMeans, PMR_PREFIX), flatten(data, 'personalMeetingRoom'));
      reads.stored('personalMeetingRoom', { ...(body as MeetingPreferences['personalMeetingRoom']), ...data });
    } catch (error) {
      throw withSecretsMasked(error, [body.hostPin as string]);
    }
  }
  const scheduling = fieldsUnder(after, SCHEDULING_PREFIX);
  if (Object.keys(scheduling).length > 0) {
    const { data, trackingId } = await client.put(SCHEDULING, schedulingOptionsBody(current.schedulingOptions, scheduling), SchedulingOptionsResponseSchema, query);
    trackingIds.push(trackingId);
    Object.assign(answered, valuesUnder(absentMeans, SCHEDULING_PREFIX), flatten(data, 'schedulingOptions'));
    reads.stored('schedulingOptions', data);
  }
  return { trackingId: trackingIds.join(', '), answered };
}

/** The scheduling options PUT body: every field read, with the managed fields changed. */
function schedulingOptionsBody(current: MeetingPreferences['schedulingOptions'], changes: Record<string, unknown>): Record<string, unknown> {
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

/** The values under `prefix`, named as in the Webex object (`enabledAutoLock`, not `personalMeetingRoom.enabledAutoLock`). */
function fieldsUnder(values: FieldValues, prefix: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(valuesUnder(values, prefix)).map(([field, value]) => [field.slice(prefix.length), value]));
}
