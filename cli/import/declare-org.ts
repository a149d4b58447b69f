import { BASELINE_SITE_CONTROLS, BaselineSiteControl } from '../../constructs/hipaa-baseline';
import { ATTESTATION_CATALOG, ATTESTATION_CONTROLS, attestationDetailFields, compareCodePoints, DEFAULT_E2EE_NAME_CONTAINS, EMAIL_PATTERN, HOST_CONTROL_KEYS, HostControlKey, PREFERENCE_CONTROL_KEYS, SITE_CONTROLS } from '../../manifest';
import type { ProgramShape } from './construct-org';
import { programShape } from './construct-ids';
import { FULL_ADMINISTRATOR } from '../../provisioning/observe-org-settings';
import { count, ImportNote, SiteControlDeclaration } from './declaration';
import { declareEndToEndEncryption } from './declare-e2ee';
import { declareHostLobby } from './declare-host-lobby';
import { declareHostPreferences } from './declare-host-preferences';
import { declareMeetingSecurity } from './declare-meeting-security';
import type { ImportObservation } from './observation';
import { array, entry, object, ObjectEntry, ObjectNode, scalar } from './source-node';

/** What the generator decided for one org: the program's constructs, the HipaaBaseline props, the notes. */
export interface ImportDeclaration {
  readonly shape: ProgramShape;
  /** The props of `new HipaaBaseline(org, 'HipaaBaseline', …)`, with their comments. */
  readonly baseline: ObjectNode;
  /** Values that cannot be expressed, hosts and sites left unmanaged, and the rest the engineer must know. */
  readonly notes: readonly ImportNote[];
  readonly summary: ImportSummary;
}

export interface ImportSummary {
  readonly sites: readonly SiteSummary[];
  /** People holding an admin role, all declared as allowed. */
  readonly admins: number;
}

export interface SiteSummary {
  readonly siteUrl: string;
  /** Hosts of the site (people with the host role there). */
  readonly hosts: number;
  /** Per-host controls: hosts managed and hosts exempt. */
  readonly hostLobby?: { readonly managed: number; readonly exempt: number };
  readonly endToEndEncryption?: { readonly managed: number; readonly exempt: number };
  /** Controls left unmanaged on the site. */
  readonly unmanaged: readonly BaselineSiteControl[];
}

export interface DeclareOptions {
  /** The cdktf stack id. @default the org name in kebab case */
  readonly stackId?: string;
}

/**
 * Pure: the declaration that reproduces an observed org. One HipaaBaseline carries everything: each site
 * control's common value org-wide and per-site overrides, per-host exceptions as exempt hosts, the sites
 * where a control cannot reproduce what exists as `unmanagedSiteControls`, the current admins as the
 * allow-list, and the attestations as TODOs. Only values that differ from the constructs' HIPAA-safe
 * defaults are declared; the write-only password policy and MFA are left to the baseline's defaults.
 */
