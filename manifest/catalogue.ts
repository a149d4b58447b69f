import { z } from 'zod';
import { AttestationsSchema } from './attestations';
import type { Direction } from './direction';
import { MEETING_SECURITY_FIELDS, MeetingSecuritySchema } from './meeting-security';
import { PREFERENCE_SECTIONS, preferenceDirections, PreferenceFlags, preferenceSchema, splitPreferenceField } from './host-preferences';
import { AdminAccessSchema, InactiveAccountsSchema, MfaSchema, PasswordPolicySchema } from './org-controls';
import { EndToEndEncryptionSchema, HOST_LOBBY_FIELDS, HostLobbySchema, ScheduledMeetingLobbySchema } from './site-controls';

/**
 * THE list of controls: one descriptor per control, from which the manifest schema entry
 * (schema.ts), the HipaaBaseline's site controls, the policy subject, the assess probe, the field
 * directions of plans (security-impact.ts), the import's narrowing and the docs table derive. A control
 * key is written here and nowhere else as part of a list (test/manifest/catalogue.test.ts enforces it).
 * How to add a control: CONTRIBUTING.md.
 */

/** Where a control applies: the org once, each site once, or each selected host of a site. */
export type ControlScope = 'org' | 'site' | 'host';

/**
 * How webex-iac knows and changes the control:
 * - `read-write`: read, diffed, written and read back through the Webex API;
 * - `write-only`: Webex accepts writes but has no GET (the tool keeps an enforcement record);
 * - `review`: read, reported as findings; writes only when the declaration opts in;
 * - `attestation`: no API; a person attests it.
 */
export type ControlAccess = 'read-write' | 'write-only' | 'review' | 'attestation';

export interface ControlDescriptor<Schema extends z.ZodType = z.ZodType> {
  readonly scope: ControlScope;
  /** What the control is, for docs and reports. */
  readonly title: string;
  /** The manifest entry (under a site's or the org's `settings`). */
  readonly schema: Schema;
  /**
   * Every field the control manages, as dotted plan names, with its security direction: floors, plan
   * impacts and `exactFields` read them. Reading "all fields without a declaration" (assess, import)
   * means reading these.
   */
  readonly fields: Readonly<Record<string, Direction>>;
  readonly access: ControlAccess;
  /** How it is read (Webex endpoints), or why it cannot be. */
  readonly read: string;
  /** How it is written, or why it is not. */
  readonly write: string;
  /** The HIPAA paragraphs the control serves (45 CFR). */
  readonly citations: readonly string[];
  /** The construct that declares it explicitly (a HipaaBaseline declares it otherwise). */
  readonly construct: string;
  /** A site control's HipaaBaseline props: the org-wide props and the per-site overrides (import writes them). */
  readonly baselineProps?: { readonly orgWide: string; readonly siteOverrides: string };
  /**
   * A per-host control made of flags of the host's meeting preferences (manifest/host-preferences.ts):
   * its schema, fields, construct props, baseline props, handler and import declaration all derive from
   * these flags (`preferenceControl`).
   */
  readonly preferences?: PreferenceFlags;
}

/** A descriptor, keeping its literal scope, access and schema types. */
function control<const D extends ControlDescriptor>(descriptor: D): D {
  return Object.freeze(descriptor);
}

type Each<T extends readonly string[]> = T[number];

/**
 * A per-host control of meeting-preference flags, declared by its flags: the manifest schema, the field
 * directions, the read and write it needs and the HipaaBaseline props (`<baselineProp>` and
 * `<baselineProp>SiteOverrides`) follow from them. Declared explicitly with the HostPreferences construct.
 */
function preferenceControl<const F extends PreferenceFlags, const P extends string>(d: { title: string; flags: F; citations: readonly string[]; baselineProp: P }) {
  const sections = PREFERENCE_SECTIONS.filter((section) => Object.keys(d.flags).some((field) => splitPreferenceField(field).section === section));
  return control({
    scope: 'host',
    title: d.title,
    schema: preferenceSchema(d.flags),
    fields: preferenceDirections(d.flags),
    access: 'read-write',
    read: "GET /v1/meetingPreferences per host (one read shared by the host's controls)",
    write: `${sections.map((section) => `PUT /v1/meetingPreferences/${section}`).join(' and ')}, full body (every other field, a PIN included, sent back as read)`,
    citations: d.citations,
    construct: 'HostPreferences',
    baselineProps: { orgWide: d.baselineProp, siteOverrides: `${d.baselineProp}SiteOverrides` as `${P}SiteOverrides` },
    preferences: d.flags,
  });
}

