import { IConstruct } from 'constructs';
import { OrgSettings, SiteSettings } from '../manifest/schema';
import { ValidationError } from './errors';
import { MeetingSite } from './meeting-site';
import { WebexOrg } from './webex-org';

const BASELINE_CONTROL = Symbol.for('webex-iac/BaselineControl');

/** Marks a HipaaBaseline (set by its constructor); a symbol rather than an import, to avoid a cycle. */
export const HIPAA_BASELINE = Symbol.for('webex-iac/HipaaBaseline');

/** Whether `scope` is a HipaaBaseline, so that a control created in it acts as a baseline control. */
export function isHipaaBaselineScope(scope: IConstruct | undefined): boolean {
  return scope !== undefined && HIPAA_BASELINE in scope;
}

/**
 * One control of a HipaaBaseline (meeting security today; MFA, password policy, lobby, E2EE, retention
 * attestations, ... later), created as a child of the baseline. At synth the manifest builder asks
 * every control of the org's baseline for the settings it declares, then lets each site's explicit
 * setting constructs win key by key. A control is therefore never tied to the order in which sites
 * are created.
 */
export interface IBaselineControl extends IConstruct {
  /**
   * The site settings this control declares for `site`. Return nothing for a key that the site
   * declares itself (see MeetingSite.explicitSetting): the explicit construct wins anyway.
   */
  siteSettings?(site: MeetingSite): SiteSettings;

  /** The org settings this control declares. */
  orgSettings?(org: WebexOrg): OrgSettings;

  /**
   * Problems only visible once the whole org is declared (e.g. an override naming a site that does not
   * exist). The manifest builder throws the first one; cdktf's validation lists them all.
   */
  synthProblems?(org: WebexOrg): ValidationError[];
}

/** Marks `construct` as a baseline control; call it in the constructor of each IBaselineControl. */
export function markBaselineControl(construct: IBaselineControl): void {
  Object.defineProperty(construct, BASELINE_CONTROL, { value: true });
  construct.node.addValidation({ validate: () => construct.synthProblems?.(WebexOrg.of(construct)).map((e) => e.reason) ?? [] });
}

export function isBaselineControl(x: unknown): x is IBaselineControl {
  return x !== null && typeof x === 'object' && BASELINE_CONTROL in x;
}
