import { Construct, IConstruct } from 'constructs';
import { isPreferenceControl, PREFERENCE_CONTROL_KEYS, PreferenceControlKey, PreferenceEntry, PreferenceFlag, PreferenceProps, SITE_CONTROLS, safePreferences, splitPreferenceField } from '../manifest/schema';
import { ControlLayer } from './control-layer';
import { duplicateSiteSetting, invalidProp, notInsideSite } from './errors';
import { HostSelectionProps, resolveHostSelection } from './host-selection';
import { MeetingSite } from './meeting-site';
import { checkBoolean, checkProps } from './prop-checks';
import { ISiteSetting, markSiteSetting, SiteSettingEntry } from './site-setting';

type FlagsOf<K extends PreferenceControlKey> = (typeof SITE_CONTROLS)[K]['preferences'];

/**
 * The props of a per-host control of meeting-preference flags: `hosts`, and each flag under its section
 * of the Webex object (e.g. `{ schedulingOptions: { enabledAutoShareRecording: false } }`). Every flag
 * defaults to its HIPAA-safe value (`manifest/catalogue.ts` gives it, with why).
 */
export type HostPreferenceProps<K extends PreferenceControlKey> = PreferenceProps<FlagsOf<K>, HostSelectionProps>;
/** The manifest entry of such a control, without its path. */
export type HostPreferenceSettings<K extends PreferenceControlKey> = Omit<PreferenceEntry<FlagsOf<K>>, 'path'>;

/**
 * Resolves layers of a preference control's props, broadest first, over its HIPAA-safe flags; a narrower
 * layer's `hosts` replaces the broader one. Every layer is validated: unknown props and non-boolean flags
 * fail with one line naming the prop.
 */
export function resolveHostPreferences<K extends PreferenceControlKey>(key: K): (layers: readonly ControlLayer<HostPreferenceProps<K>>[], scope: IConstruct) => HostPreferenceSettings<K> {
  const flags = SITE_CONTROLS[key].preferences as Readonly<Record<string, PreferenceFlag>>;
  // Each section's flag names, once: every layer is checked against them.
  const namesBySection = new Map<string, string[]>();
  for (const field of Object.keys(flags)) {
    const { section, name } = splitPreferenceField(field);
    namesBySection.set(section, [...(namesBySection.get(section) ?? []), name]);
  }
  const sections = [...namesBySection.keys()];
  return (layers, scope) => {
    const values = safePreferences(flags) as Record<string, Record<string, boolean>>;
    let hosts: ReturnType<typeof resolveHostSelection>;
    for (const { owner, prefix, props: raw } of layers) {
      const props = checkProps(owner, prefix.replace(/\.$/, ''), raw, ['hosts', ...sections], scope);
      for (const section of sections) {
        if (props[section] === undefined) continue;
        const names = namesBySection.get(section)!;
        const given = checkProps(owner, `${prefix}${section}`, props[section], names, scope);
        for (const name of names) {
          checkBoolean(owner, `${prefix}${section}.${name}`, given[name], scope);
          if (given[name] !== undefined) values[section]![name] = given[name] as boolean;
        }
      }
      if (props.hosts !== undefined) hosts = resolveHostSelection(owner, `${prefix}hosts`, props.hosts as HostSelectionProps, scope);
    }
    return { ...values, ...(hosts ? { hosts } : {}) } as HostPreferenceSettings<K>;
  };
}

/**
 * One per-host control of meeting-preference flags (one of `PREFERENCE_CONTROL_KEYS`)
 * declared explicitly for one site; it wins over a HipaaBaseline. `control` names it; the other props are
 * its flags and `hosts`, each flag defaulting to its HIPAA-safe value. A site takes at most one per control.
 */
export class HostPreferences<K extends PreferenceControlKey = PreferenceControlKey> extends Construct implements ISiteSetting<K> {
  readonly siteSettingKey: K;
  readonly site: MeetingSite;
  readonly settings: HostPreferenceSettings<K>;

  constructor(site: MeetingSite, id: string, props: { readonly control: K } & HostPreferenceProps<K>) {
    super(site, id);
    if (!MeetingSite.isMeetingSite(site)) throw notInsideSite('HostPreferences', this);
    const { control, ...rest } = (props ?? {}) as { control?: unknown };
    if (typeof control !== 'string' || !isPreferenceControl(control)) throw invalidProp('HostPreferences', 'control', control, `one of ${PREFERENCE_CONTROL_KEYS.join(', ')}`, this);
    this.siteSettingKey = control as K;
    this.site = site;
    const existing = site.explicitSetting(this.siteSettingKey);
    if (existing !== undefined && existing !== this) throw duplicateSiteSetting(`HostPreferences (${control})`, site.siteUrl, existing, this);
    this.settings = resolveHostPreferences(this.siteSettingKey)([{ owner: `HostPreferences (${control})`, prefix: '', props: rest as HostPreferenceProps<K> }], this);
    markSiteSetting(this);
  }

  renderSiteSetting(): SiteSettingEntry<K> {
    return { path: this.node.path, ...structuredClone(this.settings) } as never;
  }
}
