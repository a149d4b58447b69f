import { inForce } from '../../citations';
import { atLeast, judgeOrgControl } from '../../judge';
import type { Rule } from '../../rule';

/** The shortest Webex-managed password the org's policy may allow. */
export const ORG_PASSWORD_MIN_LENGTH = 12;

/** Webex-managed passwords are long enough to resist guessing. */
export const OrgPasswordPolicyStrong: Rule = {
  id: 'WBX.PWD.1v1',
  name: 'OrgPasswordPolicyStrong',
  area: 'PWD',
  scope: 'org',
  title: `The org password policy is enforced and requires at least ${ORG_PASSWORD_MIN_LENGTH} characters`,
  level: 'SHOULD',
  severity: 'high',
  citations: [inForce('164.308(a)(5)(ii)(D)'), inForce('164.312(d)')],
  nprm: { level: 'SHALL' },
  automation: 'write-only',
  rationale:
    "People who do not sign in through SSO authenticate with a Webex-managed password, whose strength the org's password policy sets. Length is what resists guessing and cracking best. The policy has a write API and no read, so webex-iac enforces it and assess reports when it last did (password management, 164.308(a)(5)(ii)(D), addressable today and required by the NPRM).",
  remediation: `Keep PasswordPolicy (HipaaBaseline \`passwordPolicy\`) at its defaults or declare \`minimumLength\` of at least ${ORG_PASSWORD_MIN_LENGTH}, then run \`webex-iac apply\`.`,
  check: (subject) => judgeOrgControl(subject, 'passwordPolicy', [atLeast('minimumLength', ORG_PASSWORD_MIN_LENGTH)]),
};
