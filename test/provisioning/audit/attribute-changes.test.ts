import { untrusted } from '../../../manifest/text';
import { attributeChanges, Change, personTarget, ObservedOrg, Plan, planChanges, renderPlanJson, renderPlanMarkdown, renderPlanText, WebexClient } from '../../../provisioning';
import { RunningSimulator, startSimulator } from '../../../simulator';
import { CLINIC } from '../../../simulator/seeds/clinic';
import { startScriptedServer } from '../../helpers/scripted-server';

const TOKEN = 'attribute-token-91c2';
const SITE = CLINIC.siteUrl;
const HOST = `dr.lee@${CLINIC.emailDomain}`;

const siteChange = (org = CLINIC.orgName): Change => ({
  org,
  target: { kind: 'site', siteUrl: SITE },
  setting: 'meetingSecurity',
  action: 'update',
  path: 'clinic/Org/Site/MeetingSecurity',
  before: { joinBeforeHost: true },
  after: { joinBeforeHost: false },
  unchangedFields: 0,
  notes: [],
  fieldImpacts: { joinBeforeHost: 'strengthens' },
  impact: 'strengthens',
  origin: 'unknown',
  liveImpact: 'weakens',
});
const hostChange = (email: string): Change => ({ ...siteChange(), target: personTarget(email, { siteUrl: SITE }), setting: 'hostLobby', path: 'clinic/Org/Site/HostLobby', before: { 'personalMeetingRoom.enabledAutoLock': false }, after: { 'personalMeetingRoom.enabledAutoLock': true }, fieldImpacts: { 'personalMeetingRoom.enabledAutoLock': 'strengthens' } });

function planOf(changes: Change[]): Plan {
  const base = planChanges([], []);
  return { ...base, orgs: [CLINIC.orgName], changes, summary: { ...base.summary, changes: changes.length } };
}
const observed: ObservedOrg[] = [{ name: CLINIC.orgName, orgId: CLINIC.orgId, sites: {} }];

describe('attributeChanges: who made each drift, from GET /v1/adminAudit/events', () => {
  let sim: RunningSimulator;
  let client: WebexClient;
  beforeEach(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    client = new WebexClient({ baseUrl: sim.url, token: TOKEN, sleep: async () => undefined });
  });
  afterEach(() => sim.close());

  const patchSite = (token: string) =>
    fetch(`${sim.url}/v1/admin/meeting/config/commonSettings`, { method: 'PATCH', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ securityOptions: { joinBeforeHost: true } }) });

  test('the most recent admin event on the target since it was last verified; the others say none was found', async () => {
    await patchSite(sim.controlHubAdmin({ email: 'first@partner.example', displayName: 'First' }));
    await patchSite(sim.controlHubAdmin({ email: 'second@partner.example', displayName: 'Second' }));
    const plan = await attributeChanges(client, planOf([siteChange(), hostChange(HOST)]), observed, { tokenPersonId: CLINIC.adminPersonId });
    expect(plan.changes[0]!.attribution).toMatchObject({ status: 'audit-event', byToken: false, event: { actorEmail: 'second@partner.example', actorName: 'Second', category: 'MEETINGS' } });
    expect(plan.changes[1]!.attribution).toMatchObject({ status: 'no-audit-event' });
    expect(renderPlanText(plan, { mode: 'drift' })).toContain('# this host: no audit event found (changed by the user, or older than the audit window)');
    expect(renderPlanText(plan)).toContain('changed in Control Hub by second@partner.example (Second) at ');
    expect(JSON.parse(renderPlanJson(plan)).changes.map((c: Change) => c.attribution!.status)).toEqual(['audit-event', 'no-audit-event']);
    expect(plan.unknown).toEqual([]);
  });

  test('an event from before webex-iac last applied or verified the target explains nothing', async () => {
    await patchSite(sim.controlHubAdmin({ email: 'old@partner.example' }));
    const later = new Date(Date.now() + 1000).toISOString();
    const plan = await attributeChanges(client, planOf([siteChange()]), observed, { lastSettled: () => later, now: new Date(Date.now() + 2000) });
    expect(plan.changes[0]!.attribution).toEqual({ status: 'no-audit-event', since: later });
  });

  test('the token webex-iac uses is told apart', async () => {
    await patchSite(TOKEN);
    const plan = await attributeChanges(client, planOf([siteChange()]), observed, { tokenPersonId: CLINIC.adminPersonId });
    expect(plan.changes[0]!.attribution).toMatchObject({ status: 'audit-event', byToken: true });
    expect(renderPlanText(plan)).toContain('changed with the token webex-iac uses, by admin@');
  });

  test('a host group names each host an event explains and counts the rest, in text and markdown', async () => {
    const hosts = [HOST, `dr.patel@${CLINIC.emailDomain}`];
    const plan = await attributeChanges(client, planOf(hosts.map(hostChange)), observed);
    expect(renderPlanText(plan, { mode: 'drift' })).toContain('# all 2 hosts: no audit event found (changed by the user, or older than the audit window)');
    expect(renderPlanMarkdown(plan, { title: 'webex-iac drift' })).toContain('2 targets: no audit event found');
  });

  test('no changes: nothing is read', async () => {
    const before = sim.exchanges.length;
    await attributeChanges(client, planOf([]), observed);
    expect(sim.exchanges.length).toBe(before);
  });
});

