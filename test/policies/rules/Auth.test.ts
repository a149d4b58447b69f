import { LoginLockout } from '../../../policies/rules/auth/LoginLockout';
import { OrgMfaEnforced } from '../../../policies/rules/auth/OrgMfaEnforced';
import { SsoEnforcedAttested } from '../../../policies/rules/auth/SsoEnforcedAttested';
import { UsersWithoutMfa } from '../../../policies/rules/auth/UsersWithoutMfa';
import { IdleTimeoutAttested } from '../../../policies/rules/sess/IdleTimeoutAttested';
import { declared, failures, judge, observed } from '../fixtures';

describe('Rule: Multi-factor authentication is enforced for the whole org', () => {
  const rule = OrgMfaEnforced;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
    const result = judge(rule, observed());
    expect(result.status).toBe('pass');
    expect(result.judgements[0]!.evidence).toBe('enforced by webex-iac on 2026-06-01 (trackingId ROUTER_mfa)');
  });
  test('Noncompliance 1: the declaration turns MFA off', () => {
    const result = judge(rule, declared((org) => { org.settings.mfa!.mfaEnabled = false; }));
    expect(failures(result)).toEqual(['WBX.AUTH.1v1: mfaEnabled is false, must be true']);
  });
  test('Noncompliance 2: MFA not declared', () => {
    const result = judge(rule, declared((org) => delete org.settings.mfa));
    expect(failures(result)).toEqual(['WBX.AUTH.1v1: mfa is not declared: webex-iac does not enforce this control']);
  });
  test('Noncompliance 3: MFA off was enforced in the live org (judged on what was enforced)', () => {
    const result = judge(rule, observed(() => {}, (org) => { org.settings.mfa!.mfaEnabled = false; }));
    expect(failures(result)).toEqual(['WBX.AUTH.1v1: mfaEnabled is false, must be true']);
    expect(result.judgements[0]!.evidence).toBe('enforced by webex-iac on 2026-06-01 (trackingId ROUTER_mfa)');
  });
  test('Not verifiable: never enforced by webex-iac (Webex has no read)', () => {
    const result = judge(rule, observed((live) => { live.org!.enforced!.mfa = null; }));
    expect(result.status).toBe('not-verifiable');
    expect(failures(result)).toEqual(['WBX.AUTH.1v1: mfa was never enforced by webex-iac for this org (no record in the state folder) and Webex has no API to read it: run webex-iac apply']);
  });
  test('Not verifiable: the declaration changed since the last enforcement', () => {
    const result = judge(rule, observed((live) => { live.org!.enforced!.mfa!.sha256 = 'f'.repeat(64); }));
    expect(failures(result)).toEqual(['WBX.AUTH.1v1: the declared mfa differs from what webex-iac last enforced on 2026-06-01, and Webex has no API to read it: run webex-iac apply']);
  });
  test('Profiles: SHOULD citing 164.312(d) today; SHALL citing proposed 164.312(f)(2)(ii) under the NPRM', () => {
    const current = judge(rule, declared());
    const nprm = judge(rule, declared(), { profile: 'hipaa-nprm-2025' });
    expect([current.level, current.citations.map((c) => c.section)]).toEqual(['SHOULD', ['164.312(d)', '164.308(a)(5)(ii)(D)']]);
    expect([nprm.level, nprm.citations]).toEqual(['SHALL', [{ edition: 'proposed', section: '164.312(f)(2)(ii)' }]]);
  });
});

describe('Rule: No user account has multi-factor authentication turned off', () => {
  const rule = UsersWithoutMfa;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
    expect(judge(rule, observed()).status).toBe('pass');
  });
  test('Noncompliance 1: the declaration does not report users without MFA', () => {
    const result = judge(rule, declared((org) => { org.settings.mfa!.reportUsersWithoutMfa = false; }));
    expect(failures(result)).toEqual(['WBX.AUTH.2v1: users without MFA are not reported: declare mfa with reportUsersWithoutMfa: true']);
  });
  test('Noncompliance 2: two live users have MFA off, one finding each', () => {
    const result = judge(rule, observed((live) => { live.org!.mfaUsers!.withoutMfa = ['a@clinic.example', 'b@clinic.example']; }));
    expect(failures(result)).toEqual(["WBX.AUTH.2v1[a@clinic.example]: MFA is off in the user's SCIM record", "WBX.AUTH.2v1[b@clinic.example]: MFA is off in the user's SCIM record"]);
  });
  test('Noncompliance 3: the users were not read', () => {
    const result = judge(rule, observed((live) => delete live.org!.mfaUsers));
    expect(failures(result)).toEqual(['WBX.AUTH.2v1: users without MFA were not read: declare mfa with reportUsersWithoutMfa: true']);
  });
  test('Not verifiable: Webex reports MFA for no user', () => {
    expect(judge(rule, observed((live) => { live.org!.mfaUsers!.exposed = false; })).status).toBe('not-verifiable');
  });
});

describe('Rule: Sign-in goes through the identity provider, as attested', () => {
  const rule = SsoEnforcedAttested;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
  });
  test('Noncompliance 1: not attested', () => {
    expect(failures(judge(rule, declared((org) => delete org.settings.attestations!.ssoEnforcement)))).toEqual([
      'WBX.AUTH.3v1: ssoEnforcement is not attested (Single sign-on enforced through the identity provider): declare who attested it, when, the evidence reference and the expiry',
    ]);
  });
});

describe('Rule: Accounts are locked after repeated failed sign-in attempts', () => {
  const rule = LoginLockout;
  test('Compliance', () => {
    const result = judge(rule, declared());
    expect(result.status).toBe('pass');
    expect(result.judgements[0]!.message).toBe('lockout is enforced by the identity provider Okta');
  });
  test('Noncompliance 1: the SSO attestation expired', () => {
    const result = judge(rule, declared((org) => { org.settings.attestations!.ssoEnforcement!.expires = '2026-05-01'; }));
    expect(failures(result)).toEqual(['WBX.AUTH.4v1: ssoEnforcement attestation expired on 2026-05-01: renew it']);
  });
  test('Not verifiable: without SSO, Webex\'s own lockout cannot be read', () => {
    const result = judge(rule, declared((org) => delete org.settings.attestations!.ssoEnforcement));
    expect(result.status).toBe('not-verifiable');
  });
  test('Profiles: SHALL under the NPRM, citing proposed 164.312(a)(2)(v)', () => {
    const nprm = judge(rule, declared(), { profile: 'hipaa-nprm-2025' });
    expect([nprm.level, nprm.citations]).toEqual(['SHALL', [{ edition: 'proposed', section: '164.312(a)(2)(v)' }]]);
  });
});

describe('Rule: Idle sessions are logged off, as attested', () => {
  const rule = IdleTimeoutAttested;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
  });
  test('Noncompliance 1: the idle timeout is 60 minutes', () => {
    const result = judge(rule, declared((org) => { org.settings.attestations!.idleTimeout!.details.idleTimeoutMinutes = 60; }));
    expect(failures(result)).toEqual(['WBX.SESS.1v1: idleTimeoutMinutes is 60, must be at most 30']);
  });
  test('Noncompliance 2: not attested', () => {
    expect(judge(rule, declared((org) => delete org.settings.attestations!.idleTimeout)).status).toBe('fail');
  });
});
