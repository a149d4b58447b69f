import { type FieldShape, validBody } from '../http/body-shape';
import { badRequest } from '../http/webex-error';
import type { Route } from '../http/route';
import { isAcceptableHostPin, type PersonalRoomSettings } from '../state/host-settings';
import { type PersonRecord, primaryEmail } from '../state/person';
import { stableHash } from '../state/stable-hash';
import type { Site } from '../state/site';
import { EMAIL_PATTERN } from './email-pattern';
import { ADMIN_PREFERENCES_READ, ADMIN_PREFERENCES_WRITE, PREFERENCES_READ, PREFERENCES_WRITE } from './meeting-preferences-scopes';
import { recordAdminWrite } from './record-admin-write';
import { hostOnSite } from './site-resolution';

const PATH = '/v1/meetingPreferences/personalMeetingRoom';
const BOOLEAN: FieldShape = { kind: 'boolean' };
const READ_ONLY: FieldShape = { kind: 'read-only' };
/** Cisco: "Valid options are 0, 5, 10, 15 and 20." */
const AUTO_LOCK_MINUTES = [0, 5, 10, 15, 20] as const;
/** The host PIN length of every simulated site (Cisco: "a predefined length, e.g. 4 digits"). */
const HOST_PIN_LENGTH = 4;

/**
 * `UpdatePMRObject` (webex-meeting.json): the PUT replaces the whole room, so every field but the three
 * co-host options is required; the fields only GET returns are read-only.
 */
const UPDATE_SHAPE: FieldShape = {
  kind: 'object',
  fields: {
    topic: { kind: 'string', nonEmpty: true, maxLength: 128 },
    hostPin: { kind: 'string' },
    enabledAutoLock: BOOLEAN,
    autoLockMinutes: { kind: 'number-enum', values: AUTO_LOCK_MINUTES },
    enabledNotifyHost: BOOLEAN,
    supportCoHost: BOOLEAN,
    supportAnyoneAsCoHost: BOOLEAN,
    allowFirstUserToBeCoHost: BOOLEAN,
    allowAuthenticatedDevices: BOOLEAN,
    coHosts: {
      kind: 'list',
      items: { kind: 'object', fields: { email: { kind: 'string' }, displayName: { kind: 'string', nonEmpty: true } }, required: ['email', 'displayName'] },
    },
    personalMeetingRoomLink: READ_ONLY,
    sipAddress: READ_ONLY,
    dialInIpAddress: READ_ONLY,
    telephony: READ_ONLY,
  },
  required: ['topic', 'hostPin', 'enabledAutoLock', 'autoLockMinutes', 'enabledNotifyHost', 'supportCoHost', 'coHosts'],
};

/** GET: a host's personal room on `siteUrl` (or the caller's default site); 404 unless they host there. */
export const getPersonalMeetingRoom: Route = {
  method: 'GET',
  path: PATH,
  scopes: PREFERENCES_READ,
  contentType: 'application/json;charset=UTF-8',
  handle({ state, caller, url }) {
    const { record, site } = hostOnSite(state, caller, url.searchParams, ADMIN_PREFERENCES_READ);
    return { status: 200, body: personalRoom(record, site, state.hostSettings(record, site).personalMeetingRoom) };
  },
};

/**
 * PUT: replaces a host's personal room options. Optional fields left out (supportAnyoneAsCoHost,
 * allowFirstUserToBeCoHost, allowAuthenticatedDevices) are reset to false.
 */
export const updatePersonalMeetingRoom: Route = {
  method: 'PUT',
  path: PATH,
  scopes: PREFERENCES_WRITE,
  contentType: 'application/json;charset=UTF-8',
  handle(request) {
    const { state, caller, url, body } = request;
    const { record, site } = hostOnSite(state, caller, url.searchParams, ADMIN_PREFERENCES_WRITE);
    const update = validBody<PersonalRoomSettings>(body, UPDATE_SHAPE);
    const problems = proseProblems(update);
    if (problems.length > 0) {
      throw badRequest(problems);
    }
    const settings: PersonalRoomSettings = {
      topic: update.topic,
      hostPin: update.hostPin,
      enabledAutoLock: update.enabledAutoLock,
      autoLockMinutes: update.autoLockMinutes,
      enabledNotifyHost: update.enabledNotifyHost,
      supportCoHost: update.supportCoHost,
      supportAnyoneAsCoHost: update.supportAnyoneAsCoHost ?? false,
      allowFirstUserToBeCoHost: update.allowFirstUserToBeCoHost ?? false,
      allowAuthenticatedDevices: update.allowAuthenticatedDevices ?? false,
      coHosts: update.coHosts.map(({ email, displayName }) => ({ email, displayName })),
    };
    state.setPersonalRoom(record, site, settings);
    const email = primaryEmail(record.person);
    recordAdminWrite(request, {
      eventCategory: 'MEETINGS',
      eventDescription: 'Personal room options updated',
      actionText: `${caller.record.person.displayName} updated the personal room options of ${email} on site ${site.siteUrl}`,
      target: { id: record.person.id, name: email, type: 'USER', orgId: record.person.orgId },
    });
    return { status: 200, body: personalRoom(record, site, settings) };
  },
};

/** Rules Cisco states in the field descriptions. */
function proseProblems(update: PersonalRoomSettings): string[] {
  const problems: string[] = [];
  if (!new RegExp(`^\\d{${HOST_PIN_LENGTH}}$`).test(update.hostPin) || !isAcceptableHostPin(update.hostPin)) {
    problems.push(`hostPin must be ${HOST_PIN_LENGTH} digits, without a run such as 1234 or 4321 or a repeat such as 1111.`);
  }
  update.coHosts.forEach(({ email }, index) => {
    if (!EMAIL_PATTERN.test(email)) {
      problems.push(`coHosts[${index}].email must be an email address; received ${JSON.stringify(email)}.`);
    }
  });
  if (update.coHosts.length > 0 && (update.supportAnyoneAsCoHost === true || update.allowFirstUserToBeCoHost === true)) {
    problems.push('coHosts can only be listed when supportAnyoneAsCoHost and allowFirstUserToBeCoHost are both false.');
  }
  return problems;
}

/** The `PMRObject` answer: the stored options plus the room's fixed addresses (also part of GET /v1/meetingPreferences). */
export function personalRoom(record: PersonRecord, site: Site, settings: PersonalRoomSettings) {
  const name = primaryEmail(record.person).split('@')[0];
  const telephony = site.commonSettings.telephonyConfig;
  const accessCode = String(1_000_000_000 + (stableHash(`${record.person.id} ${site.siteUrl}`) % 900_000_000));
  return {
    ...structuredClone(settings),
    personalMeetingRoomLink: `https://${site.siteUrl}/meet/${name}`,
    sipAddress: `${name}@${site.siteUrl}`,
    dialInIpAddress: '192.0.2.10',
    telephony: {
      accessCode,
      callInNumbers: [
        { label: 'US Toll', callInNumber: '+1-415-555-0100', tollType: 'toll' as const },
        ...(telephony.allowTollFreeCallin ? [{ label: 'US Toll Free', callInNumber: '+1-866-555-0100', tollType: 'tollFree' as const }] : []),
      ],
    },
  };
}
