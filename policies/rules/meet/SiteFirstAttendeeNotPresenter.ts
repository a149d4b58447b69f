import { inForce } from '../../citations';
import { equals, judgeSiteControl } from '../../judge';
import type { Rule } from '../../rule';

/** Whoever arrives first does not get to share content: presenting stays with the host. */
export const SiteFirstAttendeeNotPresenter: Rule = {
  id: 'WBX.MEET.7v1',
  name: 'SiteFirstAttendeeNotPresenter',
  area: 'MEET',
  scope: 'site',
  title: 'The first attendee to join does not become the presenter',
  level: 'SHOULD',
  severity: 'medium',
  citations: [inForce('164.312(a)(1)')],
  automation: 'automated',
  rationale:
    "Making the first attendee the presenter hands screen and file sharing to whoever joins first, before the host can check who that is. In a clinical session the host decides what is shown; sharing rights should follow the host's choice (164.312(a)(1)).",
  remediation:
    'Keep MeetingSecurity `firstAttendeeAsPresenter` at its default (false), or declare `firstAttendeeAsPresenter: false`, then run `webex-iac apply`.',
  check: (subject) => judgeSiteControl(subject, 'meetingSecurity', [equals('firstAttendeeAsPresenter', false)]),
};