/** Controls declared per site (scope `site`: once per site; scope `host`: once per selected host). */
export const SITE_CONTROLS = {
  meetingSecurity: control({
    scope: 'site',
    title: 'Site meeting security: join and audio before host, first attendee as presenter, unlisted meetings, sign-in before access, mobile screen capture, strong meeting passwords and criteria',
    schema: MeetingSecuritySchema,
    fields: {
      joinBeforeHost: 'safe-when-false',
      audioBeforeHost: 'safe-when-false',
      firstAttendeeAsPresenter: 'safe-when-false',
      unlistAllMeetings: 'safe-when-true',
      requireLoginBeforeAccess: 'safe-when-true',
      allowMobileScreenCapture: 'safe-when-false',
      requireStrongPassword: 'safe-when-true',
      'passwordCriteria.mixedCase': 'safe-when-true',
      'passwordCriteria.minLength': 'higher-is-safer',
      'passwordCriteria.minNumeric': 'higher-is-safer',
      'passwordCriteria.minAlpha': 'higher-is-safer',
      'passwordCriteria.minSpecial': 'higher-is-safer',
      'passwordCriteria.disallowDynamicWebText': 'safe-when-true',
      'passwordCriteria.disallowList': 'safe-when-true',
      'passwordCriteria.disallowValues': 'more-is-safer',
    } satisfies Record<Each<typeof MEETING_SECURITY_FIELDS>, Direction>,
    access: 'read-write',
    read: 'GET /v1/admin/meeting/config/commonSettings (securityOptions), once per site',
    write: 'PATCH /v1/admin/meeting/config/commonSettings, changed fields only',
    citations: ['164.312(a)(1)', '164.312(d)'],
    construct: 'MeetingSecurity',
    baselineProps: { orgWide: 'meetingSecurity', siteOverrides: 'siteOverrides' },
  }),
  hostLobby: control({
    scope: 'host',
    title: "Each host's lobby: personal room auto-lock and lobby notification, no join before host",
    schema: HostLobbySchema,
    fields: {
      'personalMeetingRoom.enabledAutoLock': 'safe-when-true',
      'personalMeetingRoom.autoLockMinutes': 'lower-is-safer',
      'personalMeetingRoom.enabledNotifyHost': 'safe-when-true',
      'schedulingOptions.enabledJoinBeforeHost': 'safe-when-false',
    } satisfies Record<Each<typeof HOST_LOBBY_FIELDS>, Direction>,
    access: 'read-write',
    read: 'GET /v1/meetingPreferences (personal room and scheduling options in one read), per host',
    write: 'PUT /v1/meetingPreferences/personalMeetingRoom and /schedulingOptions, full body (every other field, the PIN included, sent back unchanged)',
    citations: ['164.312(a)(1)'],
    construct: 'HostLobby',
    baselineProps: { orgWide: 'hostLobby', siteOverrides: 'hostLobbySiteOverrides' },
  }),
  endToEndEncryption: control({
    scope: 'host',
    title: "The site's end-to-end encryption session type, for each host",
    schema: EndToEndEncryptionSchema,
    // Adding the E2EE session type strengthens; the handler never removes a type.
    fields: { sessionTypeIds: 'more-is-safer' },
    access: 'read-write',
    read: 'GET /v1/admin/meeting/config/sessionTypes per site, GET /v1/admin/meeting/userconfig/sessionTypes per host',
    write: "PUT /v1/admin/meeting/userconfig/sessionTypes: the host's types plus E2EE",
    citations: ['164.312(e)(1)', '164.312(a)(2)(iv)'],
    construct: 'EndToEndEncryption',
    baselineProps: { orgWide: 'endToEndEncryption', siteOverrides: 'endToEndEncryptionSiteOverrides' },
  }),
  hostAiAssistant: preferenceControl({
    title: "Each host's meetings start without the Webex AI Assistant (off by default in the host's scheduling options)",
    flags: {
      'schedulingOptions.enabledWebexAssistantByDefault': { safe: false, absentMeans: false, description: 'Whether the Webex AI Assistant is on by default in the meetings the host schedules' },
    },
    citations: ['164.308(b)(1)', '164.314(a)(1)'],
    baselineProp: 'hostAiAssistant',
  }),
  hostRecordingSharing: preferenceControl({
    title: "Each host's meeting recordings are not shared with every invitee automatically",
    flags: {
      'schedulingOptions.enabledAutoShareRecording': { safe: false, absentMeans: false, description: "Whether the host's meeting recordings are shared with every invitee automatically" },
    },
    citations: ['164.312(a)(1)', '164.308(a)(4)(i)'],
    baselineProp: 'hostRecordingSharing',
  }),
  scheduledMeetingLobby: control({
    scope: 'host',
    title: "The lobby of each host's upcoming scheduled meetings: uninvited people wait in the lobby or are blocked, the meeting locks",
    schema: ScheduledMeetingLobbySchema,
    // Per meeting (`meeting.<id>.unlockedMeetingJoinSecurity`, `…enableAutomaticLock`): the handler's impactOf gives their direction.
    fields: {},
    access: 'review',
    read: 'GET /v1/meetings?meetingType=scheduledMeeting&hostEmail=&siteUrl=&from=&to= (List Meetings), every page, per host',
    write: 'PATCH /v1/meetings/{meetingId} with the changed lobby fields, hostEmail and sendEmail false, only with fixMeetings',
    citations: ['164.312(a)(1)', '164.308(a)(4)(ii)(C)'],
    construct: 'ScheduledMeetingLobby',
  }),
} as const;

