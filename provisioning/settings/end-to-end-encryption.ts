import { compareCodePoints, DEFAULT_SESSION_TYPE_MATCH, describeSessionTypeMatch, EndToEndEncryption, matchesSessionType, SessionTypeMatch } from '../../manifest';
import { SessionType, SiteSessionTypesSchema, UserSessionTypesListSchema, UserSessionTypesSchema } from '../client/schemas/session-types';
import { WebexClient } from '../client/webex-client';
import { ambiguousSessionType, EntryAt, noMatchingSessionType } from '../plan-errors';
import { untrusted } from '../../manifest/text';
import { FieldValues } from '../plan';
import { HostRef, HostSettingHandler, HostSiteContext, HostWriteOutcome } from './host-setting-handler';
import { SettingDiff } from './setting-handler';

const SITE_TYPES = '/v1/admin/meeting/config/sessionTypes';
const USER_TYPES = '/v1/admin/meeting/userconfig/sessionTypes';
const FIELD = 'sessionTypeIds';

/**
 * The site's end-to-end encryption session type, assigned to each selected host. The PUT sets the host's
 * whole list of session types, so the new list is the host's current types plus E2EE: nothing else the
 * host has is taken away.
 */
export const endToEndEncryptionHandler: HostSettingHandler<EndToEndEncryption> = {
  setting: 'endToEndEncryption',

  hosts: (declared) => declared.hosts,

  async readSite(client: WebexClient, siteUrl: string): Promise<HostSiteContext> {
    const { data } = await client.get(SITE_TYPES, SiteSessionTypesSchema, { siteUrl });
    return { sessionTypes: (data.items ?? []).map(({ id, name, shortName, type }) => ({ id, ...definedOnly({ name, shortName, type }) })).sort((a, b) => compareCodePoints(a.id, b.id)) };
  },

  fields: () => [FIELD],

  async readHost(client: WebexClient, siteUrl: string, host: HostRef): Promise<FieldValues> {
    const { data } = await client.get(USER_TYPES, UserSessionTypesListSchema, { siteUrl, personId: host.personId });
    const items = data.items ?? [];
    const mine = items.find((item) => item.personId === host.personId) ?? items.find((item) => item.email?.toLowerCase() === host.email) ?? items[0];
    return { [FIELD]: [...new Set((mine?.sessionTypes ?? []).map((t) => t.id))].sort(compareCodePoints) };
  },

  diff(declared: EndToEndEncryption, observed: FieldValues, site: HostSiteContext): SettingDiff | undefined {
    const e2ee = findSessionType(site.sessionTypes ?? [], declared.sessionType ?? DEFAULT_SESSION_TYPE_MATCH, { path: declared.path, key: 'settings.endToEndEncryption' });
    const current = (observed[FIELD] as string[] | undefined) ?? [];
    if (current.includes(e2ee.id)) return undefined;
    return {
      before: { [FIELD]: current },
      after: { [FIELD]: [...current, e2ee.id].sort(compareCodePoints) },
      unchangedFields: 0,
      notes: [`adds session type ${e2ee.id} ${describe(e2ee)}; keeps the host's other session types`],
    };
  },

  async write(client: WebexClient, siteUrl: string, host: HostRef, after: FieldValues): Promise<HostWriteOutcome> {
    const body = { siteUrl, personId: host.personId, sessionTypeIds: after[FIELD] };
    const { trackingId } = await client.put(USER_TYPES, body, UserSessionTypesSchema);
    return { trackingId };
  },
};

/** The one session type the declaration names; an error of the catalogue listing the site's types otherwise. */
export function findSessionType(types: readonly SessionType[], match: SessionTypeMatch, entry: EntryAt): SessionType {
  const found = types.filter((t) => matchesSessionType(t, match));
  // The site's names are Webex's text: they stay Untrusted, escaped where the message is printed.
  const listed = (list: readonly SessionType[]) => untrusted(list.map((t) => `${t.id} ${describe(t)}`).join(', ') || 'none');
  if (found.length === 0) throw noMatchingSessionType(entry, describeSessionTypeMatch(match), listed(types));
  if (found.length > 1) throw ambiguousSessionType(entry, describeSessionTypeMatch(match), listed(found), found.length);
  return found[0]!;
}

function describe(type: SessionType): string {
  return `${JSON.stringify(type.name ?? '')}${type.shortName ? ` (${type.shortName})` : ''}`;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

