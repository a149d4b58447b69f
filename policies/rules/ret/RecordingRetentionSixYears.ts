import { HIPAA_RETENTION_DAYS } from '../../../manifest';
import { inForce } from '../../citations';
import { judgeAttestation } from '../../judge';
import type { Rule } from '../../rule';

/** Meeting recordings are kept six years, then disposed of by Webex. */
export const RecordingRetentionSixYears: Rule = {
  id: 'WBX.RET.2v1',
  name: 'RecordingRetentionSixYears',
  area: 'RET',
  scope: 'org',
  title: 'Meeting recordings are retained for at least six years, then disposed of, as attested',
  level: 'SHALL',
  severity: 'medium',
  citations: [inForce('164.316(b)(2)(i)'), inForce('164.310(d)(2)(i)')],
  automation: 'manual-attestation',
  rationale:
    'Recordings of clinical sessions are kept for as long as the records they document must be (six years for the documentation HIPAA requires, 164.316(b)(2)(i)) and then deleted by Webex for good (disposal, 164.310(d)(2)(i)). The meetings retention period is set in Control Hub only (no API), so it is attested with its value.',
  remediation: `Set meeting recording retention in Control Hub to at least ${HIPAA_RETENTION_DAYS} days, then declare the \`recordingRetention\` attestation with \`retentionDays\`.`,
  check: (subject) => [
    judgeAttestation(subject, 'recordingRetention', (record) =>
      record.details.retentionDays < HIPAA_RETENTION_DAYS ? [`retentionDays is ${record.details.retentionDays}, must be at least ${HIPAA_RETENTION_DAYS} (6 years)`] : [],
    ),
  ],
};