/** Controls declared once per org. */
export const ORG_CONTROLS = {
  passwordPolicy: control({
    scope: 'org',
    title: 'Org password policy for Webex-managed passwords',
    schema: PasswordPolicySchema,
    fields: {
      minimumLength: 'higher-is-safer',
      minimumNumeric: 'higher-is-safer',
      minimumCapAlpha: 'higher-is-safer',
      minimumLowAlpha: 'higher-is-safer',
      minimumSpecial: 'higher-is-safer',
      historyCount: 'higher-is-safer',
      maxPasswordAgeDays: 'lower-is-safer',
      notAcceptableStrings: 'more-is-safer',
    },
    access: 'write-only',
    read: 'none: Webex has no GET (the last enforcement is recorded in the state folder)',
    write: 'PATCH /identity/organizations/{orgId}/passwordPolicy, every field',
    citations: ['164.308(a)(5)(ii)(D)'],
    construct: 'PasswordPolicy',
  }),
  mfa: control({
    scope: 'org',
    title: 'Org-wide multi-factor authentication (and the users without it)',
    schema: MfaSchema,
    fields: { mfaEnabled: 'safe-when-true' },
    access: 'write-only',
    read: 'none for the setting; SCIM /identity/scim/{orgId}/v2/Users for the users without MFA',
    write: 'PATCH /identity/organizations/{orgId}/authenticationConfig mfaEnabled',
    citations: ['164.312(d)'],
    construct: 'MultiFactorAuthentication',
  }),
  adminAccess: control({
    scope: 'org',
    title: 'Who holds admin roles, and how many Full Administrators',
    schema: AdminAccessSchema,
    fields: {},
    access: 'review',
    read: 'GET /v1/roles, GET /v1/people?roles=',
    write: 'PUT /v1/people/{id} without the admin roles, only with revokeUnexpected',
    citations: ['164.308(a)(4)(i)'],
    construct: 'AdminAccess',
  }),
  inactiveAccounts: control({
    scope: 'org',
    title: 'Accounts without activity for N days',
    schema: InactiveAccountsSchema,
    fields: { loginEnabled: 'safe-when-false' },
    access: 'review',
    read: 'GET /v1/people lastActivity',
    write: 'PUT /v1/people/{id} loginEnabled false, only with deactivate',
    citations: ['164.308(a)(3)(ii)(C)'],
    construct: 'InactiveAccounts',
  }),
  attestations: control({
    scope: 'org',
    title: 'Manual attestations of the controls Webex has no API for (retention, idle timeout, SSO, site lobby policy, recording access, data residency, BAA, AI assistant, site E2EE)',
    schema: AttestationsSchema,
    fields: {},
    access: 'attestation',
    read: 'none: Webex has no API; the manifest states who attested, when, the reference and the expiry',
    write: 'none',
    citations: ['164.312(a)(2)(iii)', '164.316(b)(2)(i)', '164.308(b)(1)'],
    construct: 'Attestations',
  }),
} as const;

