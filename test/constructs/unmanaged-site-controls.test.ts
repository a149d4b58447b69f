import { buildManifest, EndToEndEncryption, HipaaBaseline, MeetingSite } from '../../constructs';
import { clinicSite } from './fixtures';

describe('HipaaBaseline unmanagedSiteControls', () => {
  test('a listed site gets no entry for the listed controls and keeps the others', () => {
    // GIVEN
    const { stack, org } = clinicSite();
    new MeetingSite(org, 'North', { siteUrl: 'north.webex.com' });
    // WHEN
    new HipaaBaseline(org, 'Baseline', { unmanagedSiteControls: { 'north.webex.com': ['endToEndEncryption', 'hostLobby'] } });
    // THEN
    const sites = buildManifest(stack).orgs[0]!.sites;
    expect(Object.keys(sites.find((s) => s.siteUrl === 'north.webex.com')!.settings).sort()).toEqual(['hostAiAssistant', 'hostRecordingSharing', 'meetingSecurity']);
    expect(Object.keys(sites.find((s) => s.siteUrl === 'riverside-clinic.webex.com')!.settings).sort()).toEqual(['endToEndEncryption', 'hostAiAssistant', 'hostLobby', 'hostRecordingSharing', 'meetingSecurity']);
  });

  test('meeting security can be left unmanaged too', () => {
    const { stack, org } = clinicSite();
    new HipaaBaseline(org, 'Baseline', { unmanagedSiteControls: { 'riverside-clinic.webex.com': ['meetingSecurity'] } });
    expect(buildManifest(stack).orgs[0]!.sites[0]!.settings.meetingSecurity).toBeUndefined();
  });

  test.each<[string, unknown, string]>([
    ['fails for a control that is not a site control', { 'riverside-clinic.webex.com': ['passwordPolicy'] }, 'HipaaBaseline unmanagedSiteControls["riverside-clinic.webex.com"] must be a non-empty list of meetingSecurity, hostLobby, endToEndEncryption, hostAiAssistant, hostRecordingSharing, without repeats, received: ["passwordPolicy"] (at clinic/Org/Baseline)'],
    ['fails for an empty list', { 'riverside-clinic.webex.com': [] }, 'HipaaBaseline unmanagedSiteControls["riverside-clinic.webex.com"] must be a non-empty list of meetingSecurity, hostLobby, endToEndEncryption, hostAiAssistant, hostRecordingSharing, without repeats, received: [] (at clinic/Org/Baseline)'],
    ['fails for a repeated control', { 'riverside-clinic.webex.com': ['hostLobby', 'hostLobby'] }, 'HipaaBaseline unmanagedSiteControls["riverside-clinic.webex.com"] must be a non-empty list of meetingSecurity, hostLobby, endToEndEncryption, hostAiAssistant, hostRecordingSharing, without repeats, received: ["hostLobby","hostLobby"] (at clinic/Org/Baseline)'],
    ['fails for a key that is not a siteUrl', { 'https://riverside-clinic.webex.com': ['hostLobby'] }, 'HipaaBaseline unmanagedSiteControls key must be a siteUrl: a lower-case host name such as example.webex.com, without scheme, port or path, received: "https://riverside-clinic.webex.com" (at clinic/Org/Baseline)'],
  ])('%s', (_name, unmanagedSiteControls, message) => {
    const { org } = clinicSite();
    expect(() => new HipaaBaseline(org, 'Baseline', { unmanagedSiteControls: unmanagedSiteControls as never })).toThrow(message);
  });

  test('fails at synth for a site the org does not declare', () => {
    const { stack, org } = clinicSite();
    new HipaaBaseline(org, 'Baseline', { unmanagedSiteControls: { 'north.webex.com': ['endToEndEncryption'] } });
    expect(() => buildManifest(stack)).toThrow(
      'HipaaBaseline unmanagedSiteControls (endToEndEncryption) names sites that are not in org "Riverside Family Clinic": north.webex.com (sites of the org: riverside-clinic.webex.com) (at clinic/Org/Baseline/EndToEndEncryption)',
    );
  });

  test('fails at synth when the same site also has an override for the control', () => {
    const { stack, org } = clinicSite();
    new HipaaBaseline(org, 'Baseline', {
      unmanagedSiteControls: { 'riverside-clinic.webex.com': ['hostLobby'] },
      hostLobbySiteOverrides: { 'riverside-clinic.webex.com': { autoLockMinutes: 10 } },
    });
    expect(() => buildManifest(stack)).toThrow(
      'HipaaBaseline unmanagedSiteControls["riverside-clinic.webex.com"] leaves hostLobby unmanaged, but hostLobbySiteOverrides["riverside-clinic.webex.com"] declares it: remove one of them (at clinic/Org/Baseline/HostLobby)',
    );
  });

  test('fails at synth when the site declares the control itself', () => {
    const { stack, org, site } = clinicSite();
    new EndToEndEncryption(site, 'E2ee');
    new HipaaBaseline(org, 'Baseline', { unmanagedSiteControls: { 'riverside-clinic.webex.com': ['endToEndEncryption'] } });
    expect(() => buildManifest(stack)).toThrow(/unmanagedSiteControls\["riverside-clinic\.webex\.com"\] has no effect because the site declares its own EndToEndEncryption \(clinic\/Org\/Site\/E2ee\)/);
  });
});
