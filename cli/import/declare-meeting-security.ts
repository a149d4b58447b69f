import {
  MEETING_SECURITY_DEFAULTS,
  MeetingSecurityProps,
  MeetingSecuritySettings,
  PASSWORD_CRITERIA_DEFAULTS,
  PasswordCriteriaProps,
  resolveMeetingSecurity,
} from '../../constructs/meeting-security-settings';
import type { FieldValues } from '../../provisioning';
import { meetingSecurityHandler } from '../../provisioning/settings/meeting-security';
import { best, count, hipaaNote, ImportNote, PROBE_SCOPE, sameJson, SiteControlDeclaration, tryDeclare } from './declaration';
import { array, entry, object, ObjectEntry, ObjectNode, scalar } from './source-node';
import { compareCodePoints } from '../../manifest';

type Flag = keyof typeof MEETING_SECURITY_DEFAULTS;
type CriteriaField = keyof typeof PASSWORD_CRITERIA_DEFAULTS;
const FLAGS = Object.keys(MEETING_SECURITY_DEFAULTS) as Flag[];
const CRITERIA_FIELDS = Object.keys(PASSWORD_CRITERIA_DEFAULTS) as CriteriaField[];

/** What the HIPAA-safe defaults resolve to (the base every difference is measured from). */
const DEFAULTS: MeetingSecuritySettings = resolveMeetingSecurity([], PROBE_SCOPE);

interface Readable {
  readonly siteUrl: string;
  readonly settings: MeetingSecuritySettings;
  /** Every option set explicitly: resolves to `settings` whatever layers lie below it. */
  readonly full: MeetingSecurityProps;
}

/**
 * The sites' meeting security (commonSettings securityOptions) as HipaaBaseline props: the value most
 * sites share as the org-wide `meetingSecurity` (only what differs from the HIPAA defaults), each other
 * site as a `siteOverrides` entry (only what differs from the org-wide value). A site whose values the
 * constructs cannot declare (e.g. a criteria minimum above Cisco's 12) is left unmanaged and reported.
 */
export function declareMeetingSecurity(sites: readonly { siteUrl: string; values: FieldValues | undefined }[], multiSite: boolean): SiteControlDeclaration {
  const notes: ImportNote[] = [];
  const unmanaged = new Map<string, string>();
  const readable: Readable[] = [];
  for (const { siteUrl, values } of sites) {
    const site = values === undefined ? { ok: false as const, reason: 'its common settings were not read' } : readSite(values);
    if (site.ok) {
      readable.push({ siteUrl, ...site.value });
    } else {
      unmanaged.set(siteUrl, `its meeting security cannot be declared as it is: ${site.reason}`);
      notes.push({ level: 'warning', control: 'meetingSecurity', siteUrl, message: `left unmanaged: ${site.reason}` });
    }
  }

  const common = mostCommon(readable);
  const overrides = new Map<string, ObjectNode>();
  let orgWideProps: MeetingSecurityProps = {};
  if (common !== undefined) {
    orgWideProps = differences(common.settings, DEFAULTS);
    if (!sameJson(resolve([orgWideProps]), common.settings)) orgWideProps = common.full;
    const base = resolve([orgWideProps]);
    for (const site of readable) {
      if (sameJson(site.settings, base)) continue;
      let props = differences(site.settings, base);
      if (!sameJson(resolve([orgWideProps, props]), site.settings)) props = site.full;
      overrides.set(site.siteUrl, securityNode(props));
    }
  }
  if (overrides.size > 0) {
    const described = [...overrides.keys()].sort(compareCodePoints).join(', ');
    notes.push({ level: 'note', control: 'meetingSecurity', message: `${count(overrides.size, 'site')} ${overrides.size === 1 ? 'differs' : 'differ'} from the org-wide values and ${overrides.size === 1 ? 'is' : 'are'} declared in siteOverrides: ${described}` });
  }
  const leading = multiSite
    ? ['Site meeting security (commonSettings securityOptions) as most sites have it; only values that differ from the HIPAA defaults.']
    : ['Site meeting security (commonSettings securityOptions) as imported; only values that differ from the HIPAA defaults.'];
  const orgWide = Object.keys(orgWideProps).length > 0 ? { ...securityNode(orgWideProps), leading } : undefined;
  return { ...(orgWide ? { orgWide } : {}), overrides, unmanaged, exemptHosts: new Map(), managedHosts: new Map(), notes };
}

