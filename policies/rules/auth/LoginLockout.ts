import { inForce, proposed } from '../../citations';
import { judgeAttestation } from '../../judge';
import type { Rule } from '../../rule';

/** Repeated failed sign-ins lock the account, so passwords cannot be guessed online. */
export const LoginLockout: Rule = {
  id: 'WBX.AUTH.4v1',
  name: 'LoginLockout',
  area: 'AUTH',
  scope: 'org',
  title: 'Accounts are locked after repeated failed sign-in attempts',
  level: 'SHOULD',
  severity: 'medium',
  citations: [inForce('164.308(a)(5)(ii)(C)')],
  nprm: { level: 'SHALL', citations: [proposed('164.312(a)(2)(v)')] },
  automation: 'manual-attestation',
  rationale:
    "Lockout turns online password guessing from a matter of time into a matter of luck. Webex's identity service locks Webex-managed passwords after repeated failures, but its thresholds can be neither read nor set through the documented API, so webex-iac can only show lockout where sign-in goes through an identity provider whose lockout policy is attested (ssoEnforcement). Without that attestation the control is not verifiable (log-in monitoring, 164.308(a)(5)(ii)(C); log-in attempts, the NPRM's proposed 164.312(a)(2)(v)).",
  remediation:
    "Configure lockout at the identity provider and declare the `ssoEnforcement` attestation; without SSO, keep Cisco's documentation of Webex's built-in lockout with the org's risk analysis.",
  check: (subject) => {
    if (subject.attestations?.ssoEnforcement === undefined) {
      const path = subject.attestations?.path ?? subject.org.path;
      const message = "no ssoEnforcement attestation: Webex's own lockout of Webex-managed passwords cannot be read or set through the API";
      return [{ target: { kind: 'org' }, path, verdict: 'not-verifiable', message, values: {} }];
    }
    const judged = judgeAttestation(subject, 'ssoEnforcement');
    return [judged.verdict === 'pass' ? { ...judged, message: `lockout is enforced by the identity provider ${subject.attestations.ssoEnforcement.details.identityProvider}` } : judged];
  },
};
