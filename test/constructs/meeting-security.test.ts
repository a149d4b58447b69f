import { buildManifest, MeetingSecurity, MeetingSecurityProps, MeetingSite, ValidationError, WebexOrg } from '../../constructs';
import { clinicSite, newStack, SAFE_MEETING_SECURITY } from './fixtures';

/** Creates clinic/Org/Site/Security with `props` and returns the thrown error message, if any. */
function securityError(props: MeetingSecurityProps): string {
  const { site } = clinicSite();
  try {
    new MeetingSecurity(site, 'Security', props);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as Error).message;
  }
  throw new Error('expected MeetingSecurity to fail');
}

describe('MeetingSecurity', () => {
  describe('defaults', () => {
    test('Compliance: no props gives every HIPAA-safe default', () => {
      // GIVEN
      const { stack, site } = clinicSite();
      // WHEN
      new MeetingSecurity(site, 'Security');
      // THEN
      const entry = buildManifest(stack).orgs[0]!.sites[0]!.settings.meetingSecurity;
      expect(entry).toEqual({ path: 'clinic/Org/Site/Security', ...SAFE_MEETING_SECURITY });
    });

    test('an empty object gives the same settings as no props', () => {
      const { site } = clinicSite();
      const security = new MeetingSecurity(site, 'Security', {});
      expect(security.settings).toEqual(SAFE_MEETING_SECURITY);
    });

    test('partial passwordCriteria keeps the defaults of the other criteria', () => {
      const { site } = clinicSite();
      const security = new MeetingSecurity(site, 'Security', { passwordCriteria: { minLength: 10, mixedCase: false } });
      expect(security.settings.passwordCriteria).toEqual({ ...SAFE_MEETING_SECURITY.passwordCriteria, minLength: 10, mixedCase: false });
    });

    test('disallowValues replaces the default list', () => {
      const { site } = clinicSite();
      const security = new MeetingSecurity(site, 'Security', { passwordCriteria: { disallowValues: ['riverside'] } });
      expect(security.settings.passwordCriteria?.disallowValues).toEqual(['riverside']);
    });

    test('requireStrongPassword false declares no passwordCriteria', () => {
      const { site } = clinicSite();
      const security = new MeetingSecurity(site, 'Security', { requireStrongPassword: false });
      expect(security.settings.requireStrongPassword).toBe(false);
      expect(security.settings).not.toHaveProperty('passwordCriteria');
    });

    test('audioBeforeHost may be on together with joinBeforeHost', () => {
      const { site } = clinicSite();
      const security = new MeetingSecurity(site, 'Security', { joinBeforeHost: true, audioBeforeHost: true });
      expect(security.settings).toMatchObject({ joinBeforeHost: true, audioBeforeHost: true });
    });

    test('minimums accept the bounds 0 and 12', () => {
      const { site } = clinicSite();
      const security = new MeetingSecurity(site, 'Security', { passwordCriteria: { minLength: 12, minNumeric: 0, minAlpha: 0, minSpecial: 12 } });
      expect(security.settings.passwordCriteria).toMatchObject({ minLength: 12, minNumeric: 0, minAlpha: 0, minSpecial: 12 });
    });

    test('minLength below the sum of the other minimums is accepted (not a Webex rule)', () => {
      const { site } = clinicSite();
      expect(() => new MeetingSecurity(site, 'Security', { passwordCriteria: { minLength: 2, minNumeric: 3, minAlpha: 3, minSpecial: 3 } })).not.toThrow();
    });
  });

  describe('validation', () => {
    test('fails when a minimum is above 12', () => {
      expect(securityError({ passwordCriteria: { minLength: 20 } })).toBe(
        'MeetingSecurity passwordCriteria.minLength must be an integer from 0 to 12, received: 20 (at clinic/Org/Site/Security)',
      );
    });

    test.each([
      ['minNumeric', -1],
      ['minAlpha', 13],
      ['minSpecial', 1.5],
      ['minLength', Number.NaN],
    ] as const)('fails when %s is %p', (minimum, value) => {
      expect(securityError({ passwordCriteria: { [minimum]: value } })).toBe(
        `MeetingSecurity passwordCriteria.${minimum} must be an integer from 0 to 12, received: ${value} (at clinic/Org/Site/Security)`,
      );
    });

    test('fails when audioBeforeHost is on and joinBeforeHost is left at its default', () => {
      expect(securityError({ audioBeforeHost: true })).toBe(
        'MeetingSecurity audioBeforeHost can be true only when joinBeforeHost is true (Webex rejects it otherwise), ' +
          'received: audioBeforeHost true, joinBeforeHost false (joinBeforeHost defaults to false) (at clinic/Org/Site/Security)',
      );
    });

    test('fails when audioBeforeHost is on and joinBeforeHost is off', () => {
      expect(securityError({ joinBeforeHost: false, audioBeforeHost: true })).toBe(
        'MeetingSecurity audioBeforeHost can be true only when joinBeforeHost is true (Webex rejects it otherwise), ' +
          'received: audioBeforeHost true, joinBeforeHost false (at clinic/Org/Site/Security)',
      );
    });

    test('fails when passwordCriteria is set while requireStrongPassword is false', () => {
      expect(securityError({ requireStrongPassword: false, passwordCriteria: { minLength: 8 } })).toBe(
        'MeetingSecurity passwordCriteria can be set only when requireStrongPassword is true (Webex rejects it otherwise), ' +
          'received: requireStrongPassword false (at clinic/Org/Site/Security)',
      );
    });

    test('fails when disallowValues repeats an item', () => {
      expect(securityError({ passwordCriteria: { disallowValues: ['webex', 'clinic', 'webex'] } })).toBe(
        'MeetingSecurity passwordCriteria.disallowValues must not repeat items, received: ["webex","clinic","webex"] (repeated: "webex") (at clinic/Org/Site/Security)',
      );
    });

    test('fails when disallowValues holds an empty string', () => {
      expect(securityError({ passwordCriteria: { disallowValues: ['webex', ''] } })).toBe(
        'MeetingSecurity passwordCriteria.disallowValues must be a list of non-empty strings, received: ["webex",""] (at clinic/Org/Site/Security)',
      );
    });

    test('fails on an unknown prop, so that a typo never leaves a setting unmanaged', () => {
      const props = { joinBeforeHosts: true } as MeetingSecurityProps;
      expect(securityError(props)).toBe(
        'MeetingSecurity joinBeforeHosts is not a known setting, allowed: allowMobileScreenCapture, audioBeforeHost, exactFields, firstAttendeeAsPresenter, joinBeforeHost, ' +
          'passwordCriteria, requireLoginBeforeAccess, requireStrongPassword, unlistAllMeetings (at clinic/Org/Site/Security)',
      );
    });

    test('fails on an unknown passwordCriteria key', () => {
      const props = { passwordCriteria: { minLenght: 12 } } as MeetingSecurityProps;
      expect(securityError(props)).toMatch(/^MeetingSecurity passwordCriteria\.minLenght is not a known setting, allowed: disallowDynamicWebText, .*minLength.* \(at clinic\/Org\/Site\/Security\)$/);
    });

    test('fails when a flag is not a boolean', () => {
      const props = { unlistAllMeetings: 'yes' } as unknown as MeetingSecurityProps;
      expect(securityError(props)).toBe('MeetingSecurity unlistAllMeetings must be true or false, received: "yes" (at clinic/Org/Site/Security)');
    });

    test('the error carries the construct path', () => {
      const { site } = clinicSite();
      let thrown: unknown;
      try {
        new MeetingSecurity(site, 'Security', { passwordCriteria: { minSpecial: 99 } });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationError);
      expect((thrown as ValidationError).constructPath).toBe('clinic/Org/Site/Security');
      expect((thrown as ValidationError).reason).toBe('MeetingSecurity passwordCriteria.minSpecial must be an integer from 0 to 12, received: 99');
    });
  });

  describe('placement', () => {
    test('fails when a site already has a MeetingSecurity', () => {
      const { site } = clinicSite();
      new MeetingSecurity(site, 'Security');
      expect(() => new MeetingSecurity(site, 'MoreSecurity')).toThrow(
        'MeetingSecurity: site riverside-clinic.webex.com already has one (clinic/Org/Site/Security), a site takes at most one MeetingSecurity (at clinic/Org/Site/MoreSecurity)',
      );
    });

    test('fails when the scope is not a MeetingSite', () => {
      const stack = newStack();
      const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
      expect(() => new MeetingSecurity(org as unknown as MeetingSite, 'Security')).toThrow(
        'MeetingSecurity must be created with a MeetingSite as its scope, received scope: clinic/Org (WebexOrg) (at clinic/Org/Security)',
      );
    });
  });
});
