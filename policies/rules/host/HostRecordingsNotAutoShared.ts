import { inForce } from '../../citations';
import { equals, judgeSiteControl } from '../../judge';
import type { Rule } from '../../rule';

/** A recording of a clinical session goes only to whom the host chooses, never to every invitee automatically. */
export const HostRecordingsNotAutoShared: Rule = {
  id: 'WBX.HOST.5v1',
  name: 'HostRecordingsNotAutoShared',
  area: 'HOST',
  scope: 'site',
  title: "Every host's scheduling options keep automatic sharing of recordings off",
  level: 'SHALL',
  severity: 'high',
  citations: [inForce('164.312(a)(1)'), inForce('164.308(a)(4)(i)')],
  automation: 'automated',
  rationale:
    "With `enabledAutoShareRecording` on, the recording of every meeting the host schedules (ePHI when a patient was seen) is sent to all invitees once it is ready, external ones included, with nobody deciding who needs it. Off, the host shares each recording deliberately: access only for those authorized (164.312(a)(1), 164.308(a)(4)).",
  remediation:
    "Keep `schedulingOptions.enabledAutoShareRecording` of hostRecordingSharing at its default (false): HipaaBaseline `hostRecordingSharing`, or a HostPreferences construct with `control: 'hostRecordingSharing'`, then run `webex-iac apply` (it sets each selected host's scheduling options).",
  check: (subject) => judgeSiteControl(subject, 'hostRecordingSharing', [equals('schedulingOptions.enabledAutoShareRecording', false)]),
};
