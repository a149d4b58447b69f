import { inForce } from '../../citations';
import { equals, judgeSiteControl } from '../../judge';
import type { Rule } from '../../rule';

/** No host can turn join-before-host back on for the meetings they schedule. */
export const HostJoinBeforeHostOff: Rule = {
  id: 'WBX.HOST.3v1',
  name: 'HostJoinBeforeHostOff',
  area: 'HOST',
  scope: 'site',
  title: "Every host's scheduling options keep join before host off",
  level: 'SHALL',
  severity: 'high',
  citations: [inForce('164.312(a)(1)')],
  automation: 'automated',
  rationale:
    "Each host's scheduling preferences carry their own join-before-host default, used for every meeting the host schedules. A host whose preference is on lets attendees into those meetings before them even when the site's default is off, bypassing the lobby (164.312(a)(1)).",
  remediation:
    "Keep HostLobby `schedulingOptions.enabledJoinBeforeHost` at its default (false), then run `webex-iac apply` (it sets each selected host's scheduling options).",
  check: (subject) => judgeSiteControl(subject, 'hostLobby', [equals('schedulingOptions.enabledJoinBeforeHost', false)]),
};
