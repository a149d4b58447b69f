import { grantsAnyScope } from '../access-tokens';
import { type FieldShape, validBody } from '../http/body-shape';
import { paginate, pageHeaders } from '../http/paging';
import { stringParam, timeParam } from '../http/query-params';
import type { Caller, Route } from '../http/route';
import { badRequest, notFound, WebexError } from '../http/webex-error';
import { primaryEmail } from '../state/person';
import { type ScheduledMeeting, UNLOCKED_MEETING_JOIN_SECURITY } from '../state/scheduled-meeting';
import type { SimulatorState } from '../state/simulator-state';
import { recordAdminWrite } from './record-admin-write';
import { knownSite } from './site-resolution';

const READ_SCOPES = ['meeting:schedules_read', 'meeting:admin_schedule_read'];
const WRITE_SCOPES = ['meeting:schedules_write', 'meeting:admin_schedule_write'];
const ADMIN_READ = 'meeting:admin_schedule_read';
const ADMIN_WRITE = 'meeting:admin_schedule_write';
const DAY_MS = 24 * 60 * 60 * 1000;
const MEETING_TYPES = ['meetingSeries', 'scheduledMeeting', 'meeting'];

/**
 * GET /v1/meetings (List Meetings). The simulator keeps scheduled meetings only, so it answers
 * `meetingType=scheduledMeeting` with the host's meetings that start in [`from`, `to`) (defaults: now and
 * now plus 7 days, as Cisco documents), and the other meeting types with an empty list. `hostEmail`
 * needs an admin scope (the caller lists as that host); `max` pages up to 100 (default 10).
 */
export const listMeetings: Route = {
  method: 'GET',
  path: '/v1/meetings',
  scopes: READ_SCOPES,
  contentType: 'application/json;charset=UTF-8',
  handle({ state, caller, url }) {
    const query = url.searchParams;
    const meetingType = stringParam(query, 'meetingType') ?? 'meetingSeries';
    if (!MEETING_TYPES.includes(meetingType)) throw badRequest([`meetingType must be one of ${MEETING_TYPES.join(', ')}; received ${JSON.stringify(meetingType)}.`]);
    const host = listedHost(state, caller, stringParam(query, 'hostEmail'), ADMIN_READ);
    const siteUrl = stringParam(query, 'siteUrl');
    if (siteUrl !== undefined) knownSite(state, siteUrl);
    const now = state.now().getTime();
    const to = timeParam(query, 'to') ?? (timeParam(query, 'from') ?? now) + 7 * DAY_MS;
    const from = timeParam(query, 'from') ?? now;
    if (from > to) throw badRequest(['from cannot be after to.']);
    const meetings =
      meetingType === 'scheduledMeeting'
        ? state.scheduledMeetingsOf(host, siteUrl).filter((m) => Date.parse(m.start) >= from && Date.parse(m.start) < to)
        : [];
    const page = paginate(meetings, url, { defaultMax: 10, maxLimit: 100 });
    return { status: 200, body: { items: page.items.map(listed) }, headers: pageHeaders(page) };
  },
};

/** `PatchMeetingObject` (webex-meeting.json): the fields the simulator keeps, and what a client may send with them. */
const PATCH_SHAPE: FieldShape = {
  kind: 'object',
  fields: {
    title: { kind: 'string', nonEmpty: true, maxLength: 128 },
    agenda: { kind: 'string', maxLength: 1300 },
    password: { kind: 'string', nonEmpty: true },
    enabledJoinBeforeHost: { kind: 'boolean' },
    unlockedMeetingJoinSecurity: { kind: 'enum', values: UNLOCKED_MEETING_JOIN_SECURITY },
    enableAutomaticLock: { kind: 'boolean' },
    automaticLockMinutes: { kind: 'integer', min: 0, max: 20 },
    sendEmail: { kind: 'boolean' },
    hostEmail: { kind: 'string', nonEmpty: true },
  },
};

