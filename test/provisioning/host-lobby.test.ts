import { HostLobby, Org } from '../../manifest';
import { applyPlan, ObservedOrg, planChanges, WebexApiError, WebexClient } from '../../provisioning';
import { hostLobbyHandler } from '../../provisioning/settings/host-lobby';
import { HostReads } from '../../provisioning/settings/host-reads';
import { startScriptedServer } from '../helpers/scripted-server';

const TOKEN = 'host-lobby-token-5e1a';
const SITE = 'riverside-clinic.webex.com';
const HOST = { email: 'dr.lee@riverside-clinic.example', personId: 'PERSON-LEE' };
const PIN = '4825';
const FIELDS = ['personalMeetingRoom.enabledAutoLock', 'personalMeetingRoom.autoLockMinutes', 'personalMeetingRoom.enabledNotifyHost', 'schedulingOptions.enabledJoinBeforeHost'];

/** A personal room as Cisco's spec shows it (PMRObject), auto-lock off. */
function room(overrides: Record<string, unknown> = {}) {
  return {
    topic: "Hannah Lee's Personal Room",
    hostPin: PIN,
    enabledAutoLock: false,
    autoLockMinutes: 10,
    enabledNotifyHost: false,
    supportCoHost: true,
    supportAnyoneAsCoHost: false,
    allowFirstUserToBeCoHost: false,
    allowAuthenticatedDevices: true,
    coHosts: [{ email: 'dr.kim@riverside-clinic.example', displayName: 'Grace Kim' }],
    personalMeetingRoomLink: 'https://riverside-clinic.webex.com/meet/dr.lee',
    sipAddress: 'dr.lee@riverside-clinic.webex.com',
    dialInIpAddress: '192.0.2.10',
    telephony: { accessCode: '1234567890', callInNumbers: [] },
    ...overrides,
  };
}

function scheduling(overrides: Record<string, unknown> = {}) {
  return { enabledJoinBeforeHost: true, joinBeforeHostMinutes: 10, enabledAutoShareRecording: false, enabledWebexAssistantByDefault: true, delegateEmails: ['nurse.adams@riverside-clinic.example'], ...overrides };
}

/** `MeetingPreferenceObject` (GET /v1/meetingPreferences): the room and options above, with audio (and its PIN), video and sites. */
function preferences(roomOverrides: Record<string, unknown> = {}, schedulingOverrides: Record<string, unknown> = {}) {
  return {
    personalMeetingRoom: room(roomOverrides),
    audio: { defaultAudioType: 'webexAudio', otherTeleconferenceDescription: '', enabledGlobalCallIn: true, enabledTollFree: false, enabledAutoConnection: false, audioPin: AUDIO_PIN, officeNumber: NO_NUMBER, mobileNumber: NO_NUMBER },
    video: { videoDevices: [] },
    schedulingOptions: scheduling(schedulingOverrides),
    sites: [{ siteUrl: SITE, default: true }],
  };
}
const AUDIO_PIN = '3719';
const NO_NUMBER = { countryCode: '1', number: '', enabledCallInAuthentication: false, enabledCallMe: false };

const DECLARED: HostLobby = {
  path: 'clinic/Org/Baseline/HostLobby',
  personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5, enabledNotifyHost: true },
  schedulingOptions: { enabledJoinBeforeHost: false },
};

function org(declared: HostLobby = DECLARED): Org {
  return { path: 'clinic/Org', name: 'Riverside Family Clinic', settings: {}, sites: [{ path: 'clinic/Org/Site', siteUrl: SITE, settings: { hostLobby: declared } }] };
}

function observed(values: Record<string, unknown>): ObservedOrg {
  return { name: 'Riverside Family Clinic', orgId: 'ORG', sites: { [SITE]: {} }, hosts: { [SITE]: { hostLobby: { site: {}, hosts: [{ ...HOST, values: values as never }], notHosts: [] } } } };
}

