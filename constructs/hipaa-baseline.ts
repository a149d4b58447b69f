import { Construct, IConstruct } from 'constructs';
import { BASELINE_SITE_CONTROL_KEYS, BaselineSiteControlKey, PREFERENCE_CONTROL_KEYS, PreferenceControlKey, SITE_CONTROLS, SiteSchema } from '../manifest/schema';
import { compareCodePoints } from '../manifest/compare';
import { AdminAccess, AdminAccessProps } from './admin-access';
import { Attestations, AttestationsProps } from './attestations';
import { HIPAA_BASELINE, IBaselineControl, isBaselineControl } from './baseline-control';
import { EndToEndEncryptionProps, EndToEndEncryptionSettings, resolveEndToEndEncryption } from './end-to-end-encryption-settings';
import { duplicateBaseline, invalidProp } from './errors';
import { HostLobbyProps, HostLobbySettings, resolveHostLobby } from './host-lobby-settings';
import { HostPreferenceProps, HostPreferenceSettings, resolveHostPreferences } from './host-preferences';
import { InactiveAccounts, InactiveAccountsProps } from './inactive-accounts';
import { MeetingSecurityBaseline } from './meeting-security-baseline';
import { MeetingSecurityProps } from './meeting-security-settings';
import { MultiFactorAuthentication, MultiFactorAuthenticationProps } from './multi-factor-authentication';
import { PasswordPolicy, PasswordPolicyProps } from './password-policy';
import { isPlainObject } from './prop-checks';
import { SiteControlBaseline } from './site-control-baseline';
import { WebexOrg } from './webex-org';

type Descriptors = typeof SITE_CONTROLS;

/**
 * The HipaaBaseline props of the per-host controls of meeting-preference flags, derived from the
 * catalogue: for each, `<control>` (org-wide changes to its HIPAA-safe flags, for every host of every site
 * without an explicit HostPreferences of that control) and `<control>SiteOverrides` (per-site changes
 * keyed by siteUrl, applied over the org-wide ones; a `hosts` selection there replaces the org-wide one).
 */
export type HostPreferenceBaselineProps = {
  readonly [K in PreferenceControlKey as Descriptors[K]['baselineProps']['orgWide']]?: HostPreferenceProps<K>;
} & {
  readonly [K in PreferenceControlKey as Descriptors[K]['baselineProps']['siteOverrides']]?: Readonly<Record<string, HostPreferenceProps<K>>>;
};

export interface HipaaBaselineProps extends HostPreferenceBaselineProps {
  /**
   * Org-wide changes to the MeetingSecurity defaults, applied to every MeetingSite of the org that has
   * no MeetingSecurity construct of its own. Validated eagerly, like MeetingSecurity props.
   *
   * @default - the HIPAA-safe defaults documented on MeetingSecurityProps
   */
  readonly meetingSecurity?: MeetingSecurityProps;

  /**
   * Per-site changes to the meeting security options, keyed by siteUrl and applied over
   * `meetingSecurity`. Validated eagerly; a key that is not a site of the org, or a site that has its
   * own MeetingSecurity construct, fails at synth.
   *
   * When an override turns `joinBeforeHost` off it turns `audioBeforeHost` off too, and when it turns
   * `requireStrongPassword` off the org-wide `passwordCriteria` no longer applies to that site.
   *
   * @default - every site gets the org-wide settings
   */
  readonly siteOverrides?: Readonly<Record<string, MeetingSecurityProps>>;

  /**
   * Org-wide changes to the host lobby defaults (personal room auto-lock after 5 minutes, lobby
   * notification, no join before host), for every host of every site without a HostLobby of its own.
   *
   * @default - the HIPAA-safe defaults documented on HostLobbyProps, for every host
   */
  readonly hostLobby?: HostLobbyProps;

  /**
   * Per-site changes to the host lobby, keyed by siteUrl and applied over `hostLobby` (a `hosts`
   * selection in an override replaces the org-wide one). Keys must be sites of the org without a
   * HostLobby of their own (checked at synth).
   *
   * @default - every site gets the org-wide host lobby
   */
  readonly hostLobbySiteOverrides?: Readonly<Record<string, HostLobbyProps>>;

  /**
   * Org-wide changes to the end-to-end encryption control (which session type, which hosts), for every
   * site without an EndToEndEncryption of its own.
   *
   * @default - the session type whose name contains "End to End Encryption", for every host
   */
  readonly endToEndEncryption?: EndToEndEncryptionProps;

  /**
   * Per-site changes to the end-to-end encryption control, keyed by siteUrl and applied over
   * `endToEndEncryption`.
   *
   * @default - every site gets the org-wide settings
   */
  readonly endToEndEncryptionSiteOverrides?: Readonly<Record<string, EndToEndEncryptionProps>>;