describe('attributeChanges fails closed', () => {
  test('an audit answer outside Cisco\'s spec: the attribution is unknown and the audit log is listed as unknown (the command fails)', async () => {
    const server = await startScriptedServer([{ status: 200, body: { items: 'not a list' } }]);
    try {
      const client = new WebexClient({ baseUrl: server.url, token: TOKEN, sleep: async () => undefined });
      const plan = await attributeChanges(client, planOf([siteChange()]), observed);
      expect(plan.changes[0]!.attribution).toMatchObject({ status: 'unknown' });
      expect(plan.unknown).toEqual([expect.objectContaining({ org: CLINIC.orgName, setting: 'adminAudit', target: { kind: 'org', orgId: CLINIC.orgId } })]);
      expect(plan.summary.unknown).toBe(1);
      expect(server.received[0]!.url).toMatch(/^\/v1\/adminAudit\/events\?orgId=/);
    } finally {
      await server.close();
    }
  });

  test('a refusal (403, the scope missing): unknown too, naming Webex\'s answer', async () => {
    const server = await startScriptedServer([{ status: 403, body: { message: 'Forbidden', trackingId: 'T403' } }]);
    try {
      const client = new WebexClient({ baseUrl: server.url, token: TOKEN, sleep: async () => undefined });
      const plan = await attributeChanges(client, planOf([siteChange()]), observed);
      expect(plan.unknown[0]!.reason).toMatch(/could not be read: .*403/);
    } finally {
      await server.close();
    }
  });

  test('hostile actor names reach a terminal and markdown inert', () => {
    const event = { actorName: untrusted('\u001b[31mEvil\u0007 <b>x</b> [y](https://e.example)'), actorEmail: untrusted('e@e.example'), actorId: untrusted('X'), at: untrusted('2026-01-01T00:00:00Z'), trackingId: untrusted('T\u001b[2J'), category: untrusted('ORG'), description: untrusted('*d*') };
    const plan = planOf([{ ...siteChange(), attribution: { status: 'audit-event', since: '2026-01-01T00:00:00Z', event, byToken: false } }]);
    expect(renderPlanText(plan)).not.toMatch(/[\u001b\u0007]/);
    expect(renderPlanMarkdown(plan)).not.toContain('<b>');
    expect(renderPlanMarkdown(plan)).not.toContain('](https://e.example)');
    expect(renderPlanJson(plan)).not.toMatch(/[\u001b\u0007]/);
  });
});
