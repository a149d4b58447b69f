import { inForce } from '../../citations';
import { equals, judgeSiteControl } from '../../judge';
import type { Rule } from '../../rule';

/** Meetings stay off the site's public calendar, where titles often name the patient. */
export const SiteMeetingsUnlisted: Rule = {
  id: 'WBX.MEET.3v1',
  name: 'SiteMeetingsUnlisted',
  area: 'MEET',
  scope: 'site',
  title: "Every meeting of a site is unlisted from the site's public calendar",
  level: 'SHALL',
  severity: 'medium',
  citations: [inForce('164.312(a)(1)')],
  automation: 'automated',
  rationale:
    "A listed meeting shows its title, host and time on the site's public meeting calendar, to anyone who opens the site. Titles such as \"Follow-up: J. Smith, oncology\" are PHI, and a listed meeting can be joined from the calendar. Unlisting all meetings keeps both from people without an invitation (164.312(a)(1)).",
  remediation:
    'Keep MeetingSecurity `unlistAllMeetings` at its default (true), or declare `unlistAllMeetings: true`, then run `webex-iac apply`.',
  check: (subject) => judgeSiteControl(subject, 'meetingSecurity', [equals('unlistAllMeetings', true)]),
};
