import { compareCodePoints } from '../manifest';
import type { Judgement, JudgedValue } from './rule';
import type { Instance } from './subject';

/*
 * How a host's upcoming scheduled meetings are judged (WBX.MEET.10v1). Observed values are named
 * `meeting.<id>.<field>` (start, unlockedMeetingJoinSecurity, enableAutomaticLock), one group per meeting.
 */
const JOIN = 'unlockedMeetingJoinSecurity';
const LOCK = 'enableAutomaticLock';

/** Why one meeting's lobby is unsafe; [] when it is safe. A value Webex did not report is unknown, never safe. */
export function meetingLobbyProblems(join: JudgedValue | undefined, lock: JudgedValue | undefined): string[] {
  const problems: string[] = [];
  if (join === 'allowJoin') problems.push('lets people not on the invite join directly (unlockedMeetingJoinSecurity allowJoin)');
  else if (join !== 'allowJoinWithLobby' && join !== 'blockFromJoin') problems.push('does not report who may join it unlocked (unlockedMeetingJoinSecurity not reported)');
  if (lock === false) problems.push('never locks automatically (enableAutomaticLock false)');
  else if (lock !== true) problems.push('does not report whether it locks automatically (enableAutomaticLock not reported)');
  return problems;
}

/** One judgement per host: pass, or every unsafe meeting by id and start (never its title: it may name a patient). */
export function judgeHostMeetings(instance: Instance, path: string): Judgement {
  if (instance.unverifiable !== undefined) return { target: instance.target, path, verdict: 'not-verifiable', message: instance.unverifiable, values: {} };
  const meetings = new Map<string, Record<string, JudgedValue>>();
  for (const [field, value] of Object.entries(instance.values)) {
    const match = /^meeting\.([^.]+)\.([A-Za-z]+)$/.exec(field);
    if (match === null) continue;
    meetings.set(match[1]!, { ...meetings.get(match[1]!), [match[2]!]: value });
  }
  const unsafe = [...meetings]
    .map(([id, fields]) => ({ id, fields, problems: meetingLobbyProblems(fields[JOIN], fields[LOCK]) }))
    .filter((m) => m.problems.length > 0)
    .sort((a, b) => compareCodePoints(String(a.fields.start), String(b.fields.start)) || compareCodePoints(a.id, b.id));
  const values = {
    meetings: meetings.size,
    unsafe: unsafe.map(({ id, fields }) => ({ id, start: fields.start ?? null, [JOIN]: fields[JOIN] ?? null, [LOCK]: fields[LOCK] ?? null })),
  };
  if (unsafe.length === 0) return { target: instance.target, path, verdict: 'pass', message: `${meetings.size} upcoming scheduled meeting(s), none lets uninvited people in or stays unlocked`, values };
  const message = unsafe.map(({ id, fields, problems }) => `meeting ${id} (${String(fields.start ?? 'start not reported')}) ${problems.join(' and ')}`).join('; ');
  return { target: instance.target, path, verdict: 'fail', message, values };
}
