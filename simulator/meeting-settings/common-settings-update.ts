import { type FieldShape, isPlainObject, shapeProblems } from '../http/body-shape';
import {
  type CommonSettings,
  type CommonSettingsUpdate,
  ENTRY_AND_EXIT_TONES,
  PASSWORD_CRITERIA_MINIMUM_LIMIT,
  TELEPHONY_SUPPORT,
} from './common-settings';

const BOOLEAN: FieldShape = { kind: 'boolean' };
const CRITERIA_MINIMUM: FieldShape = { kind: 'integer', min: 0, max: PASSWORD_CRITERIA_MINIMUM_LIMIT };

/**
 * `UpdateMeetingConfigurationCommonSettingObject` (webex-meeting.json), with the limits its prose adds:
 * criteria minimums are counts of at most 12, disallowValues "cannot type repeated items", and
 * telephonyConfig, absent from the update schema, is read-only.
 */
const UPDATE_SHAPE: FieldShape = {
  kind: 'object',
  fields: {
    siteOptions: { kind: 'object', fields: { allowCustomPersonalRoomURL: BOOLEAN } },
    telephonyConfig: { kind: 'read-only' },
    defaultSchedulerOptions: {
      kind: 'object',
      fields: {
        entryAndExitTone: { kind: 'enum', values: ENTRY_AND_EXIT_TONES },
        joinTeleconfNotPress1: BOOLEAN,
        telephonySupport: { kind: 'enum', values: TELEPHONY_SUPPORT },
        tollFree: BOOLEAN,
        VoIP: BOOLEAN,
      },
      required: ['entryAndExitTone', 'telephonySupport'],
    },
    scheduleMeetingOptions: { kind: 'object', fields: { emailReminders: BOOLEAN } },
    securityOptions: {
      kind: 'object',
      fields: {
        joinBeforeHost: BOOLEAN,
        audioBeforeHost: BOOLEAN,
        firstAttendeeAsPresenter: BOOLEAN,
        unlistAllMeetings: BOOLEAN,
        requireLoginBeforeAccess: BOOLEAN,
        allowMobileScreenCapture: BOOLEAN,
        requireStrongPassword: BOOLEAN,
        passwordCriteria: {
          kind: 'object',
          fields: {
            mixedCase: BOOLEAN,
            minLength: CRITERIA_MINIMUM,
            minNumeric: CRITERIA_MINIMUM,
            minAlpha: CRITERIA_MINIMUM,
            minSpecial: CRITERIA_MINIMUM,
            disallowDynamicWebText: BOOLEAN,
            disallowList: BOOLEAN,
            disallowValues: { kind: 'string-list', unique: true },
          },
        },
      },
    },
  },
};

export type UpdateCheck = { ok: true; update: CommonSettingsUpdate } | { ok: false; problems: string[] };

/** Checks a PATCH body field by field against the update schema. */
export function parseCommonSettingsUpdate(body: unknown): UpdateCheck {
  if (!isPlainObject(body)) {
    return { ok: false, problems: [`The request body must be a JSON object; received ${JSON.stringify(body) ?? 'nothing'}.`] };
  }
  const problems = shapeProblems(body, UPDATE_SHAPE, '');
  return problems.length === 0 ? { ok: true, update: body as CommonSettingsUpdate } : { ok: false, problems };
}

/**
 * The constraints Cisco states in prose between fields, judged on the settings as they would be after
 * the update (`next`), and on what the update itself sends.
 */
export function crossFieldProblems(update: CommonSettingsUpdate, next: CommonSettings): string[] {
  const problems: string[] = [];
  const security = next.securityOptions;
  if (security.audioBeforeHost && !security.joinBeforeHost) {
    problems.push(
      "securityOptions.audioBeforeHost can't be turned on when securityOptions.joinBeforeHost is false; send audioBeforeHost false, or joinBeforeHost true.",
    );
  }
  if (update.securityOptions?.passwordCriteria !== undefined && !security.requireStrongPassword) {
    problems.push('securityOptions.passwordCriteria cannot be specified when securityOptions.requireStrongPassword is false.');
  }
  const scheduler = update.defaultSchedulerOptions;
  if (scheduler !== undefined) {
    problems.push(...schedulerProblems(scheduler, next.telephonyConfig));
  }
  return problems;
}

/** defaultSchedulerOptions may not ask for teleconferencing the super admin has not turned on. */
function schedulerProblems(
  scheduler: NonNullable<CommonSettingsUpdate['defaultSchedulerOptions']>,
  telephony: CommonSettings['telephonyConfig'],
): string[] {
  const problems: string[] = [];
  if (scheduler.telephonySupport === 'WebexTeleconferencing' && !telephony.allowCallIn && !telephony.allowCallBack) {
    problems.push(
      'defaultSchedulerOptions.telephonySupport cannot be WebexTeleconferencing: call-in and call-back teleconferencing are turned off for this site.',
    );
  }
  if (scheduler.telephonySupport === 'Other' && !telephony.allowOtherTeleconf) {
    problems.push('defaultSchedulerOptions.telephonySupport cannot be Other: other teleconferencing is turned off for this site.');
  }
  if (scheduler.tollFree !== undefined && scheduler.telephonySupport !== 'WebexTeleconferencing') {
    problems.push("defaultSchedulerOptions.tollFree can't be specified when telephonySupport is not WebexTeleconferencing.");
  } else if (scheduler.tollFree === true && !telephony.allowTollFreeCallin) {
    problems.push("defaultSchedulerOptions.tollFree can't be true: toll-free call-in is turned off for this site.");
  }
  if (scheduler.VoIP === true && !telephony.VoIP) {
    problems.push("defaultSchedulerOptions.VoIP can't be true: Voice over IP is turned off for this site.");
  }
  return problems;
}
