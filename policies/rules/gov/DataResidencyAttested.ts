import { inForce } from '../../citations';
import { judgeAttestation } from '../../judge';
import type { Rule } from '../../rule';

/** The organization knows, and has recorded, where Webex stores its ePHI. */
export const DataResidencyAttested: Rule = {
  id: 'WBX.GOV.3v1',
  name: 'DataResidencyAttested',
  area: 'GOV',
  scope: 'org',
  title: "The org's data residency region is known and attested",
  level: 'SHOULD',
  severity: 'low',
  citations: [inForce('164.308(a)(1)(ii)(A)')],
  automation: 'manual-attestation',
  rationale:
    "HIPAA does not require ePHI to stay in one country, but a risk analysis that does not know where the ePHI is cannot be accurate or thorough (164.308(a)(1)(ii)(A)), and state law or contracts often do restrict it. Webex's org objects carry no region, so the data location is attested.",
  remediation:
    "Look up the org's data location in Control Hub (Organization Settings), then declare the `dataResidency` attestation with `region`.",
  check: (subject) => [judgeAttestation(subject, 'dataResidency')],
};