const client = (url: string) => new WebexClient({ baseUrl: url, token: TOKEN, sleep: async () => undefined });

describe('host lobby handler', () => {
  test('read: one GET /v1/meetingPreferences for the host on the site, and keeps no PIN', async () => {
    const server = await startScriptedServer([{ status: 200, body: preferences() }]);
    try {
      const values = await hostLobbyHandler.readHost(client(server.url), SITE, HOST, FIELDS);
      expect(values).toEqual({
        'personalMeetingRoom.enabledAutoLock': false,
        'personalMeetingRoom.autoLockMinutes': 10,
        'personalMeetingRoom.enabledNotifyHost': false,
        'schedulingOptions.enabledJoinBeforeHost': true,
      });
      expect(JSON.stringify(values)).not.toContain(PIN);
      expect(server.received.map((r) => `${r.method} ${r.url}`)).toEqual([`GET /v1/meetingPreferences?userEmail=dr.lee%40riverside-clinic.example&siteUrl=${SITE}`]);
    } finally {
      await server.close();
    }
  });

  test('read: only the declared objects become values; still one GET', async () => {
    const server = await startScriptedServer([{ status: 200, body: preferences({}, { enabledJoinBeforeHost: false }) }]);
    try {
      expect(await hostLobbyHandler.readHost(client(server.url), SITE, HOST, ['schedulingOptions.enabledJoinBeforeHost'])).toEqual({ 'schedulingOptions.enabledJoinBeforeHost': false });
      expect(server.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  test('read: absent flags read as off and an absent lock delay as unset (vendor defaults)', async () => {
    const server = await startScriptedServer([{ status: 200, body: { personalMeetingRoom: { topic: 't', hostPin: PIN }, schedulingOptions: { joinBeforeHostMinutes: 0, enabledAutoShareRecording: false } } }]);
    try {
      expect(await hostLobbyHandler.readHost(client(server.url), SITE, HOST, FIELDS)).toEqual({
        'personalMeetingRoom.enabledAutoLock': false,
        'personalMeetingRoom.autoLockMinutes': null,
        'personalMeetingRoom.enabledNotifyHost': false,
        'schedulingOptions.enabledJoinBeforeHost': false,
      });
    } finally {
      await server.close();
    }
  });

  test('read: controls reading the same host through one HostReads share one GET', async () => {
    const server = await startScriptedServer([{ status: 200, body: preferences() }]);
    try {
      const reads = new HostReads(client(server.url), SITE, HOST);
      const [room, scheduling] = await Promise.all([
        hostLobbyHandler.readHost(client(server.url), SITE, HOST, FIELDS.slice(0, 3), reads),
        hostLobbyHandler.readHost(client(server.url), SITE, HOST, FIELDS.slice(3), reads),
      ]);
      expect({ ...room, ...scheduling }).toEqual(await hostLobbyHandler.readHost(client(server.url), SITE, HOST, FIELDS, reads));
      expect(server.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  test('diff: a converged host plans no change', () => {
    const plan = planChanges([org()], [observed({ 'personalMeetingRoom.enabledAutoLock': true, 'personalMeetingRoom.autoLockMinutes': 5, 'personalMeetingRoom.enabledNotifyHost': true, 'schedulingOptions.enabledJoinBeforeHost': false })]);
    expect(plan.changes).toEqual([]);
    expect(plan.summary.unchangedSettings).toBe(1);
  });

  test('diff: only declared fields that differ, as one change for the host, with turning the lock on counted as strengthening', () => {
    const plan = planChanges([org()], [observed({ 'personalMeetingRoom.enabledAutoLock': false, 'personalMeetingRoom.autoLockMinutes': 0, 'personalMeetingRoom.enabledNotifyHost': true, 'schedulingOptions.enabledJoinBeforeHost': true })]);
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]).toMatchObject({
      target: { kind: 'person', email: HOST.email, siteUrl: SITE, personId: HOST.personId },
      setting: 'hostLobby',
      action: 'update',
      before: { 'personalMeetingRoom.enabledAutoLock': false, 'personalMeetingRoom.autoLockMinutes': 0, 'schedulingOptions.enabledJoinBeforeHost': true },
      after: { 'personalMeetingRoom.enabledAutoLock': true, 'personalMeetingRoom.autoLockMinutes': 5, 'schedulingOptions.enabledJoinBeforeHost': false },
      unchangedFields: 1,
      impact: 'strengthens',
    });
    expect(plan.changes[0]!.fieldImpacts['personalMeetingRoom.autoLockMinutes']).toBe('neutral');
  });

  test('diff: a declared lock delay is a ceiling: a locked room with a shorter delay keeps it', () => {
    const plan = planChanges([org({ path: 'p', personalMeetingRoom: { autoLockMinutes: 20 } })], [observed({ 'personalMeetingRoom.enabledAutoLock': true, 'personalMeetingRoom.autoLockMinutes': 5 })]);
    expect(plan.changes).toEqual([]);
  });

  test('diff: lengthening the lock delay of a locked room, pinned exactly, weakens', () => {
    const plan = planChanges([org({ path: 'p', personalMeetingRoom: { autoLockMinutes: 20 }, exactFields: ['personalMeetingRoom.autoLockMinutes'] })], [observed({ 'personalMeetingRoom.enabledAutoLock': true, 'personalMeetingRoom.autoLockMinutes': 5 })]);
    expect(plan.changes[0]!.impact).toBe('weakens');
    expect(plan.changes[0]!.valueRules).toEqual({ 'personalMeetingRoom.autoLockMinutes': 'exact' });
  });

  test('write: PUTs both objects whole from the read it is given, only the managed fields changed, the PIN round-tripped, read-only fields left out', async () => {
    const server = await startScriptedServer([
      { status: 200, body: preferences() },
      { status: 200, body: room({ enabledAutoLock: true, autoLockMinutes: 5, enabledNotifyHost: true }) },
      { status: 200, body: scheduling({ enabledJoinBeforeHost: false }) },
    ]);
    try {
      const after = { 'personalMeetingRoom.enabledAutoLock': true, 'personalMeetingRoom.autoLockMinutes': 5, 'personalMeetingRoom.enabledNotifyHost': true, 'schedulingOptions.enabledJoinBeforeHost': false };
      const reads = new HostReads(client(server.url), SITE, HOST);
      await hostLobbyHandler.readHost(client(server.url), SITE, HOST, FIELDS, reads);
      await hostLobbyHandler.write(client(server.url), SITE, HOST, after, reads);
      expect(server.received.map((r) => r.method)).toEqual(['GET', 'PUT', 'PUT']);
      const [, roomPut, schedulingPut] = server.received;
      expect(roomPut!.url).toBe(`/v1/meetingPreferences/personalMeetingRoom?userEmail=dr.lee%40riverside-clinic.example&siteUrl=${SITE}`);
      expect(roomPut!.body).toEqual({
        topic: "Hannah Lee's Personal Room",
        hostPin: PIN,
        enabledAutoLock: true,
        autoLockMinutes: 5,
        enabledNotifyHost: true,
        supportCoHost: true,
        supportAnyoneAsCoHost: false,
        allowFirstUserToBeCoHost: false,
        allowAuthenticatedDevices: true,
        coHosts: [{ email: 'dr.kim@riverside-clinic.example', displayName: 'Grace Kim' }],
      });
      expect(schedulingPut!.url).toBe(`/v1/meetingPreferences/schedulingOptions?userEmail=dr.lee%40riverside-clinic.example&siteUrl=${SITE}`);
      expect(schedulingPut!.body).toEqual({ enabledJoinBeforeHost: false, joinBeforeHostMinutes: 10, enabledAutoShareRecording: false, enabledWebexAssistantByDefault: true, delegateEmails: ['nurse.adams@riverside-clinic.example'] });
    } finally {
      await server.close();
    }
  });

  test('write: a room read without its host PIN is not written (the PUT would change the PIN)', async () => {
    const { hostPin: _pin, ...noPin } = room();
    const server = await startScriptedServer([{ status: 200, body: { personalMeetingRoom: noPin, schedulingOptions: scheduling() } }]);
    try {
      await expect(hostLobbyHandler.write(client(server.url), SITE, HOST, { 'personalMeetingRoom.enabledAutoLock': true })).rejects.toThrow(/^settings\.hostLobby of host dr\.lee@riverside-clinic\.example of site riverside-clinic\.webex\.com: Webex returned the personal room without its hostPin.*nothing was written; .*hosts\.exemptEmails$/);
      expect(server.received.map((r) => r.method)).toEqual(['GET']);
    } finally {
      await server.close();
    }
  });

  test('write: a Webex error that echoes the PIN is reported with the PIN masked', async () => {
    const server = await startScriptedServer([{ status: 200, body: preferences() }, { status: 400, body: { message: `hostPin ${PIN} is not allowed`, errors: [{ description: `hostPin ${PIN} is not allowed` }], trackingId: 'T1' } }]);
    try {
      const error = (await hostLobbyHandler.write(client(server.url), SITE, HOST, { 'personalMeetingRoom.enabledAutoLock': true }).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(WebexApiError);
      expect(error.message).toMatch(/answered 400: hostPin \*\*\* is not allowed/);
      expect(error.message).not.toContain(PIN);
    } finally {
      await server.close();
    }
  });

  test('apply: one read serves the stale check and the write; the PUTs\' answers verify it; a write that does not stick is an error', async () => {
    const before = { 'personalMeetingRoom.enabledAutoLock': false, 'personalMeetingRoom.autoLockMinutes': 10, 'personalMeetingRoom.enabledNotifyHost': false, 'schedulingOptions.enabledJoinBeforeHost': true };
    const plan = planChanges([org()], [observed(before)]);
    const server = await startScriptedServer([
      { status: 200, body: preferences() }, // stale check, and the bodies of both PUTs
      { status: 200, body: room({ enabledAutoLock: true, autoLockMinutes: 5, enabledNotifyHost: true }) }, // the room stuck
      { status: 200, body: scheduling() }, // join-before-host did not
    ]);
    try {
      await expect(applyPlan(client(server.url), plan)).rejects.toThrow(/^clinic\/Org\/Baseline\/HostLobby \(settings\.hostLobby of host dr\.lee@riverside-clinic\.example of site riverside-clinic\.webex\.com\): failed to apply: the write did not stick: schedulingOptions.enabledJoinBeforeHost is true, expected false/);
      expect(server.received.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
        'GET /v1/meetingPreferences',
        'PUT /v1/meetingPreferences/personalMeetingRoom',
        'PUT /v1/meetingPreferences/schedulingOptions',
      ]);
    } finally {
      await server.close();
    }
  });

  test('apply refuses a stale plan, writing nothing', async () => {
    const plan = planChanges([org()], [observed({ 'personalMeetingRoom.enabledAutoLock': false, 'personalMeetingRoom.autoLockMinutes': 10, 'personalMeetingRoom.enabledNotifyHost': false, 'schedulingOptions.enabledJoinBeforeHost': true })]);
    // Someone turned join-before-host off by hand since the plan.
    const server = await startScriptedServer([{ status: 200, body: preferences({}, { enabledJoinBeforeHost: false }) }]);
    try {
      await expect(applyPlan(client(server.url), plan)).rejects.toThrow(/changed since the plan was made; nothing was written.*clinic\/Org\/Baseline\/HostLobby \(settings\.hostLobby\.schedulingOptions\.enabledJoinBeforeHost of host dr\.lee@riverside-clinic\.example of site riverside-clinic\.webex\.com\) was true when planned, is now false/);
      expect(server.received.every((r) => r.method === 'GET')).toBe(true);
    } finally {
      await server.close();
    }
  });
});
