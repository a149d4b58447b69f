import { inForce } from '../../citations';
import { atLeast, judgeOrgControl, nonEmptyList } from '../../judge';
import type { Rule } from '../../rule';

/** Old passwords do not come back, and the obvious ones are refused. */
export const OrgPasswordReuseAndDenyList: Rule = {
  id: 'WBX.PWD.2v1',
  name: 'OrgPasswordReuseAndDenyList',
  area: 'PWD',
  scope: 'org',
  title: 'The org password policy remembers the last 5 passwords and refuses a deny-list of common ones',
  level: 'SHOULD',
  severity: 'low',
  citations: [inForce('164.308(a)(5)(ii)(D)')],
  automation: 'write-only',
  rationale:
    "A password that leaked once is worthless as long as it cannot be set again: Webex remembers at most 5 earlier passwords, and the policy should use all of them. A deny-list refuses the passwords attackers try first (\"password\", the company name). Both are part of password management (164.308(a)(5)(ii)(D)).",
  remediation:
    'Keep PasswordPolicy `historyCount` (5) and `notAcceptableStrings` at their defaults, or declare historyCount 5 and a non-empty notAcceptableStrings, then run `webex-iac apply`.',
  check: (subject) => judgeOrgControl(subject, 'passwordPolicy', [atLeast('historyCount', 5), nonEmptyList('notAcceptableStrings')]),
};
