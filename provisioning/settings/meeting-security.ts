import { MeetingSecurity } from '../../manifest';
import { CommonSettingsSchema } from '../client/schemas/common-settings';
import { WebexClient } from '../client/webex-client';
import { audioBeforeHostWithoutJoin, passwordCriteriaWithoutStrongPassword } from '../plan-errors';
import { flatten, unflatten } from '../field-values';
import { changedFields, desiredValues } from '../floors';
import { FieldValues } from '../plan';
import { SiteSettingAccess, writeConfinedToSite } from './confined-site-write';
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
 * field. The GET takes `siteUrl`; the PATCH declares none and may act on the token user's default site,
 * so every write goes through writeConfinedToSite (confined-site-write.ts).
 */
export const meetingSecurityHandler: SiteSettingHandler<MeetingSecurity> = {
  setting: 'meetingSecurity',

  async read(client: WebexClient, siteUrl: string): Promise<FieldValues> {
    const { data } = await client.get(PATH, CommonSettingsSchema, { siteUrl });
    return { ...ABSENT_MEANS, ...flatten(data.securityOptions ?? {}) };
  },

  diff(declared: MeetingSecurity, observed: FieldValues): SettingDiff | undefined {
    const { path: _path, exactFields, ...values } = declared;
    const declaredValues = flatten(values);
    // Declared values are floors: a site stricter than the declaration keeps its stricter values.
    const desired = desiredValues('meetingSecurity', declaredValues, observed, exactFields);
    const wanted = desired.values;
    const changed = changedFields('meetingSecurity', declaredValues, desired, observed);
    const { before, after, rules, notes } = changed;

    // Cisco refuses audioBeforeHost=true while joinBeforeHost is false, so turning join-before-host off
    // (or a floor keeping it off) turns audio-before-host off in the same request, declared or not.
    const joinAfter = (wanted.joinBeforeHost ?? observed.joinBeforeHost) as boolean;
    const audioAfter = (wanted.audioBeforeHost ?? observed.audioBeforeHost) as boolean;
    if (!joinAfter && audioAfter === true) {
      if (desired.rules.audioBeforeHost === 'exact') {
        throw audioBeforeHostWithoutJoin({ path: declared.path, key: 'settings.meetingSecurity' });
      }
      if (observed.audioBeforeHost === true) {
        if (wanted.audioBeforeHost !== undefined && !('audioBeforeHost' in after)) changed.unchangedFields--;
        before.audioBeforeHost = true;
        after.audioBeforeHost = false;
        rules.audioBeforeHost = 'dependency';
        notes.push('audioBeforeHost is turned off because Webex does not allow it while joinBeforeHost is false');
      }
    }

    // Cisco refuses passwordCriteria while requireStrongPassword is false.
    const strongAfter = (wanted.requireStrongPassword ?? observed.requireStrongPassword) as boolean;
    const criteriaChanges = Object.keys(after).filter((f) => f.startsWith('passwordCriteria.'));
    if (criteriaChanges.length > 0 && !strongAfter) {
      throw passwordCriteriaWithoutStrongPassword({ path: declared.path, key: 'settings.meetingSecurity' }, criteriaChanges);
    }

    if (Object.keys(after).length === 0) return undefined;
    return { before, after, unchangedFields: changed.unchangedFields, notes, rules };
  },

  async write(client: WebexClient, siteUrl: string, after: FieldValues): Promise<string> {
    return writeConfinedToSite(client, siteUrl, after, securityOptionsAccess);
  },
};

const securityOptionsAccess: SiteSettingAccess = {
  setting: 'meetingSecurity',
  read: (client, siteUrl) => meetingSecurityHandler.read(client, siteUrl),
  async patch(client, siteUrl, values) {
    // `siteUrl` is not declared for this PATCH: a server that honours it writes that site, one that
    // ignores it writes the default site, which writeConfinedToSite has made the same site.
    const { trackingId } = await client.patch(PATH, { securityOptions: unflatten(values) }, CommonSettingsSchema, { siteUrl });
    return trackingId;
  },
  undoSteps(values) {
    // Webex refuses passwordCriteria while requireStrongPassword is false: put the criteria back first.
    const criteria = Object.keys(values).filter((f) => f.startsWith('passwordCriteria.'));
    if (values.requireStrongPassword !== false || criteria.length === 0) return [values];
    const rest = Object.fromEntries(Object.entries(values).filter(([f]) => !f.startsWith('passwordCriteria.')));
    return [Object.fromEntries(criteria.map((f) => [f, values[f]!])), rest];
  },
};
