import { inForce, proposed } from '../../citations';
import type { Judgement, Rule } from '../../rule';
import type { Subject } from '../../subject';

/** No user signs in with a password alone: each account whose MFA is off is a finding. */
export const UsersWithoutMfa: Rule = {
  id: 'WBX.AUTH.2v1',
  name: 'UsersWithoutMfa',
  area: 'AUTH',
  scope: 'org',
  title: 'No user account has multi-factor authentication turned off',
  level: 'SHOULD',
  severity: 'high',
  citations: [inForce('164.312(d)')],
  nprm: { level: 'SHALL', citations: [proposed('164.312(f)(2)(ii)')] },
  automation: 'automated',
  rationale:
    "The org-wide MFA setting cannot be read back, but each user's record says whether MFA is on for them. Accounts with MFA off are the accounts a stolen password opens; listing them, one finding each, lets the admin fix or knowingly accept each (164.312(d); required by the NPRM's proposed 164.312(f)(2)(ii)).",
  remediation:
    'Declare `mfa` with `reportUsersWithoutMfa: true` (the HipaaBaseline default) so that assess lists them; turn MFA on for each user found, or add an exception for that account with its reason.',
  check: (subject) => (subject.mode === 'declared' ? declared(subject) : observed(subject)),
};

function declared(subject: Subject): Judgement[] {
  const path = subject.controls.mfa?.path ?? subject.org.path;
  const on = subject.reportUsersWithoutMfa === true;
  const message = on ? 'users without MFA are reported (mfa.reportUsersWithoutMfa)' : 'users without MFA are not reported: declare mfa with reportUsersWithoutMfa: true';
  return [{ target: { kind: 'org' }, path, verdict: on ? 'pass' : 'fail', message, values: { reportUsersWithoutMfa: subject.reportUsersWithoutMfa ?? null } }];
}

function observed(subject: Subject): Judgement[] {
  const path = subject.controls.mfa?.path ?? subject.org.path;
  const mfa = subject.accounts?.mfa;
  const org = { kind: 'org' } as const;
  if (mfa === undefined) return [{ target: org, path, verdict: 'fail', message: 'users without MFA were not read: declare mfa with reportUsersWithoutMfa: true', values: {} }];
  if (!mfa.exposed) return [{ target: org, path, verdict: 'not-verifiable', message: "Webex reports MFA in no user's SCIM record, so users without MFA cannot be found", values: { exposed: false } }];
  if (mfa.withoutMfa.length === 0) return [{ target: org, path, verdict: 'pass', message: 'no account has MFA off', values: { withoutMfa: [] } }];
  return mfa.withoutMfa.map((email): Judgement => ({ target: { kind: 'account', email }, path, verdict: 'fail', message: "MFA is off in the user's SCIM record", values: { mfaEnabled: false } }));
}
