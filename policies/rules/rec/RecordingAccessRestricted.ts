import { inForce } from '../../citations';
import { judgeAttestation } from '../../judge';
import type { Rule } from '../../rule';

/** Who may open a recording is a decision someone made and stands behind. */
export const RecordingAccessRestricted: Rule = {
  id: 'WBX.REC.1v1',
  name: 'RecordingAccessRestricted',
  area: 'REC',
  scope: 'org',
  title: 'Access to meeting recordings is restricted by a recording policy, as attested',
  level: 'SHALL',
  severity: 'high',
  citations: [inForce('164.312(a)(1)'), inForce('164.308(a)(4)(ii)(B)')],
  automation: 'manual-attestation',
  rationale:
    'A recording of a clinical session is ePHI that outlives the meeting, and by default its link can be shared. Whether cloud recording is allowed and who may watch, share or download recordings is set in Control Hub and Site Administration only (no API), so the policy is attested: who may access recordings and whether they may be downloaded (164.312(a)(1), 164.308(a)(4)(ii)(B)).',
  remediation:
    'Set the recording and sharing policy in Control Hub, then declare the `recordingAccess` attestation with `accessRestrictedTo` and `downloadAllowed`, who attested, when, the evidence reference and the expiry.',
  check: (subject) => [judgeAttestation(subject, 'recordingAccess')],
};
