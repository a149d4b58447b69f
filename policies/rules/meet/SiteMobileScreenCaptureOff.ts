import { inForce } from '../../citations';
import { equals, judgeSiteControl } from '../../judge';
import type { Rule } from '../../rule';

/** What is shared in a meeting is not screenshotted on attendees' Android phones. */
export const SiteMobileScreenCaptureOff: Rule = {
  id: 'WBX.MEET.8v1',
  name: 'SiteMobileScreenCaptureOff',
  area: 'MEET',
  scope: 'site',
  title: 'Attendees cannot capture the meeting screen on mobile devices',
  level: 'SHOULD',
  severity: 'medium',
  citations: [inForce('164.312(a)(1)')],
  automation: 'automated',
  rationale:
    "Shared content in a clinical meeting (images, records, test results) is ePHI. A screenshot on an attendee's phone copies it outside any control the organization has, with no audit trail. Webex can block screen capture in its Android app (`allowMobileScreenCapture`) (164.312(a)(1)).",
  remediation:
    'Keep MeetingSecurity `allowMobileScreenCapture` at its default (false), or declare `allowMobileScreenCapture: false`, then run `webex-iac apply`.',
  check: (subject) => judgeSiteControl(subject, 'meetingSecurity', [equals('allowMobileScreenCapture', false)]),
};
