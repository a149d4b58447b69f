import { Org, PolicyException } from '../../manifest';
import {
  AuditView,
  declaredSubject,
  RemovedRecordingsView,
  withRecordings,
  evaluateOrg,
  HIPAA_PACK,
  observedSubject,
  OrgReport,
  ProfileId,
  Rule,
  RuleResult,
  Subject,
} from '../../policies';
import type { ObservedOrg } from '../../provisioning';
import { enforcementHash, observedFacts } from '../../provisioning';
import { writeOnlyHandler } from '../../provisioning/settings/registry';

/**
 * ScubaGear-style fixtures: one compliant org, declared (a manifest entry) and observed (what
 * provisioning's handlers read from a compliant live org), and a mutation per non-compliant case.
 * Dates are fixed, and every evaluation passes TODAY, so no test depends on the clock.
 */
export const TODAY = '2026-06-15';
export const SITE = 'clinic.webex.com';
export const ANNEX = 'annex.clinic.webex.com';
export const ORG_PATH = 'clinic/Org';
export const BASELINE = 'clinic/Org/HipaaBaseline';

const ATTESTED = { attestedBy: 'Pat Privacy <privacy@clinic.example>', attestedOn: '2026-01-10', expires: '2027-01-10', reference: 'GRC-1234' };

/** A declaration every rule of the pack passes. */
export function compliantOrg(): Org {
  const site = (siteUrl: string, id: string) => ({
    path: `${ORG_PATH}/${id}`,
    siteUrl,
    settings: {
      meetingSecurity: {
        path: `${BASELINE}/MeetingSecurity`,
        joinBeforeHost: false,
        audioBeforeHost: false,
        firstAttendeeAsPresenter: false,
        unlistAllMeetings: true,
        requireLoginBeforeAccess: true,
        allowMobileScreenCapture: false,
        requireStrongPassword: true,
        passwordCriteria: { mixedCase: true, minLength: 12, minNumeric: 1, minAlpha: 1, minSpecial: 1, disallowDynamicWebText: true, disallowList: true, disallowValues: ['password'] },
      },
      hostLobby: {
        path: `${BASELINE}/HostLobby`,
        personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5 as const, enabledNotifyHost: true },
        schedulingOptions: { enabledJoinBeforeHost: false },
      },
      endToEndEncryption: { path: `${BASELINE}/EndToEndEncryption`, sessionType: { nameContains: 'End to End Encryption' } },
      hostAiAssistant: { path: `${BASELINE}/HostAiAssistant`, schedulingOptions: { enabledWebexAssistantByDefault: false } },
      hostRecordingSharing: { path: `${BASELINE}/HostRecordingSharing`, schedulingOptions: { enabledAutoShareRecording: false } },
    },
  });
  return {
    path: ORG_PATH,
    name: 'Riverside Family Clinic',
    settings: {
      passwordPolicy: {
        path: `${BASELINE}/PasswordPolicy`,
        minimumLength: 12,
        minimumNumeric: 1,
        minimumCapAlpha: 1,
        minimumLowAlpha: 1,
        minimumSpecial: 1,
        historyCount: 5,
        maxPasswordAgeDays: 90,
        notAcceptableStrings: ['password', 'webex'],
      },
      mfa: { path: `${BASELINE}/Mfa`, mfaEnabled: true, reportUsersWithoutMfa: true },
      adminAccess: { path: `${BASELINE}/AdminAccess`, allowedAdmins: ['admin@clinic.example', 'it@clinic.example'], maxFullAdmins: 2, revokeUnexpected: false },
      inactiveAccounts: { path: `${BASELINE}/InactiveAccounts`, inactiveDays: 90, exemptEmails: [], deactivate: true },
      attestations: {
        path: `${BASELINE}/Attestations`,
        required: ['messageRetention', 'recordingRetention', 'idleTimeout', 'ssoEnforcement', 'siteLobbyPolicy', 'recordingAccess', 'dataResidency', 'businessAssociateAgreement', 'aiAssistantCoverage', 'siteEndToEndEncryption'],
        messageRetention: { ...ATTESTED, details: { retentionDays: 2190 } },
        recordingRetention: { ...ATTESTED, details: { retentionDays: 2555 } },
        idleTimeout: { ...ATTESTED, details: { idleTimeoutMinutes: 20 } },
        ssoEnforcement: { ...ATTESTED, details: { identityProvider: 'Okta' } },
        siteLobbyPolicy: { ...ATTESTED, details: { unauthenticatedUsers: 'lobby' } },
        recordingAccess: { ...ATTESTED, details: { accessRestrictedTo: 'host and invited internal users', downloadAllowed: false } },
        dataResidency: { ...ATTESTED, details: { region: 'United States' } },
        businessAssociateAgreement: { ...ATTESTED, details: { plan: 'Webex Suite Enterprise', productsCovered: ['Webex Meetings', 'Webex Messaging'], signedOn: '2025-12-01' } },
        aiAssistantCoverage: { ...ATTESTED, details: { status: 'covered-by-baa' } },
        siteEndToEndEncryption: { ...ATTESTED, details: { siteUrls: [ANNEX, SITE] } },
      },
    },
    sites: [site(ANNEX, 'Annex'), site(SITE, 'MainSite')],
  };
}

