import { inForce, proposed } from '../../citations';
import type { Judgement, Rule } from '../../rule';

/** Only named people hold admin roles: anyone else with one is a finding. */
export const AdminsAllowListed: Rule = {
  id: 'WBX.ADMIN.1v1',
  name: 'AdminsAllowListed',
  area: 'ADMIN',
  scope: 'org',
  title: 'Only the people on the declared allow-list hold admin roles',
  level: 'SHALL',
  severity: 'high',
  citations: [inForce('164.308(a)(4)(i)'), inForce('164.308(a)(4)(ii)(B)'), inForce('164.308(a)(4)(ii)(C)')],
  nprm: { citations: [inForce('164.308(a)(4)(i)'), proposed('164.312(a)(2)(ii)')] },
  automation: 'automated',
  rationale:
    'An admin of a Webex org can read audit logs, change every security setting and grant themselves access to recordings. Least privilege means admin roles are authorized for named people and nobody else keeps one, such as a former contractor or a helpdesk account from a migration (information access management, 164.308(a)(4); the NPRM adds separate administrative privileges, proposed 164.312(a)(2)(ii)).',
  remediation:
    'Declare AdminAccess (HipaaBaseline `adminAccess`) with `allowedAdmins`; for each person found, remove their admin roles (or set `revokeUnexpected: true` for apply to do it), or add them to the list.',
  check: (subject) => {
    const declared = subject.adminAccess;
    const path = declared?.path ?? subject.org.path;
    const org = { kind: 'org' } as const;
    if (declared === undefined) return [{ target: org, path, verdict: 'fail', message: 'adminAccess is not declared: nobody checks who holds admin roles', values: {} }];
    const values = { allowedAdmins: declared.allowedAdmins, revokeUnexpected: declared.revokeUnexpected ?? false };
    if (subject.mode === 'declared') return [{ target: org, path, verdict: 'pass', message: `admin roles are allowed for ${declared.allowedAdmins.length} named people`, values }];
    const admins = subject.accounts?.admins;
    if (admins === undefined) return [{ target: org, path, verdict: 'fail', message: 'admin role holders were not read', values }];
    const unexpected = admins.filter((a) => !declared.allowedAdmins.includes(a.email));
    if (unexpected.length === 0) return [{ target: org, path, verdict: 'pass', message: `all ${admins.length} admin role holders are on the allow-list`, values: { ...values, admins: admins.map((a) => a.email) } }];
    return unexpected.map((a): Judgement => ({ target: { kind: 'account', email: a.email }, path, verdict: 'fail', message: `holds ${a.roles.join(', ')} but is not in allowedAdmins`, values: { roles: [...a.roles] } }));
  },
};