type MeetingPatch = Partial<Pick<ScheduledMeeting, 'title' | 'password' | 'enabledJoinBeforeHost' | 'unlockedMeetingJoinSecurity' | 'enableAutomaticLock' | 'automaticLockMinutes'>> & {
  agenda?: string;
  sendEmail?: boolean;
  hostEmail?: string;
};

/**
 * PATCH /v1/meetings/{meetingId} (Patch a Meeting): changes only the fields sent; every other field,
 * the password included, stays as it was. An admin names the real host with `hostEmail`; a meeting that
 * has already started cannot be changed.
 */
export const patchMeeting: Route = {
  method: 'PATCH',
  path: '/v1/meetings/{meetingId}',
  scopes: WRITE_SCOPES,
  contentType: 'application/json;charset=UTF-8',
  handle(request) {
    const { state, caller, params, body } = request;
    const patch = validBody<MeetingPatch>(body, PATCH_SHAPE);
    const host = listedHost(state, caller, patch.hostEmail, ADMIN_WRITE);
    const meeting = state.scheduledMeeting(params.meetingId!);
    if (meeting === undefined || meeting.hostEmail.toLowerCase() !== host) throw notFound(`Meeting ${params.meetingId} not found.`);
    if (Date.parse(meeting.start) <= state.now().getTime()) throw badRequest(['A meeting that has started or ended cannot be updated.']);
    const { agenda: _agenda, sendEmail: _sendEmail, hostEmail: _hostEmail, ...kept } = patch;
    const updated: ScheduledMeeting = { ...meeting, ...kept };
    state.replaceScheduledMeeting(updated);
    const record = state.personByEmail(meeting.hostEmail)!;
    recordAdminWrite(request, {
      eventCategory: 'MEETINGS',
      eventDescription: 'Meeting updated',
      actionText: `${caller.record.person.displayName} updated meeting ${meeting.id} of ${meeting.hostEmail} (${Object.keys(kept).sort().join(', ') || 'nothing'})`,
      target: { id: meeting.id, name: meeting.title, type: 'MEETING', orgId: record.person.orgId },
    });
    return { status: 200, body: listed(updated) };
  },
};

/** Whose meetings a request means: `hostEmail` (admin scope needed for anyone else) or the caller. */
function listedHost(state: SimulatorState, caller: Caller, hostEmail: string | undefined, adminScope: string): string {
  const self = primaryEmail(caller.record.person).toLowerCase();
  if (hostEmail === undefined || hostEmail.toLowerCase() === self) return self;
  if (!grantsAnyScope(caller.grant, [adminScope])) {
    throw new WebexError(403, { descriptions: ['hostEmail can only be used with admin-level scopes.'] });
  }
  if (state.personByEmail(hostEmail) === undefined) throw notFound(`User ${hostEmail} not found.`);
  return hostEmail.toLowerCase();
}


/** `MeetingObjectForListMeeting` of a scheduled meeting: the required fields and the lobby fields. */
function listed(meeting: ScheduledMeeting) {
  return {
    id: meeting.id,
    meetingSeriesId: meeting.meetingSeriesId,
    meetingNumber: meeting.meetingNumber,
    title: meeting.title,
    password: meeting.password,
    meetingType: 'scheduledMeeting',
    state: 'scheduled',
    timezone: meeting.timezone,
    start: meeting.start,
    end: meeting.end,
    hostUserId: meeting.hostUserId,
    hostDisplayName: meeting.hostDisplayName,
    hostEmail: meeting.hostEmail,
    hostKey: meeting.hostKey,
    siteUrl: meeting.siteUrl,
    webLink: `https://${meeting.siteUrl}/${meeting.siteUrl.split('.')[0]}/j.php?MTID=m${meeting.meetingSeriesId}`,
    enabledJoinBeforeHost: meeting.enabledJoinBeforeHost,
    unlockedMeetingJoinSecurity: meeting.unlockedMeetingJoinSecurity,
    enableAutomaticLock: meeting.enableAutomaticLock,
    automaticLockMinutes: meeting.automaticLockMinutes,
    scheduledType: 'meeting',
    telephony: { accessCode: meeting.meetingNumber, callInNumbers: [] },
    enabledBreakoutSessions: false,
  };
}
