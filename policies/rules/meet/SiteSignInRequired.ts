import { inForce } from '../../citations';
import { equals, judgeSiteControl } from '../../judge';
import type { Rule } from '../../rule';

/** Only signed-in users reach the site: every action on it is tied to a unique, authenticated identity. */
export const SiteSignInRequired: Rule = {
  id: 'WBX.MEET.4v1',
  name: 'SiteSignInRequired',
  area: 'MEET',
  scope: 'site',
  title: 'Users must sign in before they can access a Meetings site',
  level: 'SHALL',
  severity: 'high',
  citations: [inForce('164.312(a)(1)'), inForce('164.312(a)(2)(i)'), inForce('164.312(d)')],
  automation: 'automated',
  rationale:
    'Without sign-in, the site (its meeting list, recordings pages and scheduling) is reachable by anyone with its address, and what they do cannot be tied to a person. Requiring sign-in before site access authenticates every user (164.312(d)) under a unique identity (164.312(a)(2)(i)). Patients still join the meetings they are invited to from the link.',
  remediation:
    'Keep MeetingSecurity `requireLoginBeforeAccess` at its default (true), or declare `requireLoginBeforeAccess: true`, then run `webex-iac apply`.',
  check: (subject) => judgeSiteControl(subject, 'meetingSecurity', [equals('requireLoginBeforeAccess', true)]),
};
