import { inForce } from '../../citations';
import { judgeAttestation } from '../../judge';
import type { Rule } from '../../rule';

/** Recordings stay in Webex, where access is controlled, logged and ends with retention. */
export const RecordingDownloadsOff: Rule = {
  id: 'WBX.REC.2v1',
  name: 'RecordingDownloadsOff',
  area: 'REC',
  scope: 'org',
  title: 'Meeting recordings cannot be downloaded, as attested',
  level: 'SHOULD',
  severity: 'medium',
  citations: [inForce('164.312(a)(1)'), inForce('164.310(d)(2)(i)')],
  automation: 'manual-attestation',
  rationale:
    "A downloaded recording leaves every control Webex gives: access reports, retention and disposal no longer apply to the copy on someone's laptop. Keeping recordings online-only keeps access control and disposal in force (164.312(a)(1), 164.310(d)(2)(i)).",
  remediation:
    'Turn recording downloads off in Control Hub, then declare the `recordingAccess` attestation with `downloadAllowed: false`.',
  check: (subject) => [
    judgeAttestation(subject, 'recordingAccess', (record) => (record.details.downloadAllowed ? ['recordingAccess attests that recordings may be downloaded (downloadAllowed: true)'] : [])),
  ],
};
