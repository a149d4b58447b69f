import { compareCodePoints, SCHEDULED_MEETINGS_DAYS_AHEAD, ScheduledMeetingLobby } from '../../manifest';
import { linkPages } from '../client/paging';
import { MeetingListSchema, PatchedMeetingSchema } from '../client/schemas/meetings';
import { WebexClient } from '../client/webex-client';
import { hostSettingAt, unaddressableMeeting, unmanagedFields } from '../plan-errors';
import { FieldValues } from '../plan';
import type { Impact } from '../security-impact';
import { HostRef, HostSettingHandler, HostWriteOutcome } from './host-setting-handler';
import { SettingDiff } from './setting-handler';

const MEETINGS = '/v1/meetings';
const DAY_MS = 24 * 60 * 60 * 1000;
/** The field prefix of each meeting's values: `meeting.<id>.<field>`. Meeting ids hold no dot. */
const PREFIX = 'meeting.';
const JOIN = 'unlockedMeetingJoinSecurity';
const LOCK = 'enableAutomaticLock';
/** The plan field that carries the declaration's look-ahead to readHost, which sees only field names. */
const WINDOW_FIELD = 'meetingsWithinDays.';
/** What a fix writes: uninvited people wait in the lobby (blocking them is stricter and kept), and the meeting locks. */
const SAFE_JOIN = 'allowJoinWithLobby';

/** `meeting.<id>.<field>` → its parts; undefined for any other field name. */
export function meetingField(field: string): { id: string; name: string } | undefined {
  const match = /^meeting\.([^.]+)\.([A-Za-z]+)$/.exec(field);
  return match === null ? undefined : { id: match[1]!, name: match[2]! };
}

/**
 * The lobby of each selected host's upcoming scheduled meetings. Reads List Meetings by `hostEmail`
 * (`meetingType=scheduledMeeting`, from now to `daysAhead` days ahead, every page); each meeting gives
 * `meeting.<id>.start`, `.unlockedMeetingJoinSecurity` and `.enableAutomaticLock` (null when Webex leaves
 * a field out: unknown, never safe). Only with `fixMeetings` does a plan change anything: PATCH
 * /v1/meetings/{id} with the changed lobby fields, the host (`hostEmail`) and `sendEmail: false` (the
 * invitation does not change). The PATCH is partial, so the password and everything else stay as they are.
 */
export const scheduledMeetingLobbyHandler: HostSettingHandler<ScheduledMeetingLobby> = {
  setting: 'scheduledMeetingLobby',

  hosts: (declared) => declared.hosts,

  readSite: async () => ({}),

  fields: (declared) => [`${WINDOW_FIELD}${declared.daysAhead ?? SCHEDULED_MEETINGS_DAYS_AHEAD.default}`],

  async readHost(client: WebexClient, siteUrl: string, host: HostRef, fields: readonly string[]): Promise<FieldValues> {
    const days = fields.map((f) => (f.startsWith(WINDOW_FIELD) ? Number(f.slice(WINDOW_FIELD.length)) : NaN)).find((n) => Number.isInteger(n) && n > 0) ?? SCHEDULED_MEETINGS_DAYS_AHEAD.default;
    const now = Date.now();
    const query = { meetingType: 'scheduledMeeting', hostEmail: host.email, siteUrl, from: new Date(now).toISOString(), to: new Date(now + days * DAY_MS).toISOString(), max: 100 };
    const values: FieldValues = {};
    for await (const page of linkPages(client, MEETINGS, MeetingListSchema, query)) {
      for (const meeting of page.items) {
        if (meeting.meetingType !== undefined && meeting.meetingType !== 'scheduledMeeting') continue;
        if (meeting.id.includes('.')) throw unaddressableMeeting(hostSettingAt(siteUrl, host.email, 'scheduledMeetingLobby'), meeting.id);
        values[`${PREFIX}${meeting.id}.start`] = meeting.start;
        values[`${PREFIX}${meeting.id}.${JOIN}`] = meeting.unlockedMeetingJoinSecurity ?? null;
        values[`${PREFIX}${meeting.id}.${LOCK}`] = meeting.enableAutomaticLock ?? null;
      }
    }
    return values;
  },

  diff(declared: ScheduledMeetingLobby, observed: FieldValues): SettingDiff | undefined {
    if (declared.fixMeetings !== true) return undefined;
    const before: FieldValues = {};
    const after: FieldValues = {};
    let unchanged = 0;
    for (const field of Object.keys(observed).sort(compareCodePoints)) {
      const parsed = meetingField(field);
      if (parsed === undefined || parsed.name === 'start') continue;
      const value = observed[field];
      const fix = parsed.name === JOIN ? (value === 'allowJoin' ? SAFE_JOIN : undefined) : parsed.name === LOCK ? (value === false ? true : undefined) : undefined;
      if (fix === undefined) {
        unchanged++;
        continue;
      }
      before[field] = value ?? null;
      after[field] = fix;
    }
    if (Object.keys(after).length === 0) return undefined;
    const meetings = new Set(Object.keys(after).map((f) => meetingField(f)!.id));
    return { before, after, unchangedFields: unchanged, notes: [`changes the lobby of ${meetings.size} upcoming meeting(s) (PATCH each; the password and every other field stay; no email is sent)`] };
  },

  impactOf(field: string, diff: SettingDiff): Impact | undefined {
    const parsed = meetingField(field);
    if (parsed === undefined) return undefined;
    const before = diff.before[field];
    const after = diff.after[field];
    if (parsed.name === LOCK) return after === true ? 'strengthens' : before === true ? 'weakens' : 'neutral';
    if (parsed.name === JOIN) return after === 'allowJoin' ? 'weakens' : before === 'allowJoin' ? 'strengthens' : 'neutral';
    return 'neutral';
  },

  async write(client: WebexClient, siteUrl: string, host: HostRef, after: FieldValues): Promise<HostWriteOutcome> {
    const byMeeting = new Map<string, Record<string, unknown>>();
    for (const [field, value] of Object.entries(after)) {
      const parsed = meetingField(field);
      if (parsed === undefined || (parsed.name !== JOIN && parsed.name !== LOCK)) throw unmanagedFields(hostSettingAt(siteUrl, host.email, 'scheduledMeetingLobby'), [field]);
      byMeeting.set(parsed.id, { ...byMeeting.get(parsed.id), [parsed.name]: value });
    }
    const trackingIds: string[] = [];
    for (const [id, change] of [...byMeeting].sort(([a], [b]) => compareCodePoints(a, b))) {
      // Only the lobby fields, the host, and no email: never the password, which a partial PATCH keeps.
      const body = { ...change, hostEmail: host.email, sendEmail: false };
      const { trackingId } = await client.patch(`${MEETINGS}/${encodeURIComponent(id)}`, body, PatchedMeetingSchema);
      trackingIds.push(trackingId);
    }
    // No `answered`: the apply reads the host's meetings again to verify.
    return { trackingId: trackingIds.join(',') };
  },
};