/** The site's values as props the constructs accept, checked against the handler's own comparison. */
function readSite(values: FieldValues): { ok: true; value: { settings: MeetingSecuritySettings; full: MeetingSecurityProps } } | { ok: false; reason: string } {
  const full: Record<string, unknown> = {};
  for (const flag of FLAGS) full[flag] = values[flag];
  if (values.requireStrongPassword === true) {
    const criteria: Record<string, unknown> = {};
    for (const field of CRITERIA_FIELDS) {
      const value = values[`passwordCriteria.${field}`];
      // Lists compare as sets everywhere (Webex does not keep their order): a repeat carries no meaning.
      criteria[field] = Array.isArray(value) ? [...new Set(value)] : value;
    }
    full.passwordCriteria = criteria;
  }
  const resolved = tryDeclare(() => resolveMeetingSecurity([{ owner: 'MeetingSecurity', prefix: '', props: full as MeetingSecurityProps }], PROBE_SCOPE));
  if (!resolved.ok) return resolved;
  const diff = meetingSecurityHandler.diff({ path: 'import', ...resolved.value }, values);
  if (diff !== undefined) return { ok: false, reason: `declaring the values read would still change ${Object.keys(diff.after).join(', ')}` };
  return { ok: true, value: { settings: resolved.value, full: full as MeetingSecurityProps } };
}

/** The value the most sites share; ties go to the one closest to the HIPAA defaults, then by siteUrl. */
function mostCommon(sites: readonly Readable[]): Readable | undefined {
  const sharing = (site: Readable) => sites.filter((other) => sameJson(other.settings, site.settings)).length;
  const sorted = [...sites].sort((a, b) => compareCodePoints(a.siteUrl, b.siteUrl));
  return best(sorted, (site) => [sharing(site), -Object.keys(differences(site.settings, DEFAULTS)).length]);
}

/** The props that turn `base` into `settings`: each option that differs, and each criterion that differs. */
function differences(settings: MeetingSecuritySettings, base: MeetingSecuritySettings): MeetingSecurityProps {
  const props: Record<string, unknown> = {};
  for (const flag of FLAGS) if (settings[flag] !== base[flag]) props[flag] = settings[flag];
  const criteria = settings.requireStrongPassword ? settings.passwordCriteria : undefined;
  if (criteria !== undefined) {
    const baseCriteria = base.passwordCriteria ?? DEFAULTS.passwordCriteria!;
    const changed: Record<string, unknown> = {};
    for (const field of CRITERIA_FIELDS) if (!sameJson(criteria[field], baseCriteria[field])) changed[field] = criteria[field];
    if (Object.keys(changed).length > 0) props.passwordCriteria = changed;
  }
  return props as MeetingSecurityProps;
}

function resolve(layers: readonly MeetingSecurityProps[]): MeetingSecuritySettings {
  return resolveMeetingSecurity(layers.map((props) => ({ owner: 'HipaaBaseline', prefix: '', props })), PROBE_SCOPE);
}

/** Props as source, each value that differs from the HIPAA default marked with it. */
function securityNode(props: MeetingSecurityProps): ObjectNode {
  const entries: ObjectEntry[] = [];
  for (const flag of FLAGS) {
    const value = props[flag];
    if (value !== undefined) entries.push(entry(flag, scalar(value, hipaaNote(value, MEETING_SECURITY_DEFAULTS[flag]))));
  }
  const criteria = props.passwordCriteria;
  if (criteria !== undefined) {
    const criteriaEntries: ObjectEntry[] = [];
    for (const field of CRITERIA_FIELDS) {
      const value = criteria[field as keyof PasswordCriteriaProps];
      if (value === undefined) continue;
      const note = hipaaNote(value, PASSWORD_CRITERIA_DEFAULTS[field]);
      criteriaEntries.push(entry(field, Array.isArray(value) ? array((value as string[]).map((v) => scalar(v)), note ? { trailing: note } : {}) : scalar(value as number | boolean, note)));
    }
    entries.push(entry('passwordCriteria', object(criteriaEntries)));
  }
  return object(entries);
}
