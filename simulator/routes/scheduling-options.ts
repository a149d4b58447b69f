import { type FieldShape, isPlainObject, validBody } from '../http/body-shape';
import { badRequest } from '../http/webex-error';
import type { Route } from '../http/route';
import type { SchedulingOptions } from '../state/host-settings';
import { primaryEmail } from '../state/person';
import { EMAIL_PATTERN } from './email-pattern';
import { ADMIN_PREFERENCES_READ, ADMIN_PREFERENCES_WRITE, PREFERENCES_READ, PREFERENCES_WRITE } from './meeting-preferences-scopes';
import { recordAdminWrite } from './record-admin-write';
import { hostOnSite } from './site-resolution';

const PATH = '/v1/meetingPreferences/schedulingOptions';
const BOOLEAN: FieldShape = { kind: 'boolean' };
/** Cisco: "Valid options are 0, 5, 10 and 15." */
const JOIN_BEFORE_HOST_MINUTES = [0, 5, 10, 15] as const;

/** `SchedulingOptionsObject` (webex-meeting.json), which marks the first three fields required. */
const UPDATE_SHAPE: FieldShape = {
  kind: 'object',
  fields: {
    enabledJoinBeforeHost: BOOLEAN,
    joinBeforeHostMinutes: { kind: 'number-enum', values: JOIN_BEFORE_HOST_MINUTES },
    enabledAutoShareRecording: BOOLEAN,
    enabledWebexAssistantByDefault: BOOLEAN,
    delegateEmails: { kind: 'string-list', unique: true },
  },
  required: ['enabledJoinBeforeHost', 'joinBeforeHostMinutes', 'enabledAutoShareRecording'],
};

type SchedulingUpdate = Omit<SchedulingOptions, 'enabledWebexAssistantByDefault' | 'delegateEmails'> &
  Partial<Pick<SchedulingOptions, 'enabledWebexAssistantByDefault' | 'delegateEmails'>>;

/** GET: a host's scheduling options on `siteUrl` (or the caller's default site); 404 unless they host there. */
export const getSchedulingOptions: Route = {
  method: 'GET',
  path: PATH,
  scopes: PREFERENCES_READ,
  contentType: 'application/json;charset=UTF-8',
  handle({ state, caller, url }) {
    const { record, site } = hostOnSite(state, caller, url.searchParams, ADMIN_PREFERENCES_READ);
    return { status: 200, body: state.hostSettings(record, site).schedulingOptions };
  },
};

/**
 * PUT: replaces a host's scheduling options. Left out, enabledWebexAssistantByDefault resets to false;
 * delegateEmails left out (or null) stays as it was, and [] removes every delegate, as the spec says.
 */
export const updateSchedulingOptions: Route = {
  method: 'PUT',
  path: PATH,
  scopes: PREFERENCES_WRITE,
  contentType: 'application/json;charset=UTF-8',
  handle(request) {
    const { state, caller, url, body } = request;
    const { record, site } = hostOnSite(state, caller, url.searchParams, ADMIN_PREFERENCES_WRITE);
    const update = validBody<SchedulingUpdate>(withoutNullDelegates(body), UPDATE_SHAPE);
    const notEmails = (update.delegateEmails ?? []).filter((email) => !EMAIL_PATTERN.test(email));
    if (notEmails.length > 0) {
      throw badRequest(notEmails.map((email) => `delegateEmails must hold one email address per item; received ${JSON.stringify(email)}.`));
    }
    const options: SchedulingOptions = {
      enabledJoinBeforeHost: update.enabledJoinBeforeHost,
      joinBeforeHostMinutes: update.joinBeforeHostMinutes,
      enabledAutoShareRecording: update.enabledAutoShareRecording,
      enabledWebexAssistantByDefault: update.enabledWebexAssistantByDefault ?? false,
      delegateEmails: update.delegateEmails ?? state.hostSettings(record, site).schedulingOptions.delegateEmails,
    };
    state.setSchedulingOptions(record, site, options);
    const email = primaryEmail(record.person);
    recordAdminWrite(request, {
      eventCategory: 'MEETINGS',
      eventDescription: 'Scheduling options updated',
      actionText: `${caller.record.person.displayName} updated the scheduling options of ${email} on site ${site.siteUrl}`,
      target: { id: record.person.id, name: email, type: 'USER', orgId: record.person.orgId },
    });
    return { status: 200, body: options };
  },
};

/** The spec's prose allows `delegateEmails: null` (meaning "unchanged") although its schema types an array. */
function withoutNullDelegates(body: unknown): unknown {
  if (!isPlainObject(body) || body.delegateEmails !== null) {
    return body;
  }
  const { delegateEmails: _null, ...rest } = body;
  return rest;
}
