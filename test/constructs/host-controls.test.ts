import { buildManifest, EndToEndEncryption, HipaaBaseline, HostLobby, MeetingSite, WebexOrg } from '../../constructs';
import { Manifest, SiteSettings } from '../../manifest';
import { clinicSite, newStack } from './fixtures';

const SAFE_LOBBY = { personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5, enabledNotifyHost: true }, schedulingOptions: { enabledJoinBeforeHost: false } };
const DEFAULT_E2EE = { sessionType: { nameContains: 'End to End Encryption' } };

function siteSettings(manifest: Manifest, siteUrl = 'riverside-clinic.webex.com'): SiteSettings {
  const site = manifest.orgs.flatMap((o) => o.sites).find((s) => s.siteUrl === siteUrl);
  if (site === undefined) throw new Error(`no site ${siteUrl}`);
  return site.settings;
}

describe('HostLobby', () => {
  test('Compliance: the defaults lock every host\'s personal room after 5 minutes, notify the host, and turn join-before-host off', () => {
    const { stack, site } = clinicSite();
    new HostLobby(site, 'Lobby');
    expect(siteSettings(buildManifest(stack)).hostLobby).toEqual({ path: 'clinic/Org/Site/Lobby', ...SAFE_LOBBY });
  });

  test('selects hosts by email with exemptions', () => {
    const { stack, site } = clinicSite();
    new HostLobby(site, 'Lobby', { hosts: { emails: ['dr.lee@clinic.example'], exemptEmails: ['dr.kim@clinic.example'] } });
    expect(siteSettings(buildManifest(stack)).hostLobby?.hosts).toEqual({ emails: ['dr.lee@clinic.example'], exemptEmails: ['dr.kim@clinic.example'] });
  });

  test('auto-lock off and no lock delay set: the delay is not declared', () => {
    const { stack, site } = clinicSite();
    new HostLobby(site, 'Lobby', { enabledAutoLock: false });
    expect(siteSettings(buildManifest(stack)).hostLobby?.personalMeetingRoom).toEqual({ enabledAutoLock: false, enabledNotifyHost: true });
  });

  test.each<[string, object, string]>([
    ['Noncompliance 1: a lock delay Cisco does not offer', { autoLockMinutes: 7 }, 'HostLobby autoLockMinutes must be one of 0, 5, 10, 15, 20 (Cisco\'s options), received: 7 (at clinic/Org/Site/Lobby)'],
    ['Noncompliance 2: a lock delay while auto-lock is off', { enabledAutoLock: false, autoLockMinutes: 10 }, 'HostLobby autoLockMinutes has effect only while enabledAutoLock is true, received: autoLockMinutes 10, enabledAutoLock false: remove autoLockMinutes or turn enabledAutoLock on (at clinic/Org/Site/Lobby)'],
    ['Noncompliance 3: hosts by emails and by domains', { hosts: { emails: ['a@b.example'], emailDomains: ['b.example'] } }, 'HostLobby hosts must be a selection by emails or by emailDomains, not both, received: {"emails":["a@b.example"],"emailDomains":["b.example"]} (at clinic/Org/Site/Lobby)'],
    ['Noncompliance 4: an email in upper case', { hosts: { emails: ['Dr.Lee@clinic.example'] } }, 'HostLobby hosts.emails must be a list of lower-case email addresses, without repeats, with at least one item, received: ["Dr.Lee@clinic.example"] (at clinic/Org/Site/Lobby)'],
    ['Noncompliance 5: a repeated exemption', { hosts: { exemptEmails: ['a@b.example', 'a@b.example'] } }, 'HostLobby hosts.exemptEmails must be a list of lower-case email addresses, without repeats, received: ["a@b.example","a@b.example"] (at clinic/Org/Site/Lobby)'],
    ['Noncompliance 6: an unknown prop', { waitingRoom: true }, 'HostLobby waitingRoom is not a known setting, allowed: autoLockMinutes, enabledAutoLock, enabledJoinBeforeHost, enabledNotifyHost, exactFields, hosts (at clinic/Org/Site/Lobby)'],
    ['Noncompliance 7: a flag that is not a boolean', { enabledJoinBeforeHost: 'no' }, 'HostLobby enabledJoinBeforeHost must be true or false, received: "no" (at clinic/Org/Site/Lobby)'],
  ])('fails on %s', (_, props, message) => {
    const { site } = clinicSite();
    expect(() => new HostLobby(site, 'Lobby', props as never)).toThrow(message);
  });

  test('fails for a second HostLobby in one site, or outside a site', () => {
    const { org, site } = clinicSite();
    new HostLobby(site, 'Lobby');
    expect(() => new HostLobby(site, 'Again')).toThrow('HostLobby: site riverside-clinic.webex.com already has one (clinic/Org/Site/Lobby), a site takes at most one HostLobby (at clinic/Org/Site/Again)');
    expect(() => new HostLobby(org as never, 'Lobby')).toThrow(/HostLobby must be created with a MeetingSite as its scope/);
  });
});

