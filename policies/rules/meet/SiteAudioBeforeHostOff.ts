import { inForce } from '../../citations';
import { equals, judgeSiteControl } from '../../judge';
import type { Rule } from '../../rule';

/** No one talks before the host: audio before host leaks what early callers say to each other. */
export const SiteAudioBeforeHostOff: Rule = {
  id: 'WBX.MEET.2v1',
  name: 'SiteAudioBeforeHostOff',
  area: 'MEET',
  scope: 'site',
  title: "Attendees cannot connect audio to a site's meetings before the host",
  level: 'SHALL',
  severity: 'high',
  citations: [inForce('164.312(a)(1)')],
  automation: 'automated',
  rationale:
    'Audio before host lets callers who dialled in early talk to each other, and hear whatever is said, while no host is there to check who joined: patients of back-to-back appointments hear one another. Webex allows it only with join before host, and it must be off on its own too, so that turning join before host back on cannot silently bring it back (164.312(a)(1)).',
  remediation:
    'Keep MeetingSecurity `audioBeforeHost` at its default (false), or declare `audioBeforeHost: false`, then run `webex-iac apply`.',
  check: (subject) => judgeSiteControl(subject, 'meetingSecurity', [equals('audioBeforeHost', false)]),
};
