import { inForce } from '../../citations';
import { equals, judgeSiteControl } from '../../judge';
import type { Rule } from '../../rule';

/** Meeting passwords cannot be the site's name, the host's name or a listed common password. */
export const SiteMeetingPasswordDenyList: Rule = {
  id: 'WBX.MEET.6v1',
  name: 'SiteMeetingPasswordDenyList',
  area: 'MEET',
  scope: 'site',
  title: 'Meeting passwords may not be common words or taken from the meeting, site or host',
  level: 'SHOULD',
  severity: 'low',
  citations: [inForce('164.312(d)')],
  automation: 'automated',
  rationale:
    'Length and character rules still accept "Password1" or the host\'s name followed by a digit. With `disallowList` Webex refuses the passwords of the site\'s deny-list, and with `disallowDynamicWebText` it refuses passwords made of the meeting topic, the site name or the host\'s name: the first guesses an outsider tries (164.312(d)).',
  remediation:
    'Keep MeetingSecurity `passwordCriteria.disallowList` and `passwordCriteria.disallowDynamicWebText` at their defaults (true), then run `webex-iac apply`.',
  check: (subject) =>
    judgeSiteControl(subject, 'meetingSecurity', [equals('passwordCriteria.disallowList', true), equals('passwordCriteria.disallowDynamicWebText', true)]),
};
