import { inForce } from '../../citations';
import { equals, judgeSiteControl } from '../../judge';
import type { Rule } from '../../rule';

/** Hosts are told when someone waits in their personal room's lobby, so nobody is admitted unseen. */
export const PersonalRoomLobbyNotify: Rule = {
  id: 'WBX.HOST.2v1',
  name: 'PersonalRoomLobbyNotify',
  area: 'HOST',
  scope: 'site',
  title: "Every host is notified when someone waits in their personal room's lobby",
  level: 'SHOULD',
  severity: 'low',
  citations: [inForce('164.312(a)(1)')],
  automation: 'automated',
  rationale:
    'A lobby only protects a session when the host looks at who is waiting before admitting them. The notification tells the host that someone arrived, so that patients are admitted one at a time and deliberately, not in bulk at the end of a visit (164.312(a)(1)).',
  remediation:
    "Keep HostLobby `personalMeetingRoom.enabledNotifyHost` at its default (true), then run `webex-iac apply`.",
  check: (subject) => judgeSiteControl(subject, 'hostLobby', [equals('personalMeetingRoom.enabledNotifyHost', true)]),
};