export function declareImport(observation: ImportObservation, options: DeclareOptions = {}): ImportDeclaration {
  const { observed } = observation;
  const shape = programShape(observation.org, observation.siteUrls, options.stackId);
  const multiSite = shape.sites.length > 1;
  const siteUrls = shape.sites.map((s) => s.siteUrl);
  const hostsOf = (siteUrl: string, setting: HostControlKey) => observed.hosts?.[siteUrl]?.[setting];
  // A site's hosts: everyone a per-host control of the catalogue read there.
  const hostCount = (siteUrl: string) => new Set(HOST_CONTROL_KEYS.flatMap((key) => hostsOf(siteUrl, key)?.hosts.map((h) => h.email) ?? [])).size;

  const controls: Record<BaselineSiteControl, SiteControlDeclaration> = {
    meetingSecurity: declareMeetingSecurity(siteUrls.map((siteUrl) => ({ siteUrl, values: observed.sites[siteUrl]?.meetingSecurity })), multiSite),
    hostLobby: declareHostLobby(siteUrls.map((siteUrl) => ({ siteUrl, hosts: hostsOf(siteUrl, 'hostLobby')?.hosts ?? [] })), multiSite),
    endToEndEncryption: declareEndToEndEncryption(siteUrls.map((siteUrl) => ({ siteUrl, observed: hostsOf(siteUrl, 'endToEndEncryption') })), multiSite),
    ...(Object.fromEntries(PREFERENCE_CONTROL_KEYS.map((key) => [key, declareHostPreferences(key, siteUrls.map((siteUrl) => ({ siteUrl, hosts: hostsOf(siteUrl, key)?.hosts ?? [] })), multiSite)])) as Record<(typeof PREFERENCE_CONTROL_KEYS)[number], SiteControlDeclaration>),
  };
  const notes: ImportNote[] = BASELINE_SITE_CONTROLS.flatMap((c) => controls[c].notes);

  const entries: ObjectEntry[] = [];
  for (const control of BASELINE_SITE_CONTROLS) {
    const { orgWide, overrides } = controls[control];
    const { orgWide: orgWideProp, siteOverrides: overridesProp } = SITE_CONTROLS[control].baselineProps;
    if (orgWide !== undefined) entries.push(entry(orgWideProp, orgWide));
    if (overrides.size > 0) {
      const sites = [...overrides.entries()].sort(([a], [b]) => compareCodePoints(a, b)).map(([siteUrl, node]) => entry(siteUrl, node));
      entries.push(entry(overridesProp, object(sites), { leading: [`Sites whose ${control} differs from the org-wide values.`] }));
    }
  }

  const unmanaged = unmanagedNode(controls);
  if (unmanaged !== undefined) entries.push(unmanaged);

  const admins = adminEntry(observation, notes);
  if (admins !== undefined) entries.push(admins);
  entries.push(attestationsEntry(observation));

  const summary: ImportSummary = {
    sites: siteUrls.map((siteUrl) => {
      const lobby = controls.hostLobby;
      const e2ee = controls.endToEndEncryption;
      return {
        siteUrl,
        hosts: hostCount(siteUrl),
        ...(lobby.managedHosts.has(siteUrl) ? { hostLobby: { managed: lobby.managedHosts.get(siteUrl)!, exempt: lobby.exemptHosts.get(siteUrl) ?? 0 } } : {}),
        ...(e2ee.managedHosts.has(siteUrl) ? { endToEndEncryption: { managed: e2ee.managedHosts.get(siteUrl)!, exempt: e2ee.exemptHosts.get(siteUrl) ?? 0 } } : {}),
        unmanaged: BASELINE_SITE_CONTROLS.filter((c) => controls[c].unmanaged.has(siteUrl)),
      };
    }),
    admins: observed.org?.admins?.length ?? 0,
  };
  notes.push(...unsafeMeetingNotes(observation));
  notes.push({
    level: 'note',
    control: 'attestations',
    message: `${count(ATTESTATION_CONTROLS.length, 'attestation')} cannot be read (Webex has no API for them): each is a TODO in the file, and plans show it as missing until filled in`,
  });
  return { shape, baseline: object(entries), notes, summary };
}

/** `unmanagedSiteControls`, each site with the reasons as comments; undefined when every control is managed everywhere. */
function unmanagedNode(controls: Record<BaselineSiteControl, SiteControlDeclaration>): ObjectEntry | undefined {
  const bySite = new Map<string, { control: BaselineSiteControl; reason: string }[]>();
  for (const control of BASELINE_SITE_CONTROLS) {
    for (const [siteUrl, reason] of controls[control].unmanaged) bySite.set(siteUrl, [...(bySite.get(siteUrl) ?? []), { control, reason }]);
  }
  if (bySite.size === 0) return undefined;
  const sites = [...bySite.entries()]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([siteUrl, list]) => entry(siteUrl, array(list.map((u) => scalar(u.control))), { leading: list.map((u) => `${u.control}: ${u.reason}.`) }));
  return entry('unmanagedSiteControls', object(sites), {
    leading: ['Not managed yet: declaring these as they are is not possible, and declaring the HIPAA values would change the org.', 'Each is hardening work for a reviewed pull request (see the warnings of webex-iac import).'],
  });
}

