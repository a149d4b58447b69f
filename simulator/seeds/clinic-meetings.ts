import type { PersonRecord } from '../state/person';
import type { Recording } from '../state/recording';
import type { ScheduledMeeting, UnlockedMeetingJoinSecurity } from '../state/scheduled-meeting';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

interface MeetingEntry {
  host: string;
  series: string;
  title: string;
  /** Whole days from the seed's `now` (negative: in the past); the meeting starts at 15:00 UTC that day. */
  inDays: number;
  unlockedMeetingJoinSecurity: UnlockedMeetingJoinSecurity;
  enableAutomaticLock: boolean;
  automaticLockMinutes: number;
  password: string;
}

/**
 * The clinic's scheduled meetings: the admin's office hours are safe; Dr. Lee's telehealth check-in lets anyone straight in, her case
 * review never locks, Dr. Moore's meeting does both; Dr. Patel's and Dr. Garcia's are safe; Dr. Kim's
 * unsafe meeting is 45 days out (beyond a 30-day look-ahead) and Dr. Smith's took place two days ago.
 */
const MEETINGS: readonly MeetingEntry[] = [
  { host: 'admin', series: '5a1e0c3f9b2d4e6f8a7b6c5d4e3f2a0f', title: 'IT office hours', inDays: 4, unlockedMeetingJoinSecurity: 'blockFromJoin', enableAutomaticLock: true, automaticLockMinutes: 5, password: 'Fz6@nVb1Qc' },
  { host: 'dr.lee', series: '5a1e0c3f9b2d4e6f8a7b6c5d4e3f2a10', title: 'Telehealth check-in', inDays: 2, unlockedMeetingJoinSecurity: 'allowJoin', enableAutomaticLock: true, automaticLockMinutes: 5, password: 'Tq7#mWx2Lp' },
  { host: 'dr.lee', series: '5a1e0c3f9b2d4e6f8a7b6c5d4e3f2a11', title: 'Case review', inDays: 9, unlockedMeetingJoinSecurity: 'allowJoinWithLobby', enableAutomaticLock: false, automaticLockMinutes: 0, password: 'Hv4$rNc8Zs' },
  { host: 'dr.patel', series: '5a1e0c3f9b2d4e6f8a7b6c5d4e3f2a12', title: 'Diabetes education group', inDays: 3, unlockedMeetingJoinSecurity: 'allowJoinWithLobby', enableAutomaticLock: true, automaticLockMinutes: 10, password: 'Kb9!sYe3Wd' },
  { host: 'dr.garcia', series: '5a1e0c3f9b2d4e6f8a7b6c5d4e3f2a13', title: 'Pediatrics huddle', inDays: 20, unlockedMeetingJoinSecurity: 'blockFromJoin', enableAutomaticLock: true, automaticLockMinutes: 0, password: 'Jc2%vTq6Rm' },
  { host: 'dr.moore', series: '5a1e0c3f9b2d4e6f8a7b6c5d4e3f2a14', title: 'Second opinion', inDays: 5, unlockedMeetingJoinSecurity: 'allowJoin', enableAutomaticLock: false, automaticLockMinutes: 0, password: 'Pw5&dLk9Xa' },
  { host: 'dr.kim', series: '5a1e0c3f9b2d4e6f8a7b6c5d4e3f2a15', title: 'Quarterly review', inDays: 45, unlockedMeetingJoinSecurity: 'allowJoin', enableAutomaticLock: false, automaticLockMinutes: 0, password: 'Gm8*hRt4Nb' },
  { host: 'dr.smith', series: '5a1e0c3f9b2d4e6f8a7b6c5d4e3f2a16', title: 'Past consult', inDays: -2, unlockedMeetingJoinSecurity: 'allowJoin', enableAutomaticLock: false, automaticLockMinutes: 0, password: 'Yd3^qPs7Ke' },
];

/** Passwords of the clinic's meetings, for tests that prove no output ever carries one. */
export const CLINIC_MEETING_PASSWORDS: readonly string[] = MEETINGS.map((m) => m.password);

/** Ids of the clinic's scheduled meetings by `<host local part>/<title>`. */
export function clinicMeetingIds(now: number): Readonly<Record<string, string>> {
  return Object.fromEntries(MEETINGS.map((m) => [`${m.host}/${m.title}`, meetingId(m, now)]));
}

