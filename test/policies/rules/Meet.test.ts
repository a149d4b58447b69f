import { SiteAudioBeforeHostOff } from '../../../policies/rules/meet/SiteAudioBeforeHostOff';
import { SiteFirstAttendeeNotPresenter } from '../../../policies/rules/meet/SiteFirstAttendeeNotPresenter';
import { SiteJoinBeforeHostOff } from '../../../policies/rules/meet/SiteJoinBeforeHostOff';
import { SiteLobbyPolicyAttested } from '../../../policies/rules/meet/SiteLobbyPolicyAttested';
import { SiteMeetingPasswordDenyList } from '../../../policies/rules/meet/SiteMeetingPasswordDenyList';
import { SiteMeetingsUnlisted } from '../../../policies/rules/meet/SiteMeetingsUnlisted';
import { SiteMobileScreenCaptureOff } from '../../../policies/rules/meet/SiteMobileScreenCaptureOff';
import { SiteSignInRequired } from '../../../policies/rules/meet/SiteSignInRequired';
import { SiteStrongMeetingPasswords } from '../../../policies/rules/meet/SiteStrongMeetingPasswords';
import { ANNEX, declared, failures, judge, observed, SITE, TODAY } from '../fixtures';

/** The site-wide meeting security rules: [rule, field, unsafe value, expected message]. */
const SIMPLE = [
  [SiteJoinBeforeHostOff, 'joinBeforeHost', true, 'joinBeforeHost is true, must be false'],
  [SiteAudioBeforeHostOff, 'audioBeforeHost', true, 'audioBeforeHost is true, must be false'],
  [SiteMeetingsUnlisted, 'unlistAllMeetings', false, 'unlistAllMeetings is false, must be true'],
  [SiteSignInRequired, 'requireLoginBeforeAccess', false, 'requireLoginBeforeAccess is false, must be true'],
  [SiteFirstAttendeeNotPresenter, 'firstAttendeeAsPresenter', true, 'firstAttendeeAsPresenter is true, must be false'],
  [SiteMobileScreenCaptureOff, 'allowMobileScreenCapture', true, 'allowMobileScreenCapture is true, must be false'],
] as const;

describe.each(SIMPLE.map(([rule, field, unsafe, message]) => ({ title: `${rule.id} ${rule.title}`, rule, field, unsafe, message })))('Rule: $title', ({ rule, field, unsafe, message }) => {
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
    expect(judge(rule, observed()).status).toBe('pass');
  });

  test('Noncompliance 1: the declaration sets the unsafe value on one site', () => {
    const result = judge(rule, declared((org) => Object.assign(org.sites[1]!.settings.meetingSecurity!, { [field]: unsafe })));
    expect(result.status).toBe('fail');
    expect(failures(result)).toEqual([`${rule.id}[${SITE}]: ${message}`]);
    expect(result.judgements.find((j) => j.status === 'fail')!.path).toBe('clinic/Org/HipaaBaseline/MeetingSecurity');
  });

  test('Noncompliance 2: the declaration leaves the field out, so it is not enforced', () => {
    const result = judge(rule, declared((org) => delete (org.sites[0]!.settings.meetingSecurity as Record<string, unknown>)[field]));
    expect(failures(result)).toEqual([`${rule.id}[${ANNEX}]: ${field} is not declared (must be ${JSON.stringify(!unsafe)})`]);
  });

  test('Noncompliance 3: the live site has the unsafe value', () => {
    const result = judge(rule, observed((live) => Object.assign(live.sites[ANNEX]!.meetingSecurity!, { [field]: unsafe })));
    expect(failures(result)).toEqual([`${rule.id}[${ANNEX}]: ${message}`]);
    expect(result.judgements.find((j) => j.status === 'fail')!.values).toEqual({ [field]: unsafe });
  });

  test('Noncompliance 4: a site declares no meeting security at all', () => {
    const result = judge(rule, declared((org) => delete org.sites[1]!.settings.meetingSecurity));
    expect(failures(result)).toEqual([`${rule.id}[${SITE}]: meetingSecurity is not declared: webex-iac does not enforce this control`]);
    expect(result.judgements.find((j) => j.status === 'fail')!.path).toBe('clinic/Org/MainSite');
  });
});

