import { inForce } from '../../citations';
import { judgeAttestation } from '../../judge';
import type { Rule } from '../../rule';

/** No ePHI in Webex without a Business Associate Agreement with Cisco. */
export const BusinessAssociateAgreement: Rule = {
  id: 'WBX.GOV.1v1',
  name: 'BusinessAssociateAgreement',
  area: 'GOV',
  scope: 'org',
  title: 'A Business Associate Agreement with Cisco is signed and in force, as attested',
  level: 'SHALL',
  severity: 'critical',
  citations: [inForce('164.308(b)(1)'), inForce('164.314(a)(1)')],
  automation: 'manual-attestation',
  exceptions: { refused: 'ePHI may not be placed in Webex at all without a BAA; no setting or reason makes up for it' },
  rationale:
    'Cisco creates, receives, maintains and transmits the ePHI of every meeting, recording and message: it is a business associate, and a covered entity may let it do so only under a contract that binds it to the Security Rule (164.308(b)(1), 164.314(a)). Every other control assumes the BAA exists. It is a contract, not a setting, so it is attested, and no exception can accept its absence.',
  remediation:
    "Sign Cisco's BAA for the Webex services in use, then declare the `businessAssociateAgreement` attestation with the plan, `productsCovered`, `signedOn`, who attested, when, the reference to the signed agreement and the renewal date.",
  check: (subject) => [
    judgeAttestation(subject, 'businessAssociateAgreement', (record) =>
      record.details.signedOn > subject.today ? [`signedOn is ${record.details.signedOn}, after today (${subject.today}): the BAA is not yet in force`] : [],
    ),
  ],
};
