import { inForce } from '../../citations';
import { judgeAttestation } from '../../judge';
import type { Rule } from '../../rule';

/** Sign-in goes through the organization's identity provider, where joiners and leavers are managed. */
export const SsoEnforcedAttested: Rule = {
  id: 'WBX.AUTH.3v1',
  name: 'SsoEnforcedAttested',
  area: 'AUTH',
  scope: 'org',
  title: "Sign-in goes through the organization's identity provider (SSO), as attested",
  level: 'SHOULD',
  severity: 'medium',
  citations: [inForce('164.312(d)'), inForce('164.312(a)(2)(i)')],
  automation: 'manual-attestation',
  rationale:
    "With single sign-on, a Webex login is the workforce identity the organization already manages: one unique identity per person (164.312(a)(2)(i)), authenticated with the identity provider's MFA and lockout (164.312(d)), and disabled there the day someone leaves. Webex has no API to read or set SSO enforcement, so it is attested.",
  remediation:
    'Configure SAML SSO for the org in Control Hub, then declare the `ssoEnforcement` attestation with the identity provider, who attested, when, the evidence reference and the expiry.',
  check: (subject) => [judgeAttestation(subject, 'ssoEnforcement')],
};