const LOBBY = { 'personalMeetingRoom.enabledAutoLock': true, 'personalMeetingRoom.autoLockMinutes': 5, 'personalMeetingRoom.enabledNotifyHost': true, 'schedulingOptions.enabledJoinBeforeHost': false };
/** Two upcoming meetings per host, both safe: one sends uninvited people to the lobby, one blocks them; both lock. */
const MEETINGS = {
  'meeting.aaaa1111_20260620T150000Z.start': '2026-06-20T15:00:00Z',
  'meeting.aaaa1111_20260620T150000Z.unlockedMeetingJoinSecurity': 'allowJoinWithLobby',
  'meeting.aaaa1111_20260620T150000Z.enableAutomaticLock': true,
  'meeting.bbbb2222_20260701T150000Z.start': '2026-07-01T15:00:00Z',
  'meeting.bbbb2222_20260701T150000Z.unlockedMeetingJoinSecurity': 'blockFromJoin',
  'meeting.bbbb2222_20260701T150000Z.enableAutomaticLock': true,
};
const SESSION_TYPES = [
  { id: '3', shortName: 'PRO', name: 'Pro Meeting', type: 'meeting' },
  { id: '628', shortName: 'PRO3E2E', name: 'Pro 3.0 End to End Encryption_VOIPonly', type: 'meeting' },
];

/** What provisioning reads from a live org that matches compliantOrg(). */
export function compliantLive(org: Org = compliantOrg()): ObservedOrg {
  const security = {
    joinBeforeHost: false,
    audioBeforeHost: false,
    firstAttendeeAsPresenter: false,
    unlistAllMeetings: true,
    requireLoginBeforeAccess: true,
    allowMobileScreenCapture: false,
    requireStrongPassword: true,
    'passwordCriteria.mixedCase': true,
    'passwordCriteria.minLength': 12,
    'passwordCriteria.minNumeric': 1,
    'passwordCriteria.minAlpha': 1,
    'passwordCriteria.minSpecial': 1,
    'passwordCriteria.disallowDynamicWebText': true,
    'passwordCriteria.disallowList': true,
    'passwordCriteria.disallowValues': ['password'],
  };
  const hosts = (siteUrl: string) => ({
    hostLobby: { site: {}, notHosts: [], hosts: ['dr.lee@clinic.example', 'dr.kim@clinic.example'].map((email, i) => ({ email, personId: `P${i}`, values: { ...LOBBY } })) },
    endToEndEncryption: { site: { sessionTypes: SESSION_TYPES }, notHosts: [], hosts: ['dr.lee@clinic.example', 'dr.kim@clinic.example'].map((email, i) => ({ email, personId: `P${i}`, values: { sessionTypeIds: ['3', '628'] } })) },
    scheduledMeetingLobby: { site: {}, notHosts: [], hosts: ['dr.lee@clinic.example', 'dr.kim@clinic.example'].map((email, i) => ({ email, personId: `P${i}`, values: { ...MEETINGS } })) },
    hostAiAssistant: { site: {}, notHosts: [], hosts: ['dr.lee@clinic.example', 'dr.kim@clinic.example'].map((email, i) => ({ email, personId: `P${i}`, values: { 'schedulingOptions.enabledWebexAssistantByDefault': false } })) },
    hostRecordingSharing: { site: {}, notHosts: [], hosts: ['dr.lee@clinic.example', 'dr.kim@clinic.example'].map((email, i) => ({ email, personId: `P${i}`, values: { 'schedulingOptions.enabledAutoShareRecording': false } })) },
    siteUrl,
  });
  const enforced = (setting: 'passwordPolicy' | 'mfa') => ({
    sha256: enforcementHash(writeOnlyHandler(setting).desired(org.settings[setting]!)),
    enforcedAt: '2026-06-01T10:00:00.000Z',
    trackingId: `ROUTER_${setting}`,
  });
  return {
    name: org.name,
    orgId: 'ORG-ID',
    sites: { [SITE]: { meetingSecurity: { ...security } }, [ANNEX]: { meetingSecurity: { ...security } } },
    hosts: Object.fromEntries([SITE, ANNEX].map((s) => { const { siteUrl: _s, ...h } = hosts(s); return [s, h]; })),
    inactive: [],
    org: {
      enforced: { passwordPolicy: enforced('passwordPolicy'), mfa: enforced('mfa') },
      admins: [
        { email: 'admin@clinic.example', personId: 'A1', roles: ['Full Administrator'], unsendablePhoneTypes: [] },
        { email: 'it@clinic.example', personId: 'A2', roles: ['Full Administrator'], unsendablePhoneTypes: [] },
      ],
      mfaUsers: { exposed: true, withoutMfa: [] },
    },
    actor: { id: 'A1', email: 'admin@clinic.example' },
  };
}

