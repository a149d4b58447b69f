/** How people not on the invite join an unlocked meeting (enum of `unlockedMeetingJoinSecurity`, webex-meeting.json). */
export type UnlockedMeetingJoinSecurity = 'allowJoin' | 'allowJoinWithLobby' | 'blockFromJoin';

export const UNLOCKED_MEETING_JOIN_SECURITY: readonly UnlockedMeetingJoinSecurity[] = ['allowJoin', 'allowJoinWithLobby', 'blockFromJoin'];

/**
 * One scheduled meeting (an occurrence of a meeting series) the simulator keeps: the fields List
 * Meetings requires (`MeetingObjectForListMeeting`) plus the lobby fields PATCH changes. The password
 * and host key are served as Webex serves them, which is why a client must never print them.
 */
export interface ScheduledMeeting {
  id: string;
  meetingSeriesId: string;
  meetingNumber: string;
  title: string;
  password: string;
  hostKey: string;
  timezone: string;
  /** ISO 8601, UTC. */
  start: string;
  end: string;
  hostUserId: string;
  hostDisplayName: string;
  hostEmail: string;
  siteUrl: string;
  unlockedMeetingJoinSecurity: UnlockedMeetingJoinSecurity;
  enableAutomaticLock: boolean;
  automaticLockMinutes: number;
  enabledJoinBeforeHost: boolean;
}
