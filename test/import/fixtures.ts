import type { ImportObservation } from '../../cli/import/observation';
import { MEETING_SECURITY_DEFAULTS, PASSWORD_CRITERIA_DEFAULTS } from '../../constructs/meeting-security-settings';
import { PREFERENCE_CONTROL_KEYS, SITE_CONTROLS } from '../../manifest';
import type { FieldValues, ObservedOrg } from '../../provisioning';
import { flatten } from '../../provisioning/field-values';

/** Session types of a site, as the simulator's seeds offer them: Pro, Webinar, and the E2EE one. */
export const SESSION_TYPES = [
  { id: '3', shortName: 'PRO', name: 'Pro Meeting', type: 'meeting' },
  { id: '647', shortName: 'WBN', name: 'Webex Webinar', type: 'webinar' },
  { id: '628', shortName: 'PRO3E2E', name: 'Pro 3.0 End to End Encryption_VOIPonly', type: 'meeting' },
];
export const E2EE = '628';

/** A host as the handlers read it: [enabledAutoLock, autoLockMinutes, enabledNotifyHost, enabledJoinBeforeHost], session type ids. */
export interface HostSpec {
  readonly email: string;
  readonly lobby?: readonly [boolean, number | null, boolean, boolean];
  readonly types?: readonly string[];
  /** Meeting-preference flags (e.g. `schedulingOptions.enabledAutoShareRecording`); default: the HIPAA-safe values. */
  readonly flags?: Readonly<Record<string, boolean>>;
}

export interface SiteSpec {
  readonly siteUrl: string;
  /** The site's securityOptions as the handler normalizes them; default: the HIPAA values. */
  readonly security?: FieldValues;
  readonly hosts: readonly HostSpec[];
  readonly sessionTypes?: readonly { id: string; shortName?: string; name?: string; type?: string }[];
}

/** The HIPAA-safe meeting security, flattened as the handler reads it. */
export const SAFE_SECURITY: FieldValues = flatten({ ...MEETING_SECURITY_DEFAULTS, passwordCriteria: { ...PASSWORD_CRITERIA_DEFAULTS, disallowValues: [...PASSWORD_CRITERIA_DEFAULTS.disallowValues] } });

/** A hardened host: auto-lock after 5 minutes, notification on, no join before host, E2EE. */
export const SAFE_LOBBY = [true, 5, true, false] as const;

export function hardenedHost(email: string): HostSpec {
  return { email, lobby: SAFE_LOBBY, types: ['3', E2EE] };
}

export const IMPORTED_AT = new Date('2026-11-02T09:30:00.000Z');

/**
 * An observation as read-org.ts produces it, built by hand: the generator's input, without a server.
 */
export function observation(spec: { sites: readonly SiteSpec[]; admins?: { email: string; roles: string[] }[]; orgName?: string; orgId?: string }): ImportObservation {
  const orgName = spec.orgName ?? 'Riverside Family Clinic';
  const orgId = spec.orgId ?? 'ORG-1';
  const siteUrls = spec.sites.map((s) => s.siteUrl).sort();
  const observed: ObservedOrg = {
    name: orgName,
    orgId,
    sites: Object.fromEntries(spec.sites.map((s) => [s.siteUrl, { meetingSecurity: s.security ?? SAFE_SECURITY }])),
    hosts: Object.fromEntries(
      spec.sites.map((s) => [
        s.siteUrl,
        {
          hostLobby: {
            site: {},
            hosts: s.hosts.map((h, i) => {
              const [lock, minutes, notify, jbh] = h.lobby ?? SAFE_LOBBY;
              return {
                email: h.email,
                personId: `P${i}`,
                values: { 'personalMeetingRoom.enabledAutoLock': lock, 'personalMeetingRoom.autoLockMinutes': minutes, 'personalMeetingRoom.enabledNotifyHost': notify, 'schedulingOptions.enabledJoinBeforeHost': jbh },
              };
            }),
            notHosts: [],
          },
          endToEndEncryption: {
            site: { sessionTypes: [...(s.sessionTypes ?? SESSION_TYPES)] },
            hosts: s.hosts.map((h, i) => ({ email: h.email, personId: `P${i}`, values: { sessionTypeIds: [...(h.types ?? ['3'])].sort() } })),
            notHosts: [],
          },
          // The per-host preference controls: each host at the HIPAA-safe flags unless its spec says otherwise.
          ...Object.fromEntries(
            PREFERENCE_CONTROL_KEYS.map((key) => [
              key,
              {
                site: {},
                hosts: s.hosts.map((h, i) => ({ email: h.email, personId: `P${i}`, values: Object.fromEntries(Object.entries(SITE_CONTROLS[key].preferences).map(([field, flag]) => [field, h.flags?.[field] ?? flag.safe])) })),
                notHosts: [],
              },
            ]),
          ),
        },
      ]),
    ),
    inactive: [],
    org: { enforced: { passwordPolicy: null, mfa: null }, admins: (spec.admins ?? []).map((a, i) => ({ ...a, personId: `A${i}`, unsendablePhoneTypes: [] })), mfaUsers: { exposed: true, withoutMfa: [] } },
    actor: { id: 'A0', email: spec.admins?.[0]?.email ?? 'admin@example.org' },
  };
  return { baseUrl: 'https://webexapis.com', importedAt: IMPORTED_AT, toolVersion: '9.9.9', org: { name: orgName, orgId }, siteUrls, observed };
}