/** Every control, site ones first. */
export const CONTROLS = { ...SITE_CONTROLS, ...ORG_CONTROLS } as const;

export type SiteControlKey = keyof typeof SITE_CONTROLS;
export type OrgControlKey = keyof typeof ORG_CONTROLS;
export type ControlKey = keyof typeof CONTROLS;
/** Site controls read once per selected host. */
export type HostControlKey = { [K in SiteControlKey]: (typeof SITE_CONTROLS)[K]['scope'] extends 'host' ? K : never }[SiteControlKey];
/** Org controls Webex can write but not read. */
export type WriteOnlyControlKey = { [K in OrgControlKey]: (typeof ORG_CONTROLS)[K]['access'] extends 'write-only' ? K : never }[OrgControlKey];

const keysOf = <T extends object>(o: T) => Object.keys(o) as (keyof T)[];

/** The site control keys, in manifest order. */
export const SITE_CONTROL_KEYS: readonly SiteControlKey[] = keysOf(SITE_CONTROLS);
/** The org control keys, in manifest order. */
export const ORG_CONTROL_KEYS: readonly OrgControlKey[] = keysOf(ORG_CONTROLS);
/** The per-host site controls. */
export const HOST_CONTROL_KEYS = SITE_CONTROL_KEYS.filter((key) => SITE_CONTROLS[key].scope === 'host') as readonly HostControlKey[];
/** Site controls a HipaaBaseline declares (those with baseline props); the others only have their own construct. */
export type BaselineSiteControlKey = { [K in SiteControlKey]: (typeof SITE_CONTROLS)[K] extends { readonly baselineProps: object } ? K : never }[SiteControlKey];
export const BASELINE_SITE_CONTROL_KEYS = SITE_CONTROL_KEYS.filter((key) => 'baselineProps' in SITE_CONTROLS[key]) as readonly BaselineSiteControlKey[];
/** Per-host controls of meeting-preference flags (`preferenceControl`): everything about them derives from their flags. */
export type PreferenceControlKey = { [K in SiteControlKey]: (typeof SITE_CONTROLS)[K] extends { readonly preferences: PreferenceFlags } ? K : never }[SiteControlKey];
export const PREFERENCE_CONTROL_KEYS = SITE_CONTROL_KEYS.filter((key) => 'preferences' in SITE_CONTROLS[key]) as readonly PreferenceControlKey[];
/** The write-only org controls. */
export const WRITE_ONLY_CONTROL_KEYS = ORG_CONTROL_KEYS.filter((key) => ORG_CONTROLS[key].access === 'write-only') as readonly WriteOnlyControlKey[];

export function isHostControl(key: string): key is HostControlKey {
  return (HOST_CONTROL_KEYS as readonly string[]).includes(key);
}

export function isPreferenceControl(key: string): key is PreferenceControlKey {
  return (PREFERENCE_CONTROL_KEYS as readonly string[]).includes(key);
}

/** The descriptor of a control key, if it is one. */
export function controlOf(key: string): ControlDescriptor | undefined {
  return Object.hasOwn(CONTROLS, key) ? CONTROLS[key as ControlKey] : undefined;
}

/** The zod shape of a settings object: each control's entry, optional. */
export function settingsShape<C extends Readonly<Record<string, ControlDescriptor>>>(controls: C): { -readonly [K in keyof C]: z.ZodOptional<C[K]['schema']> } {
  return Object.fromEntries(Object.entries(controls).map(([key, descriptor]) => [key, descriptor.schema.optional()])) as { -readonly [K in keyof C]: z.ZodOptional<C[K]['schema']> };
}

/** `<control>.<field>` → direction, for every field of every control. */
export function fieldDirections(): Record<string, Direction> {
  const out: Record<string, Direction> = {};
  for (const [key, descriptor] of Object.entries(CONTROLS)) for (const [field, direction] of Object.entries(descriptor.fields)) out[`${key}.${field}`] = direction;
  return out;
}
