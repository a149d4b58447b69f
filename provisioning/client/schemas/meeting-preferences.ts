import { z } from 'zod';
import { optional } from './spec-optional';

/**
 * `PMRObject` (webex-meeting.json), GET/PUT /v1/meetingPreferences/personalMeetingRoom. Only the fields
 * the tool manages are read into a plan; `hostPin` is not part of this schema, so it never reaches an
 * observation, a plan or a saved file.
 */
export const PersonalRoomLobbyResponseSchema = z.object({
  enabledAutoLock: optional(z.boolean()),
  autoLockMinutes: optional(z.number()),
  enabledNotifyHost: optional(z.boolean()),
});

/** The fields of the personal room's PUT body, as read (`topic` and `hostPin` optional here; see below). */
const ROOM_PUT_FIELDS = {
  topic: optional(z.string()),
  hostPin: optional(z.string()),
  enabledAutoLock: optional(z.boolean()),
  autoLockMinutes: optional(z.number()),
  enabledNotifyHost: optional(z.boolean()),
  supportCoHost: optional(z.boolean()),
  supportAnyoneAsCoHost: optional(z.boolean()),
  allowFirstUserToBeCoHost: optional(z.boolean()),
  allowAuthenticatedDevices: optional(z.boolean()),
  coHosts: optional(z.array(z.object({ email: z.string(), displayName: z.string() }))),
};

/** The same response with every field kept, for the full-body PUT (read at apply time, never stored). */
export const PersonalRoomResponseSchema = z.looseObject({ ...ROOM_PUT_FIELDS, topic: z.string(), hostPin: z.string() });
export type PersonalRoomResponse = z.infer<typeof PersonalRoomResponseSchema>;

/** `SchedulingOptionsObject`, GET/PUT /v1/meetingPreferences/schedulingOptions (every field kept). */
export const SchedulingOptionsResponseSchema = z.looseObject({
  enabledJoinBeforeHost: optional(z.boolean()),
  joinBeforeHostMinutes: optional(z.number()),
  enabledAutoShareRecording: optional(z.boolean()),
  enabledWebexAssistantByDefault: optional(z.boolean()),
  delegateEmails: optional(z.array(z.string())),
});
export type SchedulingOptionsResponse = z.infer<typeof SchedulingOptionsResponseSchema>;

/**
 * The personal room as part of `MeetingPreferenceObject`: the fields the room's PUT takes (every other
 * field is read-only and dropped at parse). `topic` and `hostPin` are required by the spec but read as
 * optional, so that a host Webex answers without them is still planned; a write refuses such a room.
 */
const PreferencesRoomSchema = z.object(ROOM_PUT_FIELDS);

/**
 * `MeetingPreferenceObject`, GET /v1/meetingPreferences ("Get Meeting Preference Details"): only the
 * personal room and scheduling options are kept (z.object drops the rest at parse, the audio PIN
 * included), in memory only: never part of an observation, a plan or a file.
 */
export const MeetingPreferencesSchema = z.object({
  personalMeetingRoom: PreferencesRoomSchema,
  schedulingOptions: z.object({
    enabledJoinBeforeHost: optional(z.boolean()),
    joinBeforeHostMinutes: optional(z.number()),
    enabledAutoShareRecording: optional(z.boolean()),
    enabledWebexAssistantByDefault: optional(z.boolean()),
    delegateEmails: optional(z.array(z.string())),
  }),
});
export type MeetingPreferences = z.infer<typeof MeetingPreferencesSchema>;