describe('EndToEndEncryption', () => {
  test('Compliance: by default finds the session type whose name contains "End to End Encryption", for every host', () => {
    const { stack, site } = clinicSite();
    new EndToEndEncryption(site, 'E2ee');
    expect(siteSettings(buildManifest(stack)).endToEndEncryption).toEqual({ path: 'clinic/Org/Site/E2ee', ...DEFAULT_E2EE });
  });

  test('names the type by short name, hosts by domain', () => {
    const { stack, site } = clinicSite();
    new EndToEndEncryption(site, 'E2ee', { sessionTypeShortName: 'PRO3E2E', hosts: { emailDomains: ['riverside-clinic.example'] } });
    expect(siteSettings(buildManifest(stack)).endToEndEncryption).toEqual({ path: 'clinic/Org/Site/E2ee', sessionType: { shortName: 'PRO3E2E' }, hosts: { emailDomains: ['riverside-clinic.example'] } });
  });

  test('fails when both a name and a short name are given', () => {
    const { site } = clinicSite();
    expect(() => new EndToEndEncryption(site, 'E2ee', { sessionTypeName: 'Pro E2E', sessionTypeShortName: 'PRO3E2E' })).toThrow(
      'EndToEndEncryption sessionTypeShortName and sessionTypeName cannot both be set, received: "PRO3E2E" and "Pro E2E": name the session type one way (at clinic/Org/Site/E2ee)',
    );
  });

  test('fails on an empty name', () => {
    const { site } = clinicSite();
    expect(() => new EndToEndEncryption(site, 'E2ee', { sessionTypeName: ' ' })).toThrow('EndToEndEncryption sessionTypeName must be a non-empty string, received: " " (at clinic/Org/Site/E2ee)');
  });
});

describe('HipaaBaseline per-host controls', () => {
  test('Compliance: every site of the org gets the host lobby and E2EE controls, with the baseline\'s paths', () => {
    const stack = newStack();
    const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
    new MeetingSite(org, 'A', { siteUrl: 'a.webex.com' });
    new HipaaBaseline(org, 'Baseline');
    new MeetingSite(org, 'B', { siteUrl: 'b.webex.com' });
    const manifest = buildManifest(stack);
    for (const siteUrl of ['a.webex.com', 'b.webex.com']) {
      expect(siteSettings(manifest, siteUrl).hostLobby).toEqual({ path: 'clinic/Org/Baseline/HostLobby', ...SAFE_LOBBY });
      expect(siteSettings(manifest, siteUrl).endToEndEncryption).toEqual({ path: 'clinic/Org/Baseline/EndToEndEncryption', ...DEFAULT_E2EE });
    }
  });

  test('org-wide props and per-site overrides layer over the defaults; an override\'s hosts replace the org-wide ones', () => {
    const stack = newStack();
    const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
    new MeetingSite(org, 'A', { siteUrl: 'a.webex.com' });
    new MeetingSite(org, 'B', { siteUrl: 'b.webex.com' });
    new HipaaBaseline(org, 'Baseline', {
      hostLobby: { autoLockMinutes: 10, hosts: { exemptEmails: ['room@clinic.example'] } },
      hostLobbySiteOverrides: { 'b.webex.com': { autoLockMinutes: 0, hosts: { emailDomains: ['clinic.example'] } } },
      endToEndEncryptionSiteOverrides: { 'b.webex.com': { sessionTypeShortName: 'E2E' } },
    });
    const manifest = buildManifest(stack);
    expect(siteSettings(manifest, 'a.webex.com').hostLobby).toMatchObject({ personalMeetingRoom: { autoLockMinutes: 10 }, hosts: { exemptEmails: ['room@clinic.example'] } });
    expect(siteSettings(manifest, 'b.webex.com').hostLobby).toMatchObject({ personalMeetingRoom: { autoLockMinutes: 0 }, hosts: { emailDomains: ['clinic.example'] } });
    expect(siteSettings(manifest, 'b.webex.com').endToEndEncryption?.sessionType).toEqual({ shortName: 'E2E' });
    expect(siteSettings(manifest, 'a.webex.com').endToEndEncryption?.sessionType).toEqual({ nameContains: 'End to End Encryption' });
  });

  test('explicit wins: a site with its own HostLobby keeps it, whichever was created first', () => {
    const { stack, org, site } = clinicSite();
    new HipaaBaseline(org, 'Baseline', { hostLobby: { enabledNotifyHost: false } });
    new HostLobby(site, 'Lobby', { autoLockMinutes: 15 });
    expect(siteSettings(buildManifest(stack)).hostLobby).toEqual({ path: 'clinic/Org/Site/Lobby', ...SAFE_LOBBY, personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 15, enabledNotifyHost: true } });
  });

  test('fails eagerly on a bad org-wide prop, naming the baseline prop', () => {
    expect(() => new HipaaBaseline(clinicSite().org, 'Baseline', { hostLobby: { autoLockMinutes: 3 } })).toThrow(/^HipaaBaseline hostLobby.autoLockMinutes must be one of 0, 5, 10, 15, 20/);
    expect(() => new HipaaBaseline(clinicSite().org, 'Baseline', { endToEndEncryptionSiteOverrides: { 'riverside-clinic.webex.com': { sessionTypeName: '' } } })).toThrow(/^HipaaBaseline endToEndEncryptionSiteOverrides\["riverside-clinic.webex.com"\].sessionTypeName must be a non-empty string/);
  });

  test('fails at synth on an override for a site the org does not have, or one with its own construct', () => {
    const { stack, org, site } = clinicSite();
    new HipaaBaseline(org, 'Baseline', { hostLobbySiteOverrides: { 'other.webex.com': {} } });
    expect(() => buildManifest(stack)).toThrow('HipaaBaseline hostLobbySiteOverrides names sites that are not in org "Riverside Family Clinic": other.webex.com (sites of the org: riverside-clinic.webex.com) (at clinic/Org/Baseline/HostLobby)');

    const second = clinicSite();
    new HipaaBaseline(second.org, 'Baseline', { endToEndEncryptionSiteOverrides: { 'riverside-clinic.webex.com': {} } });
    new EndToEndEncryption(second.site, 'E2ee');
    expect(() => buildManifest(second.stack)).toThrow(/endToEndEncryptionSiteOverrides\["riverside-clinic.webex.com"\] has no effect because the site declares its own EndToEndEncryption \(clinic\/Org\/Site\/E2ee\)/);
    void site;
  });
});
