import { inForce, proposed } from '../../citations';
import { judgeAttestation } from '../../judge';
import type { Rule } from '../../rule';

/** The longest idle time before Control Hub and the Webex App log a user off. */
export const IDLE_TIMEOUT_MAX_MINUTES = 30;

/** An unattended, signed-in session is closed: automatic logoff. */
export const IdleTimeoutAttested: Rule = {
  id: 'WBX.SESS.1v1',
  name: 'IdleTimeoutAttested',
  area: 'SESS',
  scope: 'org',
  title: `Idle sessions are logged off after at most ${IDLE_TIMEOUT_MAX_MINUTES} minutes, as attested`,
  level: 'SHOULD',
  severity: 'medium',
  citations: [inForce('164.312(a)(2)(iii)')],
  nprm: { level: 'SHALL', citations: [proposed('164.312(a)(2)(iv)')] },
  automation: 'manual-attestation',
  rationale:
    'A signed-in Webex App or Control Hub left open on a shared clinic workstation gives the next person the previous user\'s messages, recordings and admin rights. The idle timeout ends such sessions. It is set in Control Hub only (no API), so it is attested with its value (automatic logoff, 164.312(a)(2)(iii), addressable today; required by the NPRM as proposed 164.312(a)(2)(iv)).',
  remediation: `Set the idle timeouts in Control Hub (Organization Settings > Idle Timeouts) to at most ${IDLE_TIMEOUT_MAX_MINUTES} minutes, then declare the \`idleTimeout\` attestation with \`idleTimeoutMinutes\`.`,
  check: (subject) => [
    judgeAttestation(subject, 'idleTimeout', (record) =>
      record.details.idleTimeoutMinutes > IDLE_TIMEOUT_MAX_MINUTES ? [`idleTimeoutMinutes is ${record.details.idleTimeoutMinutes}, must be at most ${IDLE_TIMEOUT_MAX_MINUTES}`] : [],
    ),
  ],
};
