import { buildManifest, HipaaBaseline, MeetingSecurity, MeetingSite, WebexOrg } from '../../constructs';
import { canonicalJson, parseManifest } from '../../manifest';
import { newStack } from '../constructs/fixtures';

function healthSystem() {
  const stack = newStack({}, 'health-system');
  const north = new WebexOrg(stack, 'North', { name: 'North Hospital', orgId: 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9ub3J0aA' });
  new MeetingSite(north, 'Main', { siteUrl: 'north.webex.com' });
  const research = new MeetingSite(north, 'Research', { siteUrl: 'north-research.webex.com' });
  new MeetingSecurity(research, 'Security', { joinBeforeHost: true, audioBeforeHost: true, passwordCriteria: { disallowValues: ['north'] } });
  new HipaaBaseline(north, 'HipaaBaseline', {
    meetingSecurity: { passwordCriteria: { minLength: 10 } },
    siteOverrides: { 'north.webex.com': { requireStrongPassword: false } },
  });
  const clinic = new WebexOrg(stack, 'Clinic', { name: 'Clinic Partners' });
  new MeetingSite(clinic, 'Site', { siteUrl: 'clinic-partners.webex.com' });
  return stack;
}

describe('manifest round trip', () => {
  test('build → canonicalJson → parse gives the same manifest', () => {
    const manifest = buildManifest(healthSystem());
    expect(parseManifest(JSON.parse(canonicalJson(manifest)))).toEqual(manifest);
  });

  test('building twice gives byte-identical canonical JSON', () => {
    expect(canonicalJson(buildManifest(healthSystem()))).toBe(canonicalJson(buildManifest(healthSystem())));
  });

  test('the manifest holds exactly what was declared or defaulted', () => {
    const manifest = buildManifest(healthSystem());
    expect(manifest.formatVersion).toBe(1);
    expect(manifest.stack).toBe('health-system');
    expect(manifest.orgs.map((o) => o.name)).toEqual(['Clinic Partners', 'North Hospital']);
    const [clinic, north] = manifest.orgs;
    expect(clinic).toEqual({
      path: 'health-system/Clinic',
      name: 'Clinic Partners',
      settings: {},
      sites: [{ path: 'health-system/Clinic/Site', siteUrl: 'clinic-partners.webex.com', settings: {} }],
    });
    expect(north!.orgId).toBe('Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9ub3J0aA');
    expect(north!.sites.map((s) => s.siteUrl)).toEqual(['north-research.webex.com', 'north.webex.com']);
    expect(north!.sites[0]!.settings.meetingSecurity).toMatchObject({
      path: 'health-system/North/Research/Security',
      joinBeforeHost: true,
      audioBeforeHost: true,
      passwordCriteria: { minLength: 12, disallowValues: ['north'] },
    });
    expect(north!.sites[1]!.settings.meetingSecurity).toEqual({
      path: 'health-system/North/HipaaBaseline/MeetingSecurity',
      joinBeforeHost: false,
      audioBeforeHost: false,
      firstAttendeeAsPresenter: false,
      unlistAllMeetings: true,
      requireLoginBeforeAccess: true,
      allowMobileScreenCapture: false,
      requireStrongPassword: false,
    });
  });
});
