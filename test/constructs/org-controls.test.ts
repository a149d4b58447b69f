import { AdminAccess, buildManifest, HipaaBaseline, InactiveAccounts, MultiFactorAuthentication, PasswordPolicy, WebexOrg } from '../../constructs';
import { clinicSite, newStack } from './fixtures';

const SAFE_POLICY = {
  minimumLength: 12,
  minimumNumeric: 1,
  minimumCapAlpha: 1,
  minimumLowAlpha: 1,
  minimumSpecial: 1,
  historyCount: 5,
  maxPasswordAgeDays: 90,
  notAcceptableStrings: ['password', 'webex', 'cisco', '123456', 'qwerty', 'letmein'],
};

function orgSettings(stack: ReturnType<typeof newStack>) {
  return buildManifest(stack).orgs[0]!.settings;
}

describe('HipaaBaseline org controls', () => {
  test('Compliance: password policy, MFA, admin access and inactive accounts with their HIPAA-safe defaults, opt-in actions off', () => {
    const { stack, org } = clinicSite();
    new HipaaBaseline(org, 'Baseline');
    const settings = orgSettings(stack);
    expect(settings.passwordPolicy).toEqual({ path: 'clinic/Org/Baseline/PasswordPolicy', ...SAFE_POLICY });
    expect(settings.mfa).toEqual({ path: 'clinic/Org/Baseline/Mfa', mfaEnabled: true, reportUsersWithoutMfa: true });
    expect(settings.adminAccess).toEqual({ path: 'clinic/Org/Baseline/AdminAccess', allowedAdmins: [], maxFullAdmins: 4, revokeUnexpected: false });
    expect(settings.inactiveAccounts).toEqual({ path: 'clinic/Org/Baseline/InactiveAccounts', inactiveDays: 90, exemptEmails: [], deactivate: false });
  });

  test('baseline props change the defaults', () => {
    const { stack, org } = clinicSite();
    new HipaaBaseline(org, 'Baseline', {
      passwordPolicy: { minimumLength: 16, maxPasswordAgeDays: 365 },
      adminAccess: { allowedAdmins: ['admin@clinic.example'], revokeUnexpected: true },
      inactiveAccounts: { inactiveDays: 60, exemptEmails: ['breakglass@clinic.example'], deactivate: true },
    });
    const settings = orgSettings(stack);
    expect(settings.passwordPolicy).toMatchObject({ minimumLength: 16, maxPasswordAgeDays: 365, historyCount: 5 });
    expect(settings.adminAccess).toMatchObject({ allowedAdmins: ['admin@clinic.example'], revokeUnexpected: true });
    expect(settings.inactiveAccounts).toMatchObject({ inactiveDays: 60, exemptEmails: ['breakglass@clinic.example'], deactivate: true });
  });

  test.each(['before', 'after'])('explicit wins: an org control created %s the baseline replaces the baseline\'s', (order) => {
    const { stack, org } = clinicSite();
    if (order === 'after') new HipaaBaseline(org, 'Baseline');
    new PasswordPolicy(org, 'Passwords', { minimumLength: 14 });
    new MultiFactorAuthentication(org, 'Mfa', { reportUsersWithoutMfa: false });
    if (order === 'before') new HipaaBaseline(org, 'Baseline');
    const settings = orgSettings(stack);
    expect(settings.passwordPolicy).toEqual({ path: 'clinic/Org/Passwords', ...SAFE_POLICY, minimumLength: 14 });
    expect(settings.mfa).toEqual({ path: 'clinic/Org/Mfa', mfaEnabled: true, reportUsersWithoutMfa: false });
    expect(settings.adminAccess?.path).toBe('clinic/Org/Baseline/AdminAccess');
  });

  test('an org control works without a baseline', () => {
    const stack = newStack();
    const org = new WebexOrg(stack, 'Org', { name: 'Clinic' });
    new InactiveAccounts(org, 'Inactive', { inactiveDays: 30 });
    expect(orgSettings(stack)).toEqual({ inactiveAccounts: { path: 'clinic/Org/Inactive', inactiveDays: 30, exemptEmails: [], deactivate: false } });
  });

  test.each<[string, () => void, string]>([
    ['Noncompliance 1: a minimum length Cisco refuses', () => new PasswordPolicy(clinicSite().org, 'P', { minimumLength: 6 }), 'PasswordPolicy minimumLength must be an integer from 8 to 256, received: 6 (at clinic/Org/P)'],
    ['Noncompliance 2: more history than Cisco keeps', () => new PasswordPolicy(clinicSite().org, 'P', { historyCount: 6 }), 'PasswordPolicy historyCount must be an integer from 1 to 5, received: 6 (at clinic/Org/P)'],
    ['Noncompliance 3: an expiry outside 90..1825 days', () => new PasswordPolicy(clinicSite().org, 'P', { maxPasswordAgeDays: 30 }), 'PasswordPolicy maxPasswordAgeDays must be an integer from 90 to 1825, received: 30 (at clinic/Org/P)'],
    ['Noncompliance 4: minimums no password of that length can meet', () => new PasswordPolicy(clinicSite().org, 'P', { minimumLength: 8, minimumSpecial: 3, minimumNumeric: 3, minimumCapAlpha: 2, minimumLowAlpha: 1 }), 'PasswordPolicy minimumLength must be at least the sum of minimumNumeric, minimumCapAlpha, minimumLowAlpha and minimumSpecial (9), received: 8 (at clinic/Org/P)'],
    ['Noncompliance 5: a refused string with a comma', () => new PasswordPolicy(clinicSite().org, 'P', { notAcceptableStrings: ['a,b'] }), 'PasswordPolicy notAcceptableStrings must be a list of non-empty strings without commas, without repeats, received: ["a,b"] (at clinic/Org/P)'],
    ['Noncompliance 6: MFA flag not a boolean', () => new MultiFactorAuthentication(clinicSite().org, 'M', { mfaEnabled: 'yes' as never }), 'MultiFactorAuthentication mfaEnabled must be true or false, received: "yes" (at clinic/Org/M)'],
    ['Noncompliance 7: an allowed admin in upper case', () => new AdminAccess(clinicSite().org, 'A', { allowedAdmins: ['Admin@clinic.example'] }), 'AdminAccess allowedAdmins must be a list of lower-case email addresses, without repeats, received: ["Admin@clinic.example"] (at clinic/Org/A)'],
    ['Noncompliance 8: no Full Administrator allowed', () => new AdminAccess(clinicSite().org, 'A', { maxFullAdmins: 0 }), 'AdminAccess maxFullAdmins must be an integer from 1 to 10000, received: 0 (at clinic/Org/A)'],
    ['Noncompliance 9: inactivity of 0 days', () => new InactiveAccounts(clinicSite().org, 'I', { inactiveDays: 0 }), 'InactiveAccounts inactiveDays must be an integer from 1 to 3650, received: 0 (at clinic/Org/I)'],
    ['Noncompliance 10: a baseline prop, named as such', () => new HipaaBaseline(clinicSite().org, 'Baseline', { inactiveAccounts: { inactiveDays: 1.5 } }), 'HipaaBaseline inactiveAccounts.inactiveDays must be an integer from 1 to 3650, received: 1.5 (at clinic/Org/Baseline/InactiveAccounts)'],
    ['Noncompliance 11: an unknown prop', () => new AdminAccess(clinicSite().org, 'A', { revoke: true } as never), 'AdminAccess revoke is not a known setting, allowed: allowedAdmins, maxFullAdmins, revokeUnexpected (at clinic/Org/A)'],
  ])('fails on %s', (_, create, message) => {
    expect(create).toThrow(message);
  });

  test('fails for a second explicit control of one kind, or one created below a site', () => {
    const { org, site } = clinicSite();
    new PasswordPolicy(org, 'P');
    expect(() => new PasswordPolicy(org, 'Again')).toThrow('PasswordPolicy: org "Riverside Family Clinic" already has one (clinic/Org/P), an org takes at most one PasswordPolicy (at clinic/Org/Again)');
    expect(() => new AdminAccess(site, 'A')).toThrow(/AdminAccess must be created with a WebexOrg \(or its HipaaBaseline\) as its scope, received scope: clinic\/Org\/Site \(MeetingSite\)/);
  });
});
