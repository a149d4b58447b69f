import { inForce, proposed } from '../../citations';
import { equals, judgeOrgControl } from '../../judge';
import type { Rule } from '../../rule';

/** Everyone who signs in to Webex proves it with a second factor. */
export const OrgMfaEnforced: Rule = {
  id: 'WBX.AUTH.1v1',
  name: 'OrgMfaEnforced',
  area: 'AUTH',
  scope: 'org',
  title: 'Multi-factor authentication is enforced for the whole org',
  level: 'SHOULD',
  severity: 'critical',
  citations: [inForce('164.312(d)'), inForce('164.308(a)(5)(ii)(D)')],
  nprm: { level: 'SHALL', citations: [proposed('164.312(f)(2)(ii)')] },
  automation: 'write-only',
  rationale:
    "A stolen or guessed password is the most common way into a cloud account, and a Webex account opens recordings, messages and meetings with patients. Org-wide MFA makes a password alone useless. The current rule requires person or entity authentication (164.312(d)) without naming MFA; the NPRM requires MFA (proposed 164.312(f)(2)(ii)), and OCR already expects it. Webex accepts the setting but offers no read: assess reports when webex-iac last enforced it.",
  remediation:
    'Keep MultiFactorAuthentication (HipaaBaseline `mfa`) at its default (`mfaEnabled: true`), then run `webex-iac apply`. With SSO, enforce MFA at the identity provider as well and attest `ssoEnforcement`.',
  check: (subject) => judgeOrgControl(subject, 'mfa', [equals('mfaEnabled', true)]),
};
