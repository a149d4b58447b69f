import { Construct, IConstruct } from 'constructs';
import { duplicateBaseline } from './errors';
import { IBaselineControl, isBaselineControl } from './baseline-control';
import { MeetingSecurityBaseline } from './meeting-security-baseline';
import { MeetingSecurityProps } from './meeting-security-settings';
import { WebexOrg } from './webex-org';

const HIPAA_BASELINE = Symbol.for('webex-iac/HipaaBaseline');

export interface HipaaBaselineProps {
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
}

/**
 * The HIPAA-safe settings for a whole org: every MeetingSite of the org, created before or after the
 * baseline, gets the safe meeting security defaults, except the sites that declare a MeetingSecurity
 * of their own (explicit wins). One baseline per org.
 *
 * Each control of the baseline is a child construct implementing IBaselineControl (today
 * `MeetingSecurity`, a MeetingSecurityBaseline); later controls (MFA, password policy, lobby, E2EE,
 * retention attestations, ...) are added the same way and show up in the manifest with their own path.
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

  constructor(scope: Construct, id: string, props: HipaaBaselineProps = {}) {
    super(scope, id);
    this.org = WebexOrg.of(this);
    const existing = HipaaBaseline.of(this.org);
    if (existing !== undefined) throw duplicateBaseline(existing, this);
    Object.defineProperty(this, HIPAA_BASELINE, { value: true });

    this.meetingSecurity = new MeetingSecurityBaseline(this, 'MeetingSecurity', {
      meetingSecurity: props.meetingSecurity,
      siteOverrides: props.siteOverrides,
    });
  }

  /** The controls of this baseline, in creation order. */
  get controls(): IBaselineControl[] {
    return this.node.children.filter((c: IConstruct): c is IBaselineControl => isBaselineControl(c));
  }
}
