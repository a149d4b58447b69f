import { Construct } from 'constructs';
import { BaselineSiteControlKey, SITE_CONTROLS, SiteSchema, SiteSettings } from '../manifest/schema';
import { IBaselineControl, markBaselineControl } from './baseline-control';
import { ControlLayer } from './control-layer';
import { invalidProp, overrideShadowedByExplicit, unknownOverrideSites, unmanagedSiteProblems, ValidationError } from './errors';
import { MeetingSite } from './meeting-site';
import { SiteSettingEntry } from './site-setting';
import { WebexOrg } from './webex-org';
import { compareCodePoints } from '../manifest/compare';

export interface SiteControlBaselineProps<P, S> {
  /** The site settings key the control declares, e.g. `hostLobby`. */
  readonly key: BaselineSiteControlKey;
  /** The explicit construct that wins over the baseline for this key, for messages. @default the catalogue's `construct` */
  readonly kind?: string;
  /** The baseline prop holding the org-wide props, for messages. @default the catalogue's `baselineProps.orgWide` */
  readonly prop?: string;
  /** The baseline prop holding the per-site props, for messages. @default the catalogue's `baselineProps.siteOverrides` */
  readonly overridesProp?: string;
  /** Org-wide props over the HIPAA-safe defaults; undefined for the defaults. */
  readonly orgWide?: P;
  /** Per-site props keyed by siteUrl, applied over `orgWide`. */
  readonly siteOverrides?: Readonly<Record<string, P>>;
  /** Resolves layers of props (validating each) into the settings of the manifest entry. */
  readonly resolve: (layers: readonly ControlLayer<P>[], scope: Construct) => S;
  /** @default 'HipaaBaseline' */
  readonly owner?: string;
  /** Sites on which the control declares nothing (HipaaBaseline `unmanagedSiteControls`). */
  readonly unmanagedSites?: readonly string[];
}

/**
 * A per-site control of a baseline: declares its key for every site of the org that has no explicit
 * construct for it, with the org-wide props, or the site's override over them. Props are validated
 * eagerly; overrides naming an unknown site, or a site with its own construct, fail at synth.
 */
export class SiteControlBaseline<P, S extends object> extends Construct implements IBaselineControl {
  readonly org: WebexOrg;
  /** What every site without an override gets. */
  readonly orgWideSettings: S;
  private readonly options: SiteControlBaselineProps<P, S> & { readonly kind: string; readonly prop: string; readonly overridesProp: string };
  private readonly owner: string;
  private readonly overrides: ReadonlyMap<string, S>;
  private readonly unmanaged: ReadonlySet<string>;

  constructor(scope: Construct, id: string, options: SiteControlBaselineProps<P, S>) {
    super(scope, id);
    this.org = WebexOrg.of(this);
    const descriptor = SITE_CONTROLS[options.key];
    this.options = { ...options, kind: options.kind ?? descriptor.construct, prop: options.prop ?? descriptor.baselineProps.orgWide, overridesProp: options.overridesProp ?? descriptor.baselineProps.siteOverrides };
    this.owner = options.owner ?? 'HipaaBaseline';
    const { prop, overridesProp } = this.options;

    const orgWide: ControlLayer<P>[] = options.orgWide === undefined ? [] : [{ owner: this.owner, prefix: `${prop}.`, props: options.orgWide }];
    this.orgWideSettings = options.resolve(orgWide, this);

    const overrides = options.siteOverrides ?? {};
    if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
      throw invalidProp(this.owner, overridesProp, overrides, 'an object keyed by siteUrl', this);
    }
    const resolved = new Map<string, S>();
    for (const [siteUrl, override] of Object.entries(overrides)) {
      if (!SiteSchema.shape.siteUrl.safeParse(siteUrl).success) {
        throw invalidProp(this.owner, `${overridesProp} key`, siteUrl, 'a siteUrl: a lower-case host name such as example.webex.com, without scheme, port or path', this);
      }
      const layer = { owner: this.owner, prefix: `${overridesProp}[${JSON.stringify(siteUrl)}].`, props: override };
      resolved.set(siteUrl, options.resolve([...orgWide, layer], this));
    }
    this.overrides = resolved;
    this.unmanaged = new Set(options.unmanagedSites ?? []);
    markBaselineControl(this);
  }

  siteSettings(site: MeetingSite): SiteSettings {
    if (site.explicitSetting(this.options.key) !== undefined || this.unmanaged.has(site.siteUrl)) return {};
    const settings = this.overrides.get(site.siteUrl) ?? this.orgWideSettings;
    return { [this.options.key]: { path: this.node.path, ...structuredClone(settings) } as SiteSettingEntry };
  }

  synthProblems(org: WebexOrg): ValidationError[] {
    const sites = MeetingSite.sitesOf(org);
    const known = sites.map((site) => site.siteUrl);
    const problems: ValidationError[] = [];
    const unknown = [...this.overrides.keys()].filter((siteUrl) => !known.includes(siteUrl)).sort(compareCodePoints);
    if (unknown.length > 0) problems.push(unknownOverrideSites(this.owner, org.name, unknown, known, this, this.options.overridesProp));
    problems.push(...unmanagedSiteProblems(this.owner, org.name, this.options.key, this.unmanaged, known, this.overrides, this.options.overridesProp, this));
    for (const site of sites) {
      const explicit = site.explicitSetting(this.options.key);
      if (explicit !== undefined && this.overrides.has(site.siteUrl)) {
        problems.push(overrideShadowedByExplicit(this.owner, site.siteUrl, explicit, this, this.options.kind, this.options.overridesProp));
      }
      if (explicit !== undefined && this.unmanaged.has(site.siteUrl)) {
        problems.push(overrideShadowedByExplicit(this.owner, site.siteUrl, explicit, this, this.options.kind, 'unmanagedSiteControls'));
      }
    }
    return problems;
  }
}