/** Audit events collected yesterday, for the assess subject. */
export const AUDIT_FRESH: AuditView = { collectedTo: { 'admin-audit': '2026-06-14T23:00:00.000Z', 'security-audit': '2026-06-14T23:00:00.000Z' } };

/** Six years of the admin recordings list with nothing removed, for both sites. */
export function cleanRecordings(): Record<string, RemovedRecordingsView> {
  const view = { since: '2020-06-16T00:00:00.000Z', until: '2026-06-15T00:00:00.000Z', windows: 74, removed: [] };
  return { [SITE]: { ...view }, [ANNEX]: { ...view } };
}

/** A deep, writable copy type, for mutations. */
export type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
export type LiveOrg = Mutable<ObservedOrg>;

/** The declared subject of the compliant org after `mutate` (a deep copy is mutated). */
export function declared(mutate: (org: Mutable<Org>) => void = () => {}): Subject {
  const org = structuredClone(compliantOrg()) as Mutable<Org>;
  mutate(org);
  return declaredSubject(org as Org, TODAY);
}

/** The observed subject: the compliant declaration and live org after the mutations. */
export function observed(
  mutateLive: (live: Mutable<ObservedOrg>) => void = () => {},
  mutateOrg: (org: Mutable<Org>) => void = () => {},
  audit = AUDIT_FRESH,
  recordings: Record<string, RemovedRecordingsView> = cleanRecordings(),
): Subject {
  const org = structuredClone(compliantOrg()) as Mutable<Org>;
  mutateOrg(org);
  const live = structuredClone(compliantLive(org as Org)) as Mutable<ObservedOrg>;
  mutateLive(live);
  return observedSubject(org as Org, withRecordings(observedFacts(org as Org, live as ObservedOrg), recordings), { today: TODAY, audit });
}

/** One rule's result over a subject (with exceptions when given). */
export function judge(rule: Rule, subject: Subject, options: { profile?: ProfileId; exceptions?: PolicyException[] } = {}): RuleResult {
  return evaluate([rule], subject, options).results[0]!;
}

export function evaluate(pack: readonly Rule[], subject: Subject, options: { profile?: ProfileId; exceptions?: PolicyException[] } = {}): OrgReport {
  return evaluateOrg(pack, subject, { profile: options.profile ?? 'hipaa-current', exceptions: options.exceptions ?? [] });
}

/** The messages of the non-passing judgements, as `<finding>: <message>`. */
export function failures(result: RuleResult): string[] {
  return result.judgements.filter((j) => j.status !== 'pass').map((j) => `${j.finding}: ${j.message}`);
}

export { HIPAA_PACK };