describe('Rule: Meeting passwords must be strong', () => {
  const rule = SiteStrongMeetingPasswords;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
    expect(judge(rule, observed()).status).toBe('pass');
  });
  test('Noncompliance 1: requireStrongPassword off', () => {
    const result = judge(rule, observed((live) => Object.assign(live.sites[SITE]!.meetingSecurity!, { requireStrongPassword: false })));
    expect(failures(result)).toEqual([`WBX.MEET.5v1[${SITE}]: requireStrongPassword is false, must be true`]);
  });
  test('Noncompliance 2: minLength below 8', () => {
    const result = judge(rule, declared((org) => { org.sites[1]!.settings.meetingSecurity!.passwordCriteria!.minLength = 6; }));
    expect(failures(result)).toEqual([`WBX.MEET.5v1[${SITE}]: passwordCriteria.minLength is 6, must be at least 8`]);
  });
  test('Noncompliance 3: no mixed case', () => {
    const result = judge(rule, observed((live) => Object.assign(live.sites[SITE]!.meetingSecurity!, { 'passwordCriteria.mixedCase': false })));
    expect(failures(result)).toEqual([`WBX.MEET.5v1[${SITE}]: passwordCriteria.mixedCase is false, must be true`]);
  });
  test('Noncompliance 4: no digit required', () => {
    const result = judge(rule, declared((org) => { org.sites[0]!.settings.meetingSecurity!.passwordCriteria!.minNumeric = 0; }));
    expect(failures(result)).toEqual([`WBX.MEET.5v1[${ANNEX}]: passwordCriteria.minNumeric is 0, must be at least 1`]);
  });
  test('Noncompliance 5: several problems are reported together', () => {
    const result = judge(rule, declared((org) => { delete org.sites[0]!.settings.meetingSecurity!.passwordCriteria; }));
    expect(failures(result)).toEqual([
      `WBX.MEET.5v1[${ANNEX}]: passwordCriteria.minLength is not declared (must be at least 8); passwordCriteria.mixedCase is not declared (must be true); passwordCriteria.minNumeric is not declared (must be at least 1)`,
    ]);
  });
});

describe('Rule: Meeting passwords may not be common words', () => {
  const rule = SiteMeetingPasswordDenyList;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
    expect(judge(rule, observed()).status).toBe('pass');
  });
  test('Noncompliance 1: the deny-list is off', () => {
    const result = judge(rule, observed((live) => Object.assign(live.sites[SITE]!.meetingSecurity!, { 'passwordCriteria.disallowList': false })));
    expect(failures(result)).toEqual([`WBX.MEET.6v1[${SITE}]: passwordCriteria.disallowList is false, must be true`]);
  });
  test('Noncompliance 2: dynamic web text is allowed', () => {
    const result = judge(rule, declared((org) => { org.sites[0]!.settings.meetingSecurity!.passwordCriteria!.disallowDynamicWebText = false; }));
    expect(failures(result)).toEqual([`WBX.MEET.6v1[${ANNEX}]: passwordCriteria.disallowDynamicWebText is false, must be true`]);
  });
});

describe('Rule: Unauthenticated users wait in the lobby, as attested', () => {
  const rule = SiteLobbyPolicyAttested;
  test('Compliance', () => {
    const result = judge(rule, declared());
    expect(result.status).toBe('pass');
    expect(result.judgements[0]!.evidence).toBe('attested by Pat Privacy <privacy@clinic.example> on 2026-01-10 (GRC-1234), valid until 2027-01-10');
    expect(judge(rule, observed()).status).toBe('pass');
  });
  test('Noncompliance 1: not attested', () => {
    const result = judge(rule, declared((org) => delete org.settings.attestations!.siteLobbyPolicy));
    expect(failures(result)).toEqual([
      'WBX.MEET.9v1: siteLobbyPolicy is not attested (Site lobby policy for unauthenticated users): declare who attested it, when, the evidence reference and the expiry',
    ]);
  });
  test('Noncompliance 2: the attestation expired', () => {
    const result = judge(rule, observed(() => {}, (org) => { org.settings.attestations!.siteLobbyPolicy!.expires = '2026-06-14'; }));
    expect(failures(result)).toEqual(['WBX.MEET.9v1: siteLobbyPolicy attestation expired on 2026-06-14: renew it']);
  });
  test('Noncompliance 3: attested on a date after today', () => {
    const result = judge(rule, declared((org) => { org.settings.attestations!.siteLobbyPolicy!.attestedOn = '2026-07-01'; }));
    expect(failures(result)).toEqual([`WBX.MEET.9v1: siteLobbyPolicy is attested on 2026-07-01, after today (${TODAY})`]);
  });
  test('Compliance: an attestation that expires today still holds, and says it is expiring', () => {
    const result = judge(rule, declared((org) => { org.settings.attestations!.siteLobbyPolicy!.expires = TODAY; }));
    expect(result.status).toBe('pass');
    expect(result.judgements[0]!.evidence).toMatch(/expires in 0 day\(s\)$/);
  });
});
