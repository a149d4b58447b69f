import { MeetingSecurity } from '../../manifest';
import { CommonSettingsSchema } from '../client/schemas/common-settings';
import { WebexClient } from '../client/webex-client';
import { PlanError } from '../errors';
import { flatten, sameValue, unflatten } from '../field-values';
import { FieldValues } from '../plan';
import { onSite } from './default-site';
import { SettingDiff, SiteSettingHandler } from './setting-handler';

const PATH = '/v1/admin/meeting/config/commonSettings';

/**
 * Vendor defaults for fields Webex may leave out of a response. Treating an absent boolean as false and
 * an absent list as empty keeps a converged site from planning a change on every run.
 */
const ABSENT_MEANS: FieldValues = {
  joinBeforeHost: false,
  audioBeforeHost: false,
  firstAttendeeAsPresenter: false,
  unlistAllMeetings: false,
  requireLoginBeforeAccess: false,
  allowMobileScreenCapture: false,
  requireStrongPassword: false,
  'passwordCriteria.mixedCase': false,
  'passwordCriteria.minLength': 0,
  'passwordCriteria.minNumeric': 0,
  'passwordCriteria.minAlpha': 0,
  'passwordCriteria.minSpecial': 0,
  'passwordCriteria.disallowDynamicWebText': false,
  'passwordCriteria.disallowList': false,
  'passwordCriteria.disallowValues': [],
};

/**
 * The site's meeting security options (`securityOptions` of the common settings), PATCHed field by
 * field. The GET takes `siteUrl`; the PATCH acts on the token user's default site (see default-site.ts).
 */
export const meetingSecurityHandler: SiteSettingHandler<MeetingSecurity> = {
  setting: 'meetingSecurity',

  async read(client: WebexClient, siteUrl: string): Promise<FieldValues> {
    const { data } = await client.get(PATH, CommonSettingsSchema, { siteUrl });
    return { ...ABSENT_MEANS, ...flatten(data.securityOptions ?? {}) };
  },

  diff(declared: MeetingSecurity, observed: FieldValues): SettingDiff | undefined {
    const { path: _path, ...values } = declared;
    const wanted = flatten(values);
    const before: FieldValues = {};
    const after: FieldValues = {};
    const notes: string[] = [];
    let unchangedFields = 0;
    for (const [field, value] of Object.entries(wanted)) {
      if (sameValue(observed[field], value)) {
        unchangedFields++;
      } else {
        before[field] = observed[field] ?? null;
        after[field] = value;
      }
    }

    // Cisco refuses audioBeforeHost=true while joinBeforeHost is false, so turning join-before-host off
    // must turn audio-before-host off in the same request even when the latter is not declared.
    const joinAfter = (wanted.joinBeforeHost ?? observed.joinBeforeHost) as boolean;
    if (!joinAfter && observed.audioBeforeHost === true && wanted.audioBeforeHost === undefined) {
      before.audioBeforeHost = true;
      after.audioBeforeHost = false;
      notes.push('audioBeforeHost is turned off because Webex does not allow it while joinBeforeHost is false');
    }

    // Cisco refuses passwordCriteria while requireStrongPassword is false.
    const strongAfter = (wanted.requireStrongPassword ?? observed.requireStrongPassword) as boolean;
    const criteriaChanges = Object.keys(after).filter((f) => f.startsWith('passwordCriteria.'));
    if (criteriaChanges.length > 0 && !strongAfter) {
      throw new PlanError(
        `${declared.path}: passwordCriteria cannot be applied while requireStrongPassword is false on the site; declare requireStrongPassword: true (changing: ${criteriaChanges.join(', ')})`,
      );
    }

    if (Object.keys(after).length === 0) return undefined;
    return { before, after, unchangedFields, notes };
  },

  async write(client: WebexClient, siteUrl: string, after: FieldValues): Promise<string> {
    // The PATCH declares no siteUrl in Cisco's spec: it writes the caller's default site.
    const { trackingId } = await onSite(client, siteUrl, () => client.patch(PATH, { securityOptions: unflatten(after) }, CommonSettingsSchema));
    return trackingId;
  },
};