/** The people holding an admin role, each with their roles: the allow-list as it is today. */
function adminEntry(observation: ImportObservation, notes: ImportNote[]): ObjectEntry | undefined {
  const admins = observation.observed.org?.admins ?? [];
  const declarable = admins.filter((a) => EMAIL_PATTERN.test(a.email));
  for (const admin of admins.filter((a) => !declarable.includes(a))) {
    notes.push({ level: 'warning', control: 'adminAccess', message: `${admin.email} holds ${admin.roles.join(', ')} but its email cannot be declared in allowedAdmins (not a lower-case address): every plan lists it as an unexpected admin` });
  }
  if (declarable.length === 0) return undefined;
  const full = declarable.filter((a) => a.roles.includes(FULL_ADMINISTRATOR)).length;
  notes.push({
    level: 'note',
    control: 'adminAccess',
    message: `${declarable.length} ${declarable.length === 1 ? 'person' : 'people'} held an admin role (${full} Full Administrator${full === 1 ? '' : 's'}) and ${declarable.length === 1 ? 'is' : 'are'} declared as allowed: review allowedAdmins`,
  });
  const items = [...declarable].sort((a, b) => compareCodePoints(a.email, b.email)).map((a) => scalar(a.email, a.roles.join(', ')));
  return entry('adminAccess', object([entry('allowedAdmins', array(items))]), {
    leading: ['Everyone who held an admin role at import, with their roles. Review it: anyone taken off the list', 'is reported by every plan (and revoked only with revokeUnexpected: true).'],
  });
}

/**
 * One warning per site whose hosts have upcoming meetings that let uninvited people straight in or never
 * lock (import reads every host's, as assess does): meetings belong to their hosts, so import declares
 * nothing for them; assess reports each one, and ScheduledMeetingLobby with fixMeetings lets apply fix them.
 */
function unsafeMeetingNotes(observation: ImportObservation): ImportNote[] {
  return observation.siteUrls.flatMap((siteUrl) => {
    const hosts = observation.observed.hosts?.[siteUrl]?.scheduledMeetingLobby?.hosts ?? [];
    const unsafe = new Set<string>();
    for (const host of hosts) {
      for (const [field, value] of Object.entries(host.values)) {
        const match = /^meeting\.([^.]+)\.(unlockedMeetingJoinSecurity|enableAutomaticLock)$/.exec(field);
        if (match === null) continue;
        const safe = match[2] === 'unlockedMeetingJoinSecurity' ? value === 'allowJoinWithLobby' || value === 'blockFromJoin' : value === true;
        if (!safe) unsafe.add(`${host.email} ${match[1]}`);
      }
    }
    if (unsafe.size === 0) return [];
    const owners = new Set([...unsafe].map((key) => key.split(' ')[0]));
    return [{
      level: 'warning' as const,
      control: 'scheduledMeetingLobby',
      siteUrl,
      message: `${count(unsafe.size, 'upcoming meeting')} of ${count(owners.size, 'host')} let uninvited people join directly or never lock: assess lists them (WBX.MEET.10v1); declare ScheduledMeetingLobby with fixMeetings: true to have apply fix them`,
    }];
  });
}

/** The attestations, all required by the baseline, each a commented-out TODO to fill in. */
function attestationsEntry(observation: ImportObservation): ObjectEntry {
  const e2eeSites = observation.siteUrls.filter((siteUrl) =>
    (observation.observed.hosts?.[siteUrl]?.endToEndEncryption?.site.sessionTypes ?? []).some((t) => (t.name ?? '').toLowerCase().includes(DEFAULT_E2EE_NAME_CONTAINS.toLowerCase())),
  );
  const closing: string[] = [];
  for (const control of ATTESTATION_CONTROLS) {
    const { title, hipaa } = ATTESTATION_CATALOG[control];
    const details = attestationDetailFields(control).map((field) => `${field}: TODO`);
    closing.push(`TODO(attestation) ${title} (45 CFR ${hipaa})`);
    if (control === 'siteEndToEndEncryption' && e2eeSites.length > 0) {
      closing.push(`  (at import, these sites offered an E2EE session type: ${e2eeSites.join(', ')}; assess reads it (WBX.ENC.2v2), so attest only sites it cannot read)`);
    }
    closing.push(`${control}: { attestedBy: TODO, attestedOn: TODO, reference: TODO, expires: TODO, ${details.join(', ')} },`);
  }
  return entry('attestations', object([], { closing }), {
    leading: [
      'Attestations: Webex has no API for these controls, so import could not read them. Each stays "missing" in',
      'every plan until someone attests it: uncomment it and replace each TODO with who attested (attestedBy), when',
      '(attestedOn, YYYY-MM-DD), where the evidence is (reference), until when (expires), and the details.',
    ],
  });
}

