import { HostSelection, PreferenceControlKey, PreferenceFlag, PreferenceFlags, PreferenceField, SITE_CONTROLS, splitPreferenceField } from '../../manifest';
import { WriteOutcomeUnknownError } from '../client/errors';
import { WebexClient } from '../client/webex-client';
import { flatten } from '../field-values';
import { changedFields, desiredValues } from '../floors';
import { FieldValues } from '../plan';
import { entryError, hostSettingAt, unmanagedFields } from '../plan-errors';
import { HostRef, HostSettingHandler, HostWriteOutcome } from './host-setting-handler';
import { HostReads } from './host-reads';
import { writeMeetingPreferences } from './meeting-preferences-write';
import { SettingDiff } from './setting-handler';

type PreferenceDeclaration = { readonly path: string; readonly hosts?: HostSelection };

/**
 * The handler of a per-host control of meeting-preference flags (manifest/host-preferences.ts), made from
 * its catalogue entry: it reads the host's one GET /v1/meetingPreferences (shared with the host's other
 * controls), diffs the declared flags against it (a flag Webex leaves out reads as Cisco's default), and
 * writes with the full-body PUT of each section, every other field (the PIN included) as read.
 */
export function hostPreferencesHandler(setting: PreferenceControlKey): HostSettingHandler<PreferenceDeclaration> {
  const flags: PreferenceFlags = SITE_CONTROLS[setting].preferences;
  const managed = Object.keys(flags) as PreferenceField[];
  const absentMeans: FieldValues = Object.fromEntries(managed.map((field) => [field, (flags[field] as PreferenceFlag).absentMeans]));
  const declaredFlags = (declared: PreferenceDeclaration): FieldValues => {
    const values = flatten(Object.fromEntries(Object.entries(declared).filter(([key]) => key !== 'path' && key !== 'hosts')));
    return Object.fromEntries(managed.filter((field) => values[field] !== undefined).map((field) => [field, values[field]!]));
  };
  return {
    setting,
    hosts: (declared) => declared.hosts,
    readSite: async () => ({}),
    fields: (declared) => Object.keys(declaredFlags(declared)),

    async readHost(client: WebexClient, siteUrl: string, host: HostRef, fields: readonly string[], reads = new HostReads(client, siteUrl, host)): Promise<FieldValues> {
      const preferences = await reads.meetingPreferences();
      const values: FieldValues = {};
      for (const field of managed.filter((f) => fields.includes(f))) {
        const { section, name } = splitPreferenceField(field);
        const live = (preferences[section] as Record<string, unknown>)[name];
        if (live !== undefined && live !== null && typeof live !== 'boolean') throw entryError(hostSettingAt(siteUrl, host.email, setting), `Webex answered ${field} with something other than true or false`, 'nothing is planned for this host; read it again (webex-iac plan)');
        values[field] = live ?? absentMeans[field]!;
      }
      return values;
    },

    diff(declared: PreferenceDeclaration, observed: FieldValues): SettingDiff | undefined {
      const declaredValues = declaredFlags(declared);
      const { before, after, rules, notes, unchangedFields } = changedFields(setting, declaredValues, desiredValues(setting, declaredValues, observed, []), observed);
      return Object.keys(after).length === 0 ? undefined : { before, after, unchangedFields, notes, rules };
    },

    async write(client: WebexClient, siteUrl: string, host: HostRef, after: FieldValues, reads = new HostReads(client, siteUrl, host)): Promise<HostWriteOutcome> {
      // Only the control's own flags are ever written: never the PIN, co-hosts or another control's field.
      const unmanaged = Object.keys(after).filter((field) => !(managed as string[]).includes(field));
      if (unmanaged.length > 0) throw unmanagedFields(hostSettingAt(siteUrl, host.email, setting), unmanaged);
      const trackingIds: string[] = [];
      try {
        return await reads.writing(() => writeMeetingPreferences(reads, after, absentMeans, trackingIds, hostSettingAt(siteUrl, host.email, setting)));
      } catch (error) {
        // A first section's PUT was answered before the second's answer was lost: name both requests.
        if (error instanceof WriteOutcomeUnknownError && trackingIds.length > 0) throw Object.assign(error, { trackingId: [...trackingIds, error.trackingId].join(', ') });
        throw error;
      }
    },
  };
}
