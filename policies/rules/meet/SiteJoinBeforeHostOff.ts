import { inForce } from '../../citations';
import { equals, judgeSiteControl } from '../../judge';
import type { Rule } from '../../rule';

/** Attendees wait for the host: the lobby is the waiting room of every patient-facing session. */
export const SiteJoinBeforeHostOff: Rule = {
  id: 'WBX.MEET.1v1',
  name: 'SiteJoinBeforeHostOff',
  area: 'MEET',
  scope: 'site',
  title: "Attendees cannot join a site's meetings before the host",
  level: 'SHALL',
  severity: 'high',
  citations: [inForce('164.312(a)(1)')],
  automation: 'automated',
  rationale:
    'With join before host on, anyone holding a meeting link is in the meeting, seeing and hearing the other attendees, before the clinician who controls admission arrives. With it off, attendees wait in the lobby until the host admits them: the waiting room HIPAA guidance expects for patient-facing sessions (access control, 164.312(a)(1)).',
  remediation:
    'Keep MeetingSecurity `joinBeforeHost` at its default (false), or declare `joinBeforeHost: false` in a hand-written manifest, then run `webex-iac apply`.',
  check: (subject) => judgeSiteControl(subject, 'meetingSecurity', [equals('joinBeforeHost', false)]),
};
