import { z } from 'zod';
import { optional } from './spec-optional';

/**
 * One item of List Meetings (`MeetingObjectForListMeeting`, webex-meeting.json): only the fields the
 * lobby control reads. The password, host key and the other secrets Webex sends with every meeting are
 * left out of the schema, so they are dropped on parsing and never reach an observation, a plan or a log.
 * The title is dropped too: it may name a patient.
 */
export const ListedMeetingSchema = z.object({
  id: z.string().min(1),
  meetingType: optional(z.string()),
  start: z.string(),
  hostEmail: optional(z.string()),
  siteUrl: optional(z.string()),
  unlockedMeetingJoinSecurity: optional(z.enum(['allowJoin', 'allowJoinWithLobby', 'blockFromJoin'])),
  enableAutomaticLock: optional(z.boolean()),
  automaticLockMinutes: optional(z.number()),
});
export type ListedMeeting = z.infer<typeof ListedMeetingSchema>;

/** GET /v1/meetings: `{ items }`, paged with `Link`. */
export const MeetingListSchema = z.object({ items: z.array(ListedMeetingSchema) });

/** The PATCH /v1/meetings/{meetingId} answer: the meeting (the same object, secrets dropped). */
export const PatchedMeetingSchema = ListedMeetingSchema;