  /**
   * Site controls the baseline leaves unmanaged on some sites, keyed by siteUrl: on a listed site the
   * baseline declares nothing for those controls, so webex-iac neither reads nor writes them there and
   * `webex-iac check` reports them as not managed. Meant for a documented gap that a reviewed change
   * closes later, such as end-to-end encryption on a site where no host has the E2EE session type yet
   * (what `webex-iac import` declares for an org it adopts as it is). Keys must be sites of the org; a
   * site listed here takes no override for the same control (both checked at synth).
   *
   * @default - every control on every site of the org
   */
  readonly unmanagedSiteControls?: Readonly<Record<string, readonly BaselineSiteControl[]>>;

  /**
   * Changes to the org password policy, unless the org has a PasswordPolicy of its own.
   *
   * @default - the HIPAA-safe defaults documented on PasswordPolicyProps
   */
  readonly passwordPolicy?: PasswordPolicyProps;

  /**
   * Changes to org-wide MFA, unless the org has a MultiFactorAuthentication of its own.
   *
   * @default - MFA on, users without MFA reported
   */
  readonly mfa?: MultiFactorAuthenticationProps;

  /**
   * Who may hold admin roles, unless the org has an AdminAccess of its own. Declare `allowedAdmins`:
   * until then every admin is a finding.
   *
   * @default - no allowed admins, at most 4 Full Administrators, findings only (nothing revoked)
   */
  readonly adminAccess?: AdminAccessProps;

  /**
   * The inactive-account review, unless the org has an InactiveAccounts of its own.
   *
   * @default - inactive after 90 days, findings only (nothing deactivated)
   */
  readonly inactiveAccounts?: InactiveAccountsProps;

  /**
   * Manual attestations for the controls Webex has no API for, unless the org has an Attestations of
   * its own. All of them are required: the ones not given show as missing in every plan.
   *
   * @default - every attestation required, none given
   */
  readonly attestations?: AttestationsProps;
}

/** The site controls of a HipaaBaseline, as named in `unmanagedSiteControls`. */
export const BASELINE_SITE_CONTROLS: readonly BaselineSiteControlKey[] = BASELINE_SITE_CONTROL_KEYS;
export type BaselineSiteControl = BaselineSiteControlKey;

/**
 * The HIPAA-safe settings for a whole org. Every MeetingSite of the org, created before or after the
 * baseline, gets the safe meeting security, host lobby and end-to-end encryption controls; the org gets
 * the password policy, MFA, admin access and inactive-account controls, and requires every manual
 * attestation. Explicit constructs win: a site with its own MeetingSecurity, HostLobby or
 * EndToEndEncryption, and an org with its own PasswordPolicy, MultiFactorAuthentication, AdminAccess,
 * InactiveAccounts or Attestations, keep theirs. One baseline per org.
 *
 * Each control is a child construct implementing IBaselineControl (construct ids `MeetingSecurity`,
 * `HostLobby`, `EndToEndEncryption`, `PasswordPolicy`, `Mfa`, `AdminAccess`, `InactiveAccounts`,
 * `Attestations`), so that each manifest entry carries the path of the control that declared it.
 */
export class HipaaBaseline extends Construct {
  /** Whether `x` is a HipaaBaseline (works across copies of this module). */
  static isHipaaBaseline(x: unknown): x is HipaaBaseline {
    return x !== null && typeof x === 'object' && HIPAA_BASELINE in x;
  }

  /** The baseline of `org`, if it has one. */
  static of(org: WebexOrg): HipaaBaseline | undefined {
    return org.node.findAll().find((c): c is HipaaBaseline => HipaaBaseline.isHipaaBaseline(c) && c.org === org);
  }

  readonly org: WebexOrg;
  /** The meeting security control (construct id `MeetingSecurity`). */
  readonly meetingSecurity: MeetingSecurityBaseline;
  /** The host lobby control (construct id `HostLobby`). */
  readonly hostLobby: SiteControlBaseline<HostLobbyProps, HostLobbySettings>;
  /** The end-to-end encryption control (construct id `EndToEndEncryption`). */
  readonly endToEndEncryption: SiteControlBaseline<EndToEndEncryptionProps, EndToEndEncryptionSettings>;
  /** The per-host controls of meeting-preference flags, by manifest key (construct id: the key, capitalized). */
  readonly hostPreferences: { readonly [K in PreferenceControlKey]: SiteControlBaseline<HostPreferenceProps<K>, HostPreferenceSettings<K>> };
  /** The org password policy (construct id `PasswordPolicy`). */
  readonly passwordPolicy: PasswordPolicy;
  /** Org-wide MFA (construct id `Mfa`). */
  readonly mfa: MultiFactorAuthentication;
  /** Allowed admins (construct id `AdminAccess`). */
  readonly adminAccess: AdminAccess;
  /** Inactive-account review (construct id `InactiveAccounts`). */
  readonly inactiveAccounts: InactiveAccounts;
  /** Manual attestations (construct id `Attestations`). */
  readonly attestations: Attestations;

