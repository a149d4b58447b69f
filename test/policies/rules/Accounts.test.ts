import { InactiveAccountsDisabled } from '../../../policies/rules/acct/InactiveAccountsDisabled';
import { AdminsAllowListed } from '../../../policies/rules/admin/AdminsAllowListed';
import { FullAdminsLimited } from '../../../policies/rules/admin/FullAdminsLimited';
import { OrgPasswordPolicyStrong } from '../../../policies/rules/pwd/OrgPasswordPolicyStrong';
import { OrgPasswordReuseAndDenyList } from '../../../policies/rules/pwd/OrgPasswordReuseAndDenyList';
import { declared, failures, judge, observed } from '../fixtures';

describe('Rule: The org password policy is enforced and requires at least 12 characters', () => {
  const rule = OrgPasswordPolicyStrong;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
    expect(judge(rule, observed()).judgements[0]!.evidence).toBe('enforced by webex-iac on 2026-06-01 (trackingId ROUTER_passwordPolicy)');
  });
  test('Noncompliance 1: minimumLength 8', () => {
    const result = judge(rule, declared((org) => { org.settings.passwordPolicy!.minimumLength = 8; }));
    expect(failures(result)).toEqual(['WBX.PWD.1v1: minimumLength is 8, must be at least 12']);
  });
  test('Noncompliance 2: the enforced short policy is judged in assess too', () => {
    const result = judge(rule, observed(() => {}, (org) => { org.settings.passwordPolicy!.minimumLength = 10; }));
    expect(failures(result)).toEqual(['WBX.PWD.1v1: minimumLength is 10, must be at least 12']);
    expect(result.judgements[0]!.evidence).toBe('enforced by webex-iac on 2026-06-01 (trackingId ROUTER_passwordPolicy)');
  });
  test('Noncompliance 3: not declared', () => {
    expect(failures(judge(rule, declared((org) => delete org.settings.passwordPolicy)))).toEqual(['WBX.PWD.1v1: passwordPolicy is not declared: webex-iac does not enforce this control']);
  });
  test('Profiles: SHOULD today (addressable), SHALL under the NPRM', () => {
    expect(judge(rule, declared()).level).toBe('SHOULD');
    expect(judge(rule, declared(), { profile: 'hipaa-nprm-2025' }).level).toBe('SHALL');
  });
});

describe('Rule: The org password policy remembers 5 passwords and refuses common ones', () => {
  const rule = OrgPasswordReuseAndDenyList;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
  });
  test('Noncompliance 1: history of 1', () => {
    expect(failures(judge(rule, declared((org) => { org.settings.passwordPolicy!.historyCount = 1; })))).toEqual(['WBX.PWD.2v1: historyCount is 1, must be at least 5']);
  });
  test('Noncompliance 2: no deny-list', () => {
    expect(failures(judge(rule, declared((org) => delete org.settings.passwordPolicy!.notAcceptableStrings)))).toEqual([
      'WBX.PWD.2v1: notAcceptableStrings is not declared (must be a non-empty list)',
    ]);
  });
});

describe('Rule: No account keeps its login after 90 days without activity', () => {
  const rule = InactiveAccountsDisabled;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
    expect(judge(rule, observed()).status).toBe('pass');
  });
  test('Noncompliance 1: the review allows 180 days', () => {
    expect(failures(judge(rule, declared((org) => { org.settings.inactiveAccounts!.inactiveDays = 180; })))).toEqual(['WBX.ACCT.1v1: inactiveDays is 180, must be at most 90']);
  });
  test('Noncompliance 2: not declared', () => {
    expect(failures(judge(rule, declared((org) => delete org.settings.inactiveAccounts)))).toEqual([
      'WBX.ACCT.1v1: inactiveAccounts is not declared: inactive accounts are neither found nor deactivated',
    ]);
  });
  test('Noncompliance 3: a live account idle for 200 days', () => {
    const result = judge(rule, observed((live) => { live.inactive = [{ email: 'old@clinic.example', personId: 'P9', lastActivity: '2025-11-27T08:00:00.000Z', unsendablePhoneTypes: [] }]; }));
    expect(failures(result)).toEqual(['WBX.ACCT.1v1[old@clinic.example]: login enabled, no activity for 200 days (last 2025-11-27), inactive after 90']);
  });
  test('Not verifiable: Webex reports no activity for an account', () => {
    const result = judge(rule, observed((live) => { live.inactive = [{ email: 'new@clinic.example', personId: 'P8', lastActivity: null, unsendablePhoneTypes: [] }]; }));
    expect(result.status).toBe('not-verifiable');
  });
  test('Compliance: a candidate within the threshold is not a finding', () => {
    const result = judge(rule, observed((live) => { live.inactive = [{ email: 'x@clinic.example', personId: 'P7', lastActivity: '2026-04-01T00:00:00.000Z', unsendablePhoneTypes: [] }]; }));
    expect(result.status).toBe('pass');
  });
});

describe('Rule: Only the people on the allow-list hold admin roles', () => {
  const rule = AdminsAllowListed;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
    expect(judge(rule, observed()).status).toBe('pass');
  });
  test('Noncompliance 1: a former contractor is still a Full Administrator', () => {
    const result = judge(rule, observed((live) => { live.org!.admins!.push({ email: 'contractor@clinic.example', personId: 'C1', roles: ['Full Administrator'], unsendablePhoneTypes: [] }); }));
    expect(failures(result)).toEqual(['WBX.ADMIN.1v1[contractor@clinic.example]: holds Full Administrator but is not in allowedAdmins']);
  });
  test('Noncompliance 2: admin access not declared', () => {
    expect(failures(judge(rule, declared((org) => delete org.settings.adminAccess)))).toEqual(['WBX.ADMIN.1v1: adminAccess is not declared: nobody checks who holds admin roles']);
  });
  test('Noncompliance 3: the admins were not read', () => {
    expect(failures(judge(rule, observed((live) => delete live.org!.admins)))).toEqual(['WBX.ADMIN.1v1: admin role holders were not read']);
  });
});

describe('Rule: The number of Full Administrators is capped', () => {
  const rule = FullAdminsLimited;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
    expect(judge(rule, observed()).status).toBe('pass');
  });
  test('Noncompliance 1: no cap declared', () => {
    expect(failures(judge(rule, declared((org) => delete org.settings.adminAccess!.maxFullAdmins)))).toEqual([
      'WBX.ADMIN.2v1: adminAccess.maxFullAdmins is not declared: the number of Full Administrators is not capped',
    ]);
  });
  test('Noncompliance 2: three Full Administrators, two allowed', () => {
    const result = judge(rule, observed((live) => { live.org!.admins!.push({ email: 'x@clinic.example', personId: 'X', roles: ['Full Administrator', 'User Administrator'], unsendablePhoneTypes: [] }); }));
    expect(failures(result)).toEqual(['WBX.ADMIN.2v1: 3 people hold Full Administrator, at most 2 allowed: admin@clinic.example, it@clinic.example, x@clinic.example']);
  });
});
