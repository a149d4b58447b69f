import { CLINIC, type RunningSimulator } from '../../simulator';
import { clinicSeed } from '../../simulator/seeds/clinic';
import { resolveOptions } from '../../simulator/simulator-options';
import { startServer } from '../../simulator/simulator-server';
import { SimulatorState } from '../../simulator/state/simulator-state';
import { call, FULL_ACCESS_TOKEN } from './webex-call';

const PATH = '/v1/admin/meeting/config/commonSettings';
const NOW = new Date('2026-02-03T04:05:06.789Z');

let state: SimulatorState;
let sim: RunningSimulator;

beforeEach(async () => {
  state = new SimulatorState(clinicSeed(NOW.getTime()), () => NOW);
  sim = await startServer(state, resolveOptions({ tokens: [FULL_ACCESS_TOKEN] }));
});

afterEach(() => sim.close());

describe('admin audit trail', () => {
  test('records a successful write as an AuditEvent naming actor, target and trackingId', async () => {
    const result = await call(sim.url, 'PATCH', PATH, {
      body: { securityOptions: { joinBeforeHost: false, audioBeforeHost: false } },
      headers: { TrackingID: 'WEBEX_IAC_audit-1' },
    });
    expect(result.status).toBe(200);
    expect(state.adminAudit.list()).toEqual([
      {
        id: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
        created: '2026-02-03T04:05:06.789Z',
        actorId: CLINIC.adminPersonId,
        actorOrgId: CLINIC.orgId,
        data: {
          actorName: 'Morgan Ellis',
          actorEmail: CLINIC.adminEmail,
          actorOrgName: CLINIC.orgName,
          adminRoles: ['Full_Admin'],
          eventCategory: 'MEETINGS',
          eventDescription: 'Meeting site common settings updated',
          actionText: `Morgan Ellis updated securityOptions of site ${CLINIC.siteUrl}`,
          targetId: CLINIC.siteUrl,
          targetName: CLINIC.siteUrl,
          targetType: 'SITE',
          targetOrgId: CLINIC.orgId,
          targetOrgName: CLINIC.orgName,
          trackingId: 'WEBEX_IAC_audit-1',
        },
      },
    ]);
  });

  test('gives each event its own id, oldest first', async () => {
    await call(sim.url, 'PATCH', PATH, { body: { scheduleMeetingOptions: { emailReminders: false } } });
    await call(sim.url, 'PATCH', PATH, { body: { siteOptions: { allowCustomPersonalRoomURL: false } } });
    const events = state.adminAudit.list();
    expect(events.map(({ data }) => data.actionText)).toEqual([
      `Morgan Ellis updated scheduleMeetingOptions of site ${CLINIC.siteUrl}`,
      `Morgan Ellis updated siteOptions of site ${CLINIC.siteUrl}`,
    ]);
    expect(events[0].id).not.toBe(events[1].id);
  });

  test('records nothing for reads and rejected writes', async () => {
    await call(sim.url, 'GET', PATH);
    await call(sim.url, 'PATCH', PATH, { body: { telephonyConfig: {} } });
    await call(sim.url, 'PATCH', PATH, { token: 'unknown', body: { scheduleMeetingOptions: { emailReminders: false } } });
    expect(state.adminAudit.list()).toEqual([]);
  });

  test('controlHubAdmin: writes with its token are recorded as that admin\'s, a person of the org', async () => {
    const token = sim.controlHubAdmin({ email: `dr.lee@${CLINIC.emailDomain}` });
    const result = await call(sim.url, 'PATCH', PATH, { token, body: { securityOptions: { joinBeforeHost: true } } });
    expect(result.status).toBe(200);
    const [event] = state.adminAudit.list();
    expect(event.actorId).toBe(state.personByEmail(`dr.lee@${CLINIC.emailDomain}`)!.person.id);
    expect(event.data).toMatchObject({ actorEmail: `dr.lee@${CLINIC.emailDomain}`, targetType: 'SITE', targetId: CLINIC.siteUrl });
  });

  test('controlHubAdmin: an admin outside the people list keeps its (hostile) name, and is not listed as a person', async () => {
    const hostile = 'IT Lead \u001b[31m<script>alert(1)</script>';
    const token = sim.controlHubAdmin({ email: 'it.lead@partner.example', displayName: hostile });
    const peopleBefore = state.allPeople().length;
    const result = await call(sim.url, 'PATCH', PATH, { token, body: { securityOptions: { joinBeforeHost: true } } });
    expect(result.status).toBe(200);
    const [event] = state.adminAudit.list();
    expect(event.data).toMatchObject({ actorName: hostile, actorEmail: 'it.lead@partner.example', adminRoles: ['Full_Admin'], actorOrgName: CLINIC.orgName });
    expect(event.actorId).not.toBe(CLINIC.adminPersonId);
    expect(state.allPeople()).toHaveLength(peopleBefore);
    // The seed token still acts as the seed admin.
    await call(sim.url, 'PATCH', PATH, { body: { scheduleMeetingOptions: { emailReminders: false } } });
    expect(state.adminAudit.list()[1].actorId).toBe(CLINIC.adminPersonId);
  });
});
