import { z } from 'zod';

/**
 * `PMRObject` (webex-meeting.json), GET/PUT /v1/meetingPreferences/personalMeetingRoom. Only the fields
 * the tool manages are read into a plan; `hostPin` is not part of this schema, so it never reaches an
 * observation, a plan or a saved file.
 */
export const PersonalRoomLobbyResponseSchema = z.object({
  enabledAutoLock: z.boolean().optional(),
  autoLockMinutes: z.number().optional(),
  enabledNotifyHost: z.boolean().optional(),
});

/** The same response with every field kept, for the full-body PUT (read at apply time, never stored). */
export const PersonalRoomResponseSchema = z.looseObject({
  topic: z.string(),
  hostPin: z.string(),
  enabledAutoLock: z.boolean().optional(),
  autoLockMinutes: z.number().optional(),
  enabledNotifyHost: z.boolean().optional(),
  supportCoHost: z.boolean().optional(),
  supportAnyoneAsCoHost: z.boolean().optional(),
  allowFirstUserToBeCoHost: z.boolean().optional(),
  allowAuthenticatedDevices: z.boolean().optional(),
  coHosts: z.array(z.object({ email: z.string(), displayName: z.string() })).optional(),
});
export type PersonalRoomResponse = z.infer<typeof PersonalRoomResponseSchema>;

/** `SchedulingOptionsObject`, GET/PUT /v1/meetingPreferences/schedulingOptions (every field kept). */
export const SchedulingOptionsResponseSchema = z.looseObject({
  enabledJoinBeforeHost: z.boolean().optional(),
  joinBeforeHostMinutes: z.number().optional(),
  enabledAutoShareRecording: z.boolean().optional(),
  enabledWebexAssistantByDefault: z.boolean().optional(),
  delegateEmails: z.array(z.string()).optional(),
});
export type SchedulingOptionsResponse = z.infer<typeof SchedulingOptionsResponseSchema>;
