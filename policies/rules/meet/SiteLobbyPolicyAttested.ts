import { inForce } from '../../citations';
import { judgeAttestation } from '../../judge';
import type { Rule } from '../../rule';

/** The site-wide lobby policy for unauthenticated users has no API: it is attested. */
export const SiteLobbyPolicyAttested: Rule = {
  id: 'WBX.MEET.9v1',
  name: 'SiteLobbyPolicyAttested',
  area: 'MEET',
  scope: 'org',
  title: 'Unauthenticated users wait in the lobby (or are blocked) on every site, as attested',
  level: 'SHALL',
  severity: 'high',
  citations: [inForce('164.312(a)(1)')],
  automation: 'manual-attestation',
  rationale:
    "Join before host and personal-room auto-lock cover scheduled meetings and personal rooms; the site's lobby policy decides what happens to people who are not signed in when a meeting is unlocked. Webex offers no API for it (Control Hub only), so a person attests that unauthenticated users are sent to the lobby or blocked: the waiting room for patient-facing sessions (164.312(a)(1)).",
  remediation:
    'In Control Hub set the site\'s lobby policy for unauthenticated users to "lobby" or "blocked", then declare the `siteLobbyPolicy` attestation (Attestations or HipaaBaseline `attestations`) with who attested, when, the evidence reference and the expiry.',
  check: (subject) => [judgeAttestation(subject, 'siteLobbyPolicy')],
};
