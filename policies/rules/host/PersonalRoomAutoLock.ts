import { inForce } from '../../citations';
import { atMost, equals, judgeSiteControl } from '../../judge';
import type { Rule } from '../../rule';

/** The longest a personal room may stay open after the host joins before it locks. */
export const AUTO_LOCK_MAX_MINUTES = 10;

/** Personal rooms lock themselves, so the next patient waits in the lobby instead of walking in. */
export const PersonalRoomAutoLock: Rule = {
  id: 'WBX.HOST.1v1',
  name: 'PersonalRoomAutoLock',
  area: 'HOST',
  scope: 'site',
  title: `Every host's personal room locks automatically within ${AUTO_LOCK_MAX_MINUTES} minutes of the meeting starting`,
  level: 'SHALL',
  severity: 'high',
  citations: [inForce('164.312(a)(1)')],
  automation: 'automated',
  rationale:
    "A personal room has one permanent address that clinicians reuse for every telehealth visit. Unlocked, the next patient (or anyone who kept the link) walks straight into the current visit. Auto-lock puts everyone who arrives later in the lobby until the host admits them: the waiting room for patient-facing sessions (164.312(a)(1)).",
  remediation: `Keep HostLobby \`personalMeetingRoom.enabledAutoLock\` (true) and \`autoLockMinutes\` (5) at their defaults, or declare autoLockMinutes of at most ${AUTO_LOCK_MAX_MINUTES}, then run \`webex-iac apply\` (it sets each selected host's personal room).`,
  check: (subject) =>
    judgeSiteControl(subject, 'hostLobby', [equals('personalMeetingRoom.enabledAutoLock', true), atMost('personalMeetingRoom.autoLockMinutes', AUTO_LOCK_MAX_MINUTES)]),
};
