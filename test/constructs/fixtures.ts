import { Testing } from 'cdktf';
import { MeetingSite, WebexOrg, WebexStack, WebexStackProps } from '../../constructs';

/** A WebexStack named `clinic` in a fresh test app. */
export function newStack(props: WebexStackProps = {}, id = 'clinic'): WebexStack {
  return new WebexStack(Testing.app(), id, props);
}

/** clinic/Org (Riverside Family Clinic) with clinic/Org/Site (riverside-clinic.webex.com). */
export function clinicSite(stack: WebexStack = newStack()): { stack: WebexStack; org: WebexOrg; site: MeetingSite } {
  const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
  const site = new MeetingSite(org, 'Site', { siteUrl: 'riverside-clinic.webex.com' });
  return { stack, org, site };
}

/** The HIPAA-safe meeting security settings, as they appear in a manifest entry (without path). */
export const SAFE_MEETING_SECURITY = {
  joinBeforeHost: false,
  audioBeforeHost: false,
  firstAttendeeAsPresenter: false,
  unlistAllMeetings: true,
  requireLoginBeforeAccess: true,
  allowMobileScreenCapture: false,
  requireStrongPassword: true,
  passwordCriteria: {
    mixedCase: true,
    minLength: 12,
    minNumeric: 1,
    minAlpha: 1,
    minSpecial: 1,
    disallowDynamicWebText: true,
    disallowList: true,
    disallowValues: ['password', 'webex', '123456', 'qwerty', 'letmein'],
  },
} as const;
