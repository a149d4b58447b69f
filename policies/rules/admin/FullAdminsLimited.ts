import { inForce, proposed } from '../../citations';
import type { Rule } from '../../rule';

/** Cisco's name of the role that administers everything (GET /v1/roles). */
export const FULL_ADMINISTRATOR = 'Full Administrator';

/** Few people hold the role that can do everything. */
export const FullAdminsLimited: Rule = {
  id: 'WBX.ADMIN.2v1',
  name: 'FullAdminsLimited',
  area: 'ADMIN',
  scope: 'org',
  title: 'The number of Full Administrators is capped, and the org stays within the cap',
  level: 'SHOULD',
  severity: 'medium',
  citations: [inForce('164.308(a)(4)(ii)(B)')],
  nprm: { level: 'SHALL', citations: [proposed('164.312(a)(2)(ii)')] },
  automation: 'automated',
  rationale:
    'Full Administrator is every privilege at once. Each extra holder is one more account whose compromise hands over the whole org; most admin work needs a narrower role (User or Compliance Officer). A declared cap makes the number a reviewed decision (access authorization, 164.308(a)(4)(ii)(B); separate administrative privileges, the NPRM\'s proposed 164.312(a)(2)(ii)).',
  remediation:
    'Declare AdminAccess `maxFullAdmins` (HipaaBaseline default: 4); when the org has more, move the extra people to narrower roles.',
  check: (subject) => {
    const declared = subject.adminAccess;
    const path = declared?.path ?? subject.org.path;
    const org = { kind: 'org' } as const;
    if (declared?.maxFullAdmins === undefined) return [{ target: org, path, verdict: 'fail', message: 'adminAccess.maxFullAdmins is not declared: the number of Full Administrators is not capped', values: {} }];
    const values = { maxFullAdmins: declared.maxFullAdmins };
    if (subject.mode === 'declared') return [{ target: org, path, verdict: 'pass', message: `at most ${declared.maxFullAdmins} Full Administrators`, values }];
    const admins = subject.accounts?.admins;
    if (admins === undefined) return [{ target: org, path, verdict: 'fail', message: 'Full Administrators were not counted', values }];
    const full = admins.filter((a) => a.roles.includes(FULL_ADMINISTRATOR)).map((a) => a.email);
    const ok = full.length <= declared.maxFullAdmins;
    const message = ok ? `${full.length} Full Administrator(s), at most ${declared.maxFullAdmins} allowed` : `${full.length} people hold ${FULL_ADMINISTRATOR}, at most ${declared.maxFullAdmins} allowed: ${full.join(', ')}`;
    return [{ target: org, path, verdict: ok ? 'pass' : 'fail', message, values: { ...values, fullAdministrators: full } }];
  },
};
