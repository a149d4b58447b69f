import { HostAiAssistantOffByDefault } from '../../../policies/rules/host/HostAiAssistantOffByDefault';
import { HostJoinBeforeHostOff } from '../../../policies/rules/host/HostJoinBeforeHostOff';
import { HostRecordingsNotAutoShared } from '../../../policies/rules/host/HostRecordingsNotAutoShared';
import { PersonalRoomAutoLock } from '../../../policies/rules/host/PersonalRoomAutoLock';
import { PersonalRoomLobbyNotify } from '../../../policies/rules/host/PersonalRoomLobbyNotify';
import { ANNEX, declared, failures, judge, LiveOrg, observed, SITE } from '../fixtures';

const host = (live: LiveOrg, siteUrl: string, email: string) => live.hosts![siteUrl]!.hostLobby!.hosts.find((h) => h.email === email)!;

describe('Rule: Every host\'s personal room locks automatically', () => {
  const rule = PersonalRoomAutoLock;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
    const result = judge(rule, observed());
    expect(result.status).toBe('pass');
    expect(result.judgements.map((j) => j.finding)).toEqual([
      `WBX.HOST.1v1[${ANNEX}/dr.lee@clinic.example]`,
      `WBX.HOST.1v1[${ANNEX}/dr.kim@clinic.example]`,
      `WBX.HOST.1v1[${SITE}/dr.lee@clinic.example]`,
      `WBX.HOST.1v1[${SITE}/dr.kim@clinic.example]`,
    ]);
  });
  test('Noncompliance 1: one host\'s personal room never locks', () => {
    const result = judge(rule, observed((live) => Object.assign(host(live, SITE, 'dr.kim@clinic.example').values, { 'personalMeetingRoom.enabledAutoLock': false })));
    expect(failures(result)).toEqual([`WBX.HOST.1v1[${SITE}/dr.kim@clinic.example]: personalMeetingRoom.enabledAutoLock is false, must be true`]);
  });
  test('Noncompliance 2: a host\'s room locks only after 20 minutes', () => {
    const result = judge(rule, observed((live) => Object.assign(host(live, ANNEX, 'dr.lee@clinic.example').values, { 'personalMeetingRoom.autoLockMinutes': 20 })));
    expect(failures(result)).toEqual([`WBX.HOST.1v1[${ANNEX}/dr.lee@clinic.example]: personalMeetingRoom.autoLockMinutes is 20, must be at most 10`]);
  });
  test('Noncompliance 3: the declaration turns auto-lock off for the site\'s hosts', () => {
    const result = judge(rule, declared((org) => { org.sites[1]!.settings.hostLobby!.personalMeetingRoom!.enabledAutoLock = false; }));
    expect(failures(result)).toEqual([`WBX.HOST.1v1[${SITE}]: personalMeetingRoom.enabledAutoLock is false, must be true`]);
  });
  test('Noncompliance 4: no host lobby declared for a site', () => {
    const result = judge(rule, declared((org) => delete org.sites[0]!.settings.hostLobby));
    expect(failures(result)).toEqual([`WBX.HOST.1v1[${ANNEX}]: hostLobby is not declared: webex-iac does not enforce this control`]);
  });
  test('Compliance: the declared host selection is reported with the verdict', () => {
    const result = judge(rule, declared((org) => { org.sites[1]!.settings.hostLobby!.hosts = { emailDomains: ['clinic.example'] }; }));
    expect(result.status).toBe('pass');
    expect(result.judgements[1]!.values.hosts).toEqual({ emailDomains: ['clinic.example'] });
  });
  test('Not applicable: a site without hosts judges nothing', () => {
    const result = judge(rule, observed((live) => { live.hosts![SITE]!.hostLobby!.hosts = []; live.hosts![ANNEX]!.hostLobby!.hosts = []; }));
    expect(result.status).toBe('not-applicable');
  });
});

describe('Rule: Every host is notified when someone waits in the lobby', () => {
  const rule = PersonalRoomLobbyNotify;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
    expect(judge(rule, observed()).status).toBe('pass');
  });
  test('Noncompliance 1: a host is not notified', () => {
    const result = judge(rule, observed((live) => Object.assign(host(live, SITE, 'dr.lee@clinic.example').values, { 'personalMeetingRoom.enabledNotifyHost': false })));
    expect(failures(result)).toEqual([`WBX.HOST.2v1[${SITE}/dr.lee@clinic.example]: personalMeetingRoom.enabledNotifyHost is false, must be true`]);
  });
});

describe('Rule: Every host\'s scheduling options keep join before host off', () => {
  const rule = HostJoinBeforeHostOff;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
    expect(judge(rule, observed()).status).toBe('pass');
  });
  test('Noncompliance 1: a host lets attendees join first', () => {
    const result = judge(rule, observed((live) => Object.assign(host(live, ANNEX, 'dr.kim@clinic.example').values, { 'schedulingOptions.enabledJoinBeforeHost': true })));
    expect(failures(result)).toEqual([`WBX.HOST.3v1[${ANNEX}/dr.kim@clinic.example]: schedulingOptions.enabledJoinBeforeHost is true, must be false`]);
  });
  test('Noncompliance 2: the declaration leaves scheduling options out', () => {
    const result = judge(rule, declared((org) => delete org.sites[1]!.settings.hostLobby!.schedulingOptions));
    expect(failures(result)).toEqual([`WBX.HOST.3v1[${SITE}]: schedulingOptions.enabledJoinBeforeHost is not declared (must be false)`]);
  });
});

describe.each([
  [HostAiAssistantOffByDefault, 'hostAiAssistant', 'schedulingOptions.enabledWebexAssistantByDefault', 'WBX.HOST.4v1'],
  [HostRecordingsNotAutoShared, 'hostRecordingSharing', 'schedulingOptions.enabledAutoShareRecording', 'WBX.HOST.5v1'],
] as const)('Rule %#: a scheduling-options flag that must stay off', (rule, key, field, id) => {
  test('Compliance: declared off, and read off for every host', () => {
    expect(judge(rule, declared()).status).toBe('pass');
    expect(judge(rule, observed()).status).toBe('pass');
    expect(rule.citations.length).toBeGreaterThan(0);
  });
  test('Noncompliance 1: one host has it on', () => {
    const result = judge(rule, observed((live) => Object.assign(live.hosts![SITE]![key]!.hosts.find((h) => h.email === 'dr.kim@clinic.example')!.values, { [field]: true })));
    expect(failures(result)).toEqual([`${id}[${SITE}/dr.kim@clinic.example]: ${field} is true, must be false`]);
  });
  test('Noncompliance 2: the declaration turns it on for the site\'s hosts', () => {
    const result = judge(rule, declared((org) => { (org.sites[1]!.settings[key]!.schedulingOptions as Record<string, boolean>)[field.split('.')[1]!] = true; }));
    expect(failures(result)).toEqual([`${id}[${SITE}]: ${field} is true, must be false`]);
  });
  test('Noncompliance 3: not declared for a site', () => {
    const result = judge(rule, declared((org) => delete org.sites[0]!.settings[key]));
    expect(failures(result)).toEqual([`${id}[${ANNEX}]: ${key} is not declared: webex-iac does not enforce this control`]);
  });
});