export function clinicMeetings(people: readonly PersonRecord[], siteUrl: string, domain: string, now: number): ScheduledMeeting[] {
  return MEETINGS.map((entry, index) => {
    const host = people.find((p) => p.person.emails[0] === `${entry.host}@${domain}`)!.person;
    const start = startOf(entry, now);
    return {
      id: meetingId(entry, now),
      meetingSeriesId: entry.series,
      meetingNumber: String(2_550_310_000 + index * 7_919),
      title: entry.title,
      password: entry.password,
      hostKey: String(100_000 + index * 37_411).slice(0, 6),
      timezone: 'America/Chicago',
      start: new Date(start).toISOString().replace('.000Z', 'Z'),
      end: new Date(start + HOUR_MS).toISOString().replace('.000Z', 'Z'),
      hostUserId: host.id,
      hostDisplayName: host.displayName,
      hostEmail: host.emails[0]!,
      siteUrl,
      unlockedMeetingJoinSecurity: entry.unlockedMeetingJoinSecurity,
      enableAutomaticLock: entry.enableAutomaticLock,
      automaticLockMinutes: entry.automaticLockMinutes,
      enabledJoinBeforeHost: false,
    };
  });
}

function startOf(entry: MeetingEntry, now: number): number {
  return Math.floor(now / DAY_MS) * DAY_MS + entry.inDays * DAY_MS + 15 * HOUR_MS;
}

/** A scheduled meeting's id: its series and its start, as Webex writes them (`<series>_<yyyymmddThhmmssZ>`). */
function meetingId(entry: MeetingEntry, now: number): string {
  return `${entry.series}_${new Date(startOf(entry, now)).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}`;
}

interface RecordingEntry {
  id: string;
  host: string;
  topic: string;
  daysAgo: number;
  status: Recording['status'];
}

/**
 * The clinic's recordings: three available; one moved to the recycle bin 40 days after a visit, one
 * purged a year after it was made (both removed before six years), and one purged at seven years old
 * (disposed of on time).
 */
const RECORDINGS: readonly RecordingEntry[] = [
  { id: '7c2e9a4b1d3f4a5b8c6d0e1f2a3b4c50', host: 'dr.lee', topic: 'Telehealth check-in', daysAgo: 3, status: 'available' },
  { id: '7c2e9a4b1d3f4a5b8c6d0e1f2a3b4c51', host: 'dr.patel', topic: 'Diabetes education group', daysAgo: 33, status: 'available' },
  { id: '7c2e9a4b1d3f4a5b8c6d0e1f2a3b4c52', host: 'dr.garcia', topic: 'Pediatrics huddle', daysAgo: 700, status: 'available' },
  { id: '7c2e9a4b1d3f4a5b8c6d0e1f2a3b4c53', host: 'dr.lee', topic: 'Case review', daysAgo: 40, status: 'deleted' },
  { id: '7c2e9a4b1d3f4a5b8c6d0e1f2a3b4c54', host: 'dr.garcia', topic: 'Family conference', daysAgo: 400, status: 'purged' },
  { id: '7c2e9a4b1d3f4a5b8c6d0e1f2a3b4c55', host: 'dr.patel', topic: 'Onboarding call', daysAgo: 7 * 365 + 10, status: 'purged' },
];

/** Ids of the clinic's recordings by topic. */
export const CLINIC_RECORDING_IDS: Readonly<Record<string, string>> = Object.fromEntries(RECORDINGS.map((r) => [r.topic, r.id]));

export function clinicRecordings(people: readonly PersonRecord[], siteUrl: string, domain: string, now: number): Recording[] {
  const prefix = siteUrl.split('.')[0];
  return RECORDINGS.map((entry, index) => {
    const host = people.find((p) => p.person.emails[0] === `${entry.host}@${domain}`)!.person;
    const recorded = Math.floor(now / 1000) * 1000 - entry.daysAgo * DAY_MS - 2 * HOUR_MS;
    return {
      id: entry.id,
      meetingId: `${entry.id.slice(0, 24)}_I_${166_641_849_979_635_652 + index}`,
      topic: entry.topic,
      createTime: new Date(recorded + 6 * 60 * 1000).toISOString().replace('.000Z', 'Z'),
      timeRecorded: new Date(recorded).toISOString().replace('.000Z', 'Z'),
      hostDisplayName: host.displayName,
      hostEmail: host.emails[0]!,
      siteUrl,
      downloadUrl: `https://${siteUrl}/${prefix}/lsr.php?RCID=${entry.id}`,
      playbackUrl: `https://${siteUrl}/${prefix}/ldr.php?RCID=${entry.id}`,
      format: 'MP4',
      serviceType: 'MeetingCenter',
      durationSeconds: 1_800 + index * 300,
      sizeBytes: 48_000_000 + index * 1_000_000,
      status: entry.status,
    };
  });
}
