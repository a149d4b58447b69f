import { Construct } from 'constructs';
import { MeetingSecurityProps, MeetingSecuritySettings, resolveMeetingSecurity } from './meeting-security-settings';
import { SiteControlBaseline } from './site-control-baseline';

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
 * The meeting-security control of a baseline: the one site-control baseline (SiteControlBaseline) for
 * the `meetingSecurity` key, kept under its own name and props for compatibility. Props are validated
 * eagerly with the same rules as MeetingSecurity.
 */
export class MeetingSecurityBaseline extends SiteControlBaseline<MeetingSecurityProps, MeetingSecuritySettings> {
  constructor(scope: Construct, id: string, props: MeetingSecurityBaselineProps = {}) {
    super(scope, id, {
      key: 'meetingSecurity',
      orgWide: props.meetingSecurity,
      siteOverrides: props.siteOverrides,
      resolve: resolveMeetingSecurity,
      ...(props.owner === undefined ? {} : { owner: props.owner }),
      ...(props.unmanagedSites === undefined ? {} : { unmanagedSites: props.unmanagedSites }),
    });
  }
}