  constructor(scope: Construct, id: string, props: HipaaBaselineProps = {}) {
    super(scope, id);
    this.org = WebexOrg.of(this);
    const existing = HipaaBaseline.of(this.org);
    if (existing !== undefined) throw duplicateBaseline(existing, this);
    Object.defineProperty(this, HIPAA_BASELINE, { value: true });
    const unmanaged = resolveUnmanagedSiteControls(props.unmanagedSiteControls, this);

    this.meetingSecurity = new MeetingSecurityBaseline(this, 'MeetingSecurity', {
      meetingSecurity: props.meetingSecurity,
      siteOverrides: props.siteOverrides,
      unmanagedSites: unmanaged.meetingSecurity,
    });
    this.hostLobby = new SiteControlBaseline(this, 'HostLobby', {
      key: 'hostLobby',
      orgWide: props.hostLobby,
      siteOverrides: props.hostLobbySiteOverrides,
      resolve: resolveHostLobby,
      unmanagedSites: unmanaged.hostLobby,
    });
    this.endToEndEncryption = new SiteControlBaseline(this, 'EndToEndEncryption', {
      key: 'endToEndEncryption',
      orgWide: props.endToEndEncryption,
      siteOverrides: props.endToEndEncryptionSiteOverrides,
      resolve: resolveEndToEndEncryption,
      unmanagedSites: unmanaged.endToEndEncryption,
    });
    const byProp = props as Readonly<Record<string, never>>;
    this.hostPreferences = Object.fromEntries(
      PREFERENCE_CONTROL_KEYS.map((key) => {
        const { orgWide, siteOverrides } = SITE_CONTROLS[key].baselineProps;
        const id = key.charAt(0).toUpperCase() + key.slice(1);
        return [key, new SiteControlBaseline(this, id, { key, orgWide: byProp[orgWide], siteOverrides: byProp[siteOverrides], resolve: resolveHostPreferences(key), unmanagedSites: unmanaged[key] })];
      }),
    ) as HipaaBaseline['hostPreferences'];
    this.passwordPolicy = new PasswordPolicy(this, 'PasswordPolicy', props.passwordPolicy);
    this.mfa = new MultiFactorAuthentication(this, 'Mfa', props.mfa);
    this.adminAccess = new AdminAccess(this, 'AdminAccess', props.adminAccess);
    this.inactiveAccounts = new InactiveAccounts(this, 'InactiveAccounts', props.inactiveAccounts);
    this.attestations = new Attestations(this, 'Attestations', props.attestations);
  }

  /** The controls of this baseline, in creation order. */
  get controls(): IBaselineControl[] {
    return this.node.children.filter((c: IConstruct): c is IBaselineControl => isBaselineControl(c));
  }
}

/** Validates `unmanagedSiteControls` eagerly and turns it into the sites of each control, sorted. */
function resolveUnmanagedSiteControls(value: unknown, scope: Construct): Record<BaselineSiteControl, string[]> {
  const bySite = Object.fromEntries(BASELINE_SITE_CONTROLS.map((key) => [key, []])) as unknown as Record<BaselineSiteControl, string[]>;
  if (value === undefined) return bySite;
  if (!isPlainObject(value)) throw invalidProp('HipaaBaseline', 'unmanagedSiteControls', value, 'an object keyed by siteUrl', scope);
  for (const [siteUrl, controls] of Object.entries(value).sort(([a], [b]) => compareCodePoints(a, b))) {
    if (!SiteSchema.shape.siteUrl.safeParse(siteUrl).success) {
      throw invalidProp('HipaaBaseline', 'unmanagedSiteControls key', siteUrl, 'a siteUrl: a lower-case host name such as example.webex.com, without scheme, port or path', scope);
    }
    const prop = `unmanagedSiteControls[${JSON.stringify(siteUrl)}]`;
    const allowed = `a non-empty list of ${BASELINE_SITE_CONTROLS.join(', ')}, without repeats`;
    if (!Array.isArray(controls) || controls.length === 0 || controls.some((c) => !(BASELINE_SITE_CONTROLS as readonly unknown[]).includes(c)) || new Set(controls).size !== controls.length) {
      throw invalidProp('HipaaBaseline', prop, controls, allowed, scope);
    }
    for (const control of controls as BaselineSiteControl[]) bySite[control].push(siteUrl);
  }
  return bySite;
}
