import { Testing } from 'cdktf';
import { buildManifest, HipaaBaseline, MeetingSecurity, MeetingSite, WebexOrg, WebexStack } from '../../constructs';
import { Manifest } from '../../manifest';
import { clinicSite, newStack, SAFE_MEETING_SECURITY } from './fixtures';

const BASELINE_PATH = 'clinic/Org/Baseline/MeetingSecurity';

function meetingSecurityOf(manifest: Manifest, siteUrl: string) {
  const site = manifest.orgs.flatMap((o) => o.sites).find((s) => s.siteUrl === siteUrl);
  if (site === undefined) throw new Error(`no site ${siteUrl} in the manifest`);
  return site.settings.meetingSecurity;
}

describe('HipaaBaseline', () => {
  describe('coverage', () => {
    test('Compliance: hardens a site created before the baseline', () => {
      const { stack, org } = clinicSite();
      new HipaaBaseline(org, 'Baseline');
      expect(meetingSecurityOf(buildManifest(stack), 'riverside-clinic.webex.com')).toEqual({ path: BASELINE_PATH, ...SAFE_MEETING_SECURITY });
    });

    test('Compliance: hardens a site created after the baseline', () => {
      const stack = newStack();
      const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
      new HipaaBaseline(org, 'Baseline');
      new MeetingSite(org, 'Site', { siteUrl: 'riverside-clinic.webex.com' });
      expect(meetingSecurityOf(buildManifest(stack), 'riverside-clinic.webex.com')).toEqual({ path: BASELINE_PATH, ...SAFE_MEETING_SECURITY });
    });

    test('covers every site of its org and no site of another org', () => {
      const stack = newStack();
      const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
      new MeetingSite(org, 'A', { siteUrl: 'a.webex.com' });
      new HipaaBaseline(org, 'Baseline');
      new MeetingSite(org, 'B', { siteUrl: 'b.webex.com' });
      const other = new WebexOrg(stack, 'Other', { name: 'Other Org' });
      new MeetingSite(other, 'C', { siteUrl: 'c.webex.com' });

      const manifest = buildManifest(stack);
      expect(meetingSecurityOf(manifest, 'a.webex.com')?.path).toBe(BASELINE_PATH);
      expect(meetingSecurityOf(manifest, 'b.webex.com')?.path).toBe(BASELINE_PATH);
      expect(meetingSecurityOf(manifest, 'c.webex.com')).toBeUndefined();
    });

    test('a site without baseline or MeetingSecurity declares no settings', () => {
      const { stack } = clinicSite();
      expect(buildManifest(stack).orgs[0]!.sites[0]!.settings).toEqual({});
    });
  });

  describe('explicit wins', () => {
    test.each(['before', 'after'])('a site with its own MeetingSecurity created %s the baseline keeps it', (order) => {
      const { stack, org, site } = clinicSite();
      if (order === 'after') new HipaaBaseline(org, 'Baseline', { meetingSecurity: { unlistAllMeetings: false } });
      new MeetingSecurity(site, 'Security', { joinBeforeHost: true });
      if (order === 'before') new HipaaBaseline(org, 'Baseline', { meetingSecurity: { unlistAllMeetings: false } });

      expect(meetingSecurityOf(buildManifest(stack), 'riverside-clinic.webex.com')).toEqual({
        ...SAFE_MEETING_SECURITY,
        path: 'clinic/Org/Site/Security',
        joinBeforeHost: true,
      });
    });
  });

  describe('overrides', () => {
    test('meetingSecurity changes the defaults for every site', () => {
      const stack = newStack();
      const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
      new MeetingSite(org, 'A', { siteUrl: 'a.webex.com' });
      new MeetingSite(org, 'B', { siteUrl: 'b.webex.com' });
      new HipaaBaseline(org, 'Baseline', { meetingSecurity: { firstAttendeeAsPresenter: true, passwordCriteria: { minLength: 10 } } });

      const manifest = buildManifest(stack);
      for (const siteUrl of ['a.webex.com', 'b.webex.com']) {
        expect(meetingSecurityOf(manifest, siteUrl)).toEqual({
          ...SAFE_MEETING_SECURITY,
          path: BASELINE_PATH,
          firstAttendeeAsPresenter: true,
          passwordCriteria: { ...SAFE_MEETING_SECURITY.passwordCriteria, minLength: 10 },
        });
      }
    });

    test('siteOverrides applies over meetingSecurity for that site only', () => {
      const stack = newStack();
      const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
      new MeetingSite(org, 'A', { siteUrl: 'a.webex.com' });
      new MeetingSite(org, 'B', { siteUrl: 'b.webex.com' });
      new HipaaBaseline(org, 'Baseline', {
        meetingSecurity: { joinBeforeHost: true, passwordCriteria: { minLength: 10 } },
        siteOverrides: { 'b.webex.com': { audioBeforeHost: true, passwordCriteria: { minSpecial: 2 } } },
      });

      const manifest = buildManifest(stack);
      expect(meetingSecurityOf(manifest, 'a.webex.com')).toEqual({
        ...SAFE_MEETING_SECURITY,
        path: BASELINE_PATH,
        joinBeforeHost: true,
        passwordCriteria: { ...SAFE_MEETING_SECURITY.passwordCriteria, minLength: 10 },
      });
      expect(meetingSecurityOf(manifest, 'b.webex.com')).toEqual({
        ...SAFE_MEETING_SECURITY,
        path: BASELINE_PATH,
        joinBeforeHost: true,
        audioBeforeHost: true,
        passwordCriteria: { ...SAFE_MEETING_SECURITY.passwordCriteria, minLength: 10, minSpecial: 2 },
      });
    });

    test('an override turning joinBeforeHost off turns the org-wide audioBeforeHost off too', () => {
      const { stack, org } = clinicSite();
      new HipaaBaseline(org, 'Baseline', {
        meetingSecurity: { joinBeforeHost: true, audioBeforeHost: true },
        siteOverrides: { 'riverside-clinic.webex.com': { joinBeforeHost: false } },
      });
      expect(meetingSecurityOf(buildManifest(stack), 'riverside-clinic.webex.com')).toMatchObject({ joinBeforeHost: false, audioBeforeHost: false });
    });

    test('an override turning requireStrongPassword off drops the org-wide passwordCriteria', () => {
      const { stack, org } = clinicSite();
      new HipaaBaseline(org, 'Baseline', {
        meetingSecurity: { passwordCriteria: { minLength: 10 } },
        siteOverrides: { 'riverside-clinic.webex.com': { requireStrongPassword: false } },
      });
      const entry = meetingSecurityOf(buildManifest(stack), 'riverside-clinic.webex.com');
      expect(entry?.requireStrongPassword).toBe(false);
      expect(entry).not.toHaveProperty('passwordCriteria');
    });

    test('an override turning requireStrongPassword back on restores the criteria', () => {
      const { stack, org } = clinicSite();
      new HipaaBaseline(org, 'Baseline', {
        meetingSecurity: { requireStrongPassword: false },
        siteOverrides: { 'riverside-clinic.webex.com': { requireStrongPassword: true } },
      });
      expect(meetingSecurityOf(buildManifest(stack), 'riverside-clinic.webex.com')?.passwordCriteria).toEqual(SAFE_MEETING_SECURITY.passwordCriteria);
    });
  });

  describe('validation', () => {
    test('fails eagerly on an invalid meetingSecurity', () => {
      const { org } = clinicSite();
      expect(() => new HipaaBaseline(org, 'Baseline', { meetingSecurity: { passwordCriteria: { minLength: 20 } } })).toThrow(
        'HipaaBaseline meetingSecurity.passwordCriteria.minLength must be an integer from 0 to 12, received: 20 (at clinic/Org/Baseline/MeetingSecurity)',
      );
    });

    test('fails eagerly on an invalid override, even for a site not yet created', () => {
      const stack = newStack();
      const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
      expect(() => new HipaaBaseline(org, 'Baseline', { siteOverrides: { 'later.webex.com': { passwordCriteria: { disallowValues: ['a', 'a'] } } } })).toThrow(
        'HipaaBaseline siteOverrides["later.webex.com"].passwordCriteria.disallowValues must not repeat items, received: ["a","a"] (repeated: "a") (at clinic/Org/Baseline/MeetingSecurity)',
      );
    });

    test('fails when an override sets audioBeforeHost while joinBeforeHost stays at its default', () => {
      const { org } = clinicSite();
      expect(() => new HipaaBaseline(org, 'Baseline', { siteOverrides: { 'riverside-clinic.webex.com': { audioBeforeHost: true } } })).toThrow(
        'HipaaBaseline siteOverrides["riverside-clinic.webex.com"].audioBeforeHost can be true only when joinBeforeHost is true (Webex rejects it otherwise), ' +
          'received: audioBeforeHost true, joinBeforeHost false (joinBeforeHost defaults to false) (at clinic/Org/Baseline/MeetingSecurity)',
      );
    });

    test('fails when an override sets passwordCriteria while meetingSecurity turns strong passwords off', () => {
      const { org } = clinicSite();
      expect(
        () =>
          new HipaaBaseline(org, 'Baseline', {
            meetingSecurity: { requireStrongPassword: false },
            siteOverrides: { 'riverside-clinic.webex.com': { passwordCriteria: { minLength: 8 } } },
          }),
      ).toThrow(
        'HipaaBaseline siteOverrides["riverside-clinic.webex.com"].passwordCriteria can be set only when requireStrongPassword is true (Webex rejects it otherwise), ' +
          'received: requireStrongPassword false (set by HipaaBaseline meetingSecurity.requireStrongPassword) (at clinic/Org/Baseline/MeetingSecurity)',
      );
    });

    test('fails on an override key that is not a siteUrl', () => {
      const { org } = clinicSite();
      expect(() => new HipaaBaseline(org, 'Baseline', { siteOverrides: { 'https://riverside-clinic.webex.com': {} } })).toThrow(
        'HipaaBaseline siteOverrides key must be a siteUrl: a lower-case host name such as example.webex.com, without scheme, port or path, received: "https://riverside-clinic.webex.com" (at clinic/Org/Baseline/MeetingSecurity)',
      );
    });

    test('fails at synth when an override names a site that is not in the org', () => {
      const { stack, org } = clinicSite();
      new HipaaBaseline(org, 'Baseline', { siteOverrides: { 'riverside.webex.com': { unlistAllMeetings: false } } });
      expect(() => buildManifest(stack)).toThrow(
        'HipaaBaseline siteOverrides names sites that are not in org "Riverside Family Clinic": riverside.webex.com (sites of the org: riverside-clinic.webex.com) (at clinic/Org/Baseline/MeetingSecurity)',
      );
    });

    test('the unknown override site also fails cdktf validation and the Terraform synth', () => {
      const { stack, org } = clinicSite();
      new HipaaBaseline(org, 'Baseline', { siteOverrides: { 'riverside.webex.com': {} } });
      expect(() => Testing.synth(stack, true)).toThrow(
        /\[clinic\/Org\/Baseline\/MeetingSecurity\] HipaaBaseline siteOverrides names sites that are not in org "Riverside Family Clinic": riverside\.webex\.com/,
      );
      expect(() => Testing.synth(stack)).toThrow(/HipaaBaseline siteOverrides names sites that are not in org/);
    });

    test('fails at synth when an override targets a site with its own MeetingSecurity', () => {
      const { stack, org, site } = clinicSite();
      new MeetingSecurity(site, 'Security');
      new HipaaBaseline(org, 'Baseline', { siteOverrides: { 'riverside-clinic.webex.com': { unlistAllMeetings: false } } });
      expect(() => buildManifest(stack)).toThrow(
        'HipaaBaseline siteOverrides["riverside-clinic.webex.com"] has no effect because the site declares its own MeetingSecurity (clinic/Org/Site/Security): ' +
          'move the settings there or remove the override (at clinic/Org/Baseline/MeetingSecurity)',
      );
    });

    test('fails on a second baseline in the same org', () => {
      const { org } = clinicSite();
      new HipaaBaseline(org, 'Baseline');
      expect(() => new HipaaBaseline(org, 'Again')).toThrow(
        'HipaaBaseline: this org already has one (clinic/Org/Baseline), an org takes at most one HipaaBaseline (at clinic/Org/Again)',
      );
    });

    test('fails outside a WebexOrg', () => {
      const stack: WebexStack = newStack();
      expect(() => new HipaaBaseline(stack, 'Baseline')).toThrow(
        'HipaaBaseline must be created inside a WebexOrg: pass the org (or a construct inside it) as scope, received scope: clinic (WebexStack) (at clinic/Baseline)',
      );
    });
  });

  test('lists its controls', () => {
    const { org } = clinicSite();
    const baseline = new HipaaBaseline(org, 'Baseline');
    expect(baseline.controls.map((c) => c.node.id)).toEqual(['MeetingSecurity', 'HostLobby', 'EndToEndEncryption', 'HostAiAssistant', 'HostRecordingSharing', 'PasswordPolicy', 'Mfa', 'AdminAccess', 'InactiveAccounts', 'Attestations']);
    expect(baseline.controls[0]).toBe(baseline.meetingSecurity);
    expect(baseline.controls.slice(1)).toEqual([baseline.hostLobby, baseline.endToEndEncryption, baseline.hostPreferences.hostAiAssistant, baseline.hostPreferences.hostRecordingSharing, baseline.passwordPolicy, baseline.mfa, baseline.adminAccess, baseline.inactiveAccounts, baseline.attestations]);
    expect(HipaaBaseline.of(org)).toBe(baseline);
  });
});
