import { Construct } from 'constructs';
import { SiteSchema, SiteSettings } from '../manifest/schema';
import { invalidProp, overrideShadowedByExplicit, unknownOverrideSites, unmanagedSiteProblems, ValidationError } from './errors';
import { IBaselineControl, markBaselineControl } from './baseline-control';
import { MeetingSecurityLayer, MeetingSecurityProps, MeetingSecuritySettings, resolveMeetingSecurity } from './meeting-security-settings';
import { MeetingSite } from './meeting-site';
import { WebexOrg } from './webex-org';
import { compareCodePoints } from '../manifest/compare';

export interface MeetingSecurityBaselineProps {
  /**
   * Org-wide changes to the MeetingSecurity defaults, for every site of the org.
   *
   * @default - the HIPAA-safe defaults documented on MeetingSecurityProps
   */
  readonly meetingSecurity?: MeetingSecurityProps;

  /**
   * Per-site changes, keyed by siteUrl, applied over `meetingSecurity`. Each key must be a site of the
   * org (checked at synth), and a site that has its own MeetingSecurity construct takes no override.
   *
   * @default - no site differs from the org-wide settings
   */
  readonly siteOverrides?: Readonly<Record<string, MeetingSecurityProps>>;

  /**
   * The construct type named in error messages.
   *
   * @default 'HipaaBaseline'
   */
  readonly owner?: string;

  /**
   * Sites on which the control declares nothing (HipaaBaseline `unmanagedSiteControls`).
   *
   * @default - every site without a MeetingSecurity of its own
   */
  readonly unmanagedSites?: readonly string[];
}

/**
 * The meeting-security control of a baseline: declares the site's `meetingSecurity` for every site of
 * the org that has no MeetingSecurity construct of its own. Props are validated eagerly with the same
 * rules as MeetingSecurity.
 */
export class MeetingSecurityBaseline extends Construct implements IBaselineControl {
  readonly org: WebexOrg;
  /** What every site without an override gets. */
  readonly orgWideSettings: MeetingSecuritySettings;
  private readonly owner: string;
  private readonly siteOverrides: ReadonlyMap<string, MeetingSecuritySettings>;
  private readonly unmanaged: ReadonlySet<string>;

  constructor(scope: Construct, id: string, props: MeetingSecurityBaselineProps = {}) {
    super(scope, id);
    this.org = WebexOrg.of(this);
    this.owner = props.owner ?? 'HipaaBaseline';

    const orgWide: MeetingSecurityLayer[] = props.meetingSecurity === undefined ? [] : [{ owner: this.owner, prefix: 'meetingSecurity.', props: props.meetingSecurity }];
    this.orgWideSettings = resolveMeetingSecurity(orgWide, this);

    const overrides = props.siteOverrides ?? {};
    if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
      throw invalidProp(this.owner, 'siteOverrides', overrides, 'an object keyed by siteUrl', this);
    }
    const resolved = new Map<string, MeetingSecuritySettings>();
    for (const [siteUrl, override] of Object.entries(overrides)) {
      if (!SiteSchema.shape.siteUrl.safeParse(siteUrl).success) {
        throw invalidProp(this.owner, 'siteOverrides key', siteUrl, 'a siteUrl: a lower-case host name such as example.webex.com, without scheme, port or path', this);
      }
      const layer = { owner: this.owner, prefix: `siteOverrides[${JSON.stringify(siteUrl)}].`, props: override };
      resolved.set(siteUrl, resolveMeetingSecurity([...orgWide, layer], this));
    }
    this.siteOverrides = resolved;
    this.unmanaged = new Set(props.unmanagedSites ?? []);
    markBaselineControl(this);
  }

  siteSettings(site: MeetingSite): SiteSettings {
    if (site.explicitSetting('meetingSecurity') !== undefined || this.unmanaged.has(site.siteUrl)) return {};
    const settings = this.siteOverrides.get(site.siteUrl) ?? this.orgWideSettings;
    return { meetingSecurity: { path: this.node.path, ...structuredClone(settings) } };
  }

  synthProblems(org: WebexOrg): ValidationError[] {
    const sites = MeetingSite.sitesOf(org);
    const known = sites.map((site) => site.siteUrl);
    const problems: ValidationError[] = [];
    const unknown = [...this.siteOverrides.keys()].filter((siteUrl) => !known.includes(siteUrl)).sort(compareCodePoints);
    if (unknown.length > 0) problems.push(unknownOverrideSites(this.owner, org.name, unknown, known, this));
    problems.push(...unmanagedSiteProblems(this.owner, org.name, 'meetingSecurity', this.unmanaged, known, this.siteOverrides, 'siteOverrides', this));
    for (const site of sites) {
      const explicit = site.explicitSetting('meetingSecurity');
      if (explicit !== undefined && this.siteOverrides.has(site.siteUrl)) problems.push(overrideShadowedByExplicit(this.owner, site.siteUrl, explicit, this));
      if (explicit !== undefined && this.unmanaged.has(site.siteUrl)) problems.push(overrideShadowedByExplicit(this.owner, site.siteUrl, explicit, this, 'MeetingSecurity', 'unmanagedSiteControls'));
    }
    return problems;
  }
}
