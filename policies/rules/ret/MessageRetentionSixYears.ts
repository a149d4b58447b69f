import { HIPAA_RETENTION_DAYS } from '../../../manifest';
import { inForce } from '../../citations';
import { judgeAttestation } from '../../judge';
import type { Rule } from '../../rule';

/** Messages are kept six years, then disposed of by Webex. */
export const MessageRetentionSixYears: Rule = {
  id: 'WBX.RET.1v1',
  name: 'MessageRetentionSixYears',
  area: 'RET',
  scope: 'org',
  title: 'Messages are retained for at least six years, then disposed of, as attested',
  level: 'SHALL',
  severity: 'medium',
  citations: [inForce('164.316(b)(2)(i)'), inForce('164.310(d)(2)(i)')],
  automation: 'manual-attestation',
  rationale:
    "Messages in Webex spaces carry clinical decisions, and often the documentation of required actions that must be kept six years (164.316(b)(2)(i)). The org's retention period decides both how long they are kept and when Webex deletes them for good, which is the disposal of ePHI that is no longer needed (164.310(d)(2)(i)). Retention is set in Control Hub only (no API), so it is attested with its value.",
  remediation: `Set message retention in Control Hub (Organization Settings > Retention) to at least ${HIPAA_RETENTION_DAYS} days, then declare the \`messageRetention\` attestation with \`retentionDays\`.`,
  check: (subject) => [
    judgeAttestation(subject, 'messageRetention', (record) =>
      record.details.retentionDays < HIPAA_RETENTION_DAYS ? [`retentionDays is ${record.details.retentionDays}, must be at least ${HIPAA_RETENTION_DAYS} (6 years)`] : [],
    ),
  ],
};
