import { inForce } from '../../citations';
import { daysBetween } from '../../judge';
import type { Judgement, Rule } from '../../rule';
import type { Subject } from '../../subject';

/** The longest an unused account may keep its login. */
export const INACTIVE_MAX_DAYS = 90;

/** Accounts nobody uses do not keep working: each one idle past the threshold is a finding. */
export const InactiveAccountsDisabled: Rule = {
  id: 'WBX.ACCT.1v1',
  name: 'InactiveAccountsDisabled',
  area: 'ACCT',
  scope: 'org',
  title: `No account keeps its login after ${INACTIVE_MAX_DAYS} days without activity`,
  level: 'SHOULD',
  severity: 'medium',
  citations: [inForce('164.308(a)(3)(ii)(C)'), inForce('164.308(a)(4)(ii)(C)')],
  nprm: { level: 'SHALL' },
  automation: 'automated',
  rationale:
    'Inactive accounts, of people who left, changed roles or never used Webex, still open recordings and messages, and nobody notices when someone else uses them. Reviewing activity and turning such logins off is how termination and access-modification procedures reach Webex (164.308(a)(3)(ii)(C), 164.308(a)(4)(ii)(C); addressable today, required by the NPRM).',
  remediation: `Keep InactiveAccounts (HipaaBaseline \`inactiveAccounts\`) at inactiveDays ${INACTIVE_MAX_DAYS} or less; set \`deactivate: true\` for apply to turn the listed logins off, or turn them off in Control Hub, or except an account with its reason.`,
  check: (subject) => {
    const declared = subject.inactiveAccounts;
    const path = declared?.path ?? subject.org.path;
    const org = { kind: 'org' } as const;
    if (declared === undefined) return [{ target: org, path, verdict: 'fail', message: 'inactiveAccounts is not declared: inactive accounts are neither found nor deactivated', values: {} }];
    const values = { inactiveDays: declared.inactiveDays, deactivate: declared.deactivate ?? false };
    if (declared.inactiveDays > INACTIVE_MAX_DAYS) return [{ target: org, path, verdict: 'fail', message: `inactiveDays is ${declared.inactiveDays}, must be at most ${INACTIVE_MAX_DAYS}`, values }];
    if (subject.mode === 'declared') return [{ target: org, path, verdict: 'pass', message: `accounts inactive for more than ${declared.inactiveDays} days are reviewed`, values }];
    return observed(subject, path, values);
  },
};

function observed(subject: Subject, path: string, values: { inactiveDays: number; deactivate: boolean }): Judgement[] {
  const idle = subject.accounts?.idle;
  if (idle === undefined) return [{ target: { kind: 'org' }, path, verdict: 'fail', message: 'account activity was not read', values }];
  const found = idle.flatMap((a): Judgement[] => {
    const target = { kind: 'account', email: a.email } as const;
    if (a.lastActivity === null) return [{ target, path, verdict: 'not-verifiable', message: 'Webex reports no last activity (never signed in, invite pending, or status sharing off)', values: { lastActivity: null } }];
    const days = daysBetween(a.lastActivity.slice(0, 10), subject.today);
    if (days < values.inactiveDays) return [];
    return [{ target, path, verdict: 'fail', message: `login enabled, no activity for ${days} days (last ${a.lastActivity.slice(0, 10)}), inactive after ${values.inactiveDays}`, values: { lastActivity: a.lastActivity, days } }];
  });
  return found.length > 0 ? found : [{ target: { kind: 'org' }, path, verdict: 'pass', message: `no account with login enabled has been inactive for more than ${values.inactiveDays} days`, values }];
}
