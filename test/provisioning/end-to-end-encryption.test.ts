import { EndToEndEncryption, Org } from '../../manifest';
import { applyPlan, ObservedOrg, planChanges, PlanError, WebexClient } from '../../provisioning';
import { SessionType } from '../../provisioning/client/schemas/session-types';
import { endToEndEncryptionHandler, findSessionType } from '../../provisioning/settings/end-to-end-encryption';
import { startScriptedServer } from '../helpers/scripted-server';

const TOKEN = 'e2ee-token-81c0';
const SITE = 'riverside-clinic.webex.com';
const HOST = { email: 'dr.patel@riverside-clinic.example', personId: 'PERSON-PATEL' };
const TYPES: SessionType[] = [
  { id: '3', shortName: 'PRO', name: 'Pro Meeting', type: 'meeting' },
  { id: '647', shortName: 'WBN', name: 'Webex Webinar', type: 'webinar' },
  { id: '628', shortName: 'PRO3E2E', name: 'Pro 3.0 End to End Encryption_VOIPonly', type: 'meeting' },
];

function org(declared: Partial<EndToEndEncryption> = {}): Org {
  return { path: 'o', name: 'Clinic', settings: {}, sites: [{ path: 's', siteUrl: SITE, settings: { endToEndEncryption: { path: 'clinic/Org/Baseline/EndToEndEncryption', ...declared } } }] };
}

function observed(sessionTypeIds: string[], types: SessionType[] = TYPES): ObservedOrg {
  return { name: 'Clinic', orgId: 'ORG', sites: { [SITE]: {} }, hosts: { [SITE]: { endToEndEncryption: { site: { sessionTypes: types }, hosts: [{ ...HOST, values: { sessionTypeIds } }], notHosts: [] } } } };
}

const client = (url: string) => new WebexClient({ baseUrl: url, token: TOKEN, sleep: async () => undefined });

describe('end-to-end encryption handler', () => {
  test('read: the site\'s session types once, and each host\'s by personId', async () => {
    const server = await startScriptedServer([
      { status: 200, body: { items: TYPES.map((t) => ({ ...t, siteUrl: SITE })) } },
      { status: 200, body: { items: [{ personId: HOST.personId, email: HOST.email, siteUrl: SITE, sessionTypes: [TYPES[1], TYPES[0]] }] } },
    ]);
    try {
      const site = await endToEndEncryptionHandler.readSite(client(server.url), SITE);
      expect(site.sessionTypes?.map((t) => t.id)).toEqual(['3', '628', '647']);
      expect(await endToEndEncryptionHandler.readHost(client(server.url), SITE, HOST, ['sessionTypeIds'])).toEqual({ sessionTypeIds: ['3', '647'] });
      expect(server.received.map((r) => r.url)).toEqual([
        `/v1/admin/meeting/config/sessionTypes?siteUrl=${SITE}`,
        `/v1/admin/meeting/userconfig/sessionTypes?siteUrl=${SITE}&personId=${HOST.personId}`,
      ]);
    } finally {
      await server.close();
    }
  });

  test('diff: adds the E2EE type found by name and keeps the host\'s others', () => {
    const plan = planChanges([org()], [observed(['3', '647'])]);
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]).toMatchObject({ before: { sessionTypeIds: ['3', '647'] }, after: { sessionTypeIds: ['3', '628', '647'] }, impact: 'strengthens' });
    expect(plan.changes[0]!.notes).toEqual(['adds session type 628 "Pro 3.0 End to End Encryption_VOIPonly" (PRO3E2E); keeps the host\'s other session types']);
  });

  test('diff: a host that has the type plans no change', () => {
    expect(planChanges([org()], [observed(['3', '628'])]).changes).toEqual([]);
  });

  test.each<[string, Partial<EndToEndEncryption>]>([
    ['short name, any case', { sessionType: { shortName: 'pro3e2e' } }],
    ['exact name', { sessionType: { name: 'pro 3.0 end to end encryption_voiponly' } }],
    ['part of the name', { sessionType: { nameContains: 'END TO END' } }],
  ])('finds the type by %s', (_, declared) => {
    expect(planChanges([org(declared)], [observed(['3'])]).changes[0]!.after).toEqual({ sessionTypeIds: ['3', '628'] });
  });

  test('fails clearly, listing the site\'s types, when none matches', () => {
    expect(() => planChanges([org()], [observed(['3'], TYPES.slice(0, 2))])).toThrow(PlanError);
    expect(() => planChanges([org()], [observed(['3'], TYPES.slice(0, 2))])).toThrow(
      'clinic/Org/Baseline/EndToEndEncryption (settings.endToEndEncryption of site riverside-clinic.webex.com): the site has no session type matching sessionType.nameContains "End to End Encryption" (its session types: 3 "Pro Meeting" (PRO), 647 "Webex Webinar" (WBN)); enable end-to-end encryption on the site (Control Hub), or name the type to assign in sessionType.shortName or sessionType.name',
    );
  });

  test('fails when several types match, naming them', () => {
    const types = [...TYPES, { id: '700', shortName: 'E2EWBN', name: 'Webinar End to End Encryption', type: 'webinar' }];
    expect(() => findSessionType(types, { nameContains: 'End to End Encryption' }, { path: 'p', key: 'settings.endToEndEncryption' })).toThrow(/^p \(settings.endToEndEncryption\): 2 session types match sessionType.nameContains "End to End Encryption": 628 .*, 700 .*; name the one to assign in sessionType.shortName$/);
  });

  test('write: PUTs the full list (current plus E2EE) with siteUrl and personId in the body; apply reads it back', async () => {
    const plan = planChanges([org()], [observed(['3', '647'])]);
    const hostTypes = (ids: string[]) => ({ items: [{ personId: HOST.personId, email: HOST.email, siteUrl: SITE, sessionTypes: TYPES.filter((t) => ids.includes(t.id)) }] });
    const server = await startScriptedServer([
      { status: 200, body: hostTypes(['3', '647']) },
      { status: 200, body: { personId: HOST.personId, email: HOST.email, siteUrl: SITE, sessionTypes: TYPES } },
      { status: 200, body: hostTypes(['3', '628', '647']) },
    ]);
    try {
      const [applied] = await applyPlan(client(server.url), plan);
      expect(applied!.readBack).toEqual({ sessionTypeIds: ['3', '628', '647'] });
      const put = server.received.find((r) => r.method === 'PUT')!;
      expect(put.url).toBe('/v1/admin/meeting/userconfig/sessionTypes');
      expect(put.body).toEqual({ siteUrl: SITE, personId: HOST.personId, sessionTypeIds: ['3', '628', '647'] });
    } finally {
      await server.close();
    }
  });

  test('apply refuses when the host\'s session types changed since the plan', async () => {
    const plan = planChanges([org()], [observed(['3'])]);
    const server = await startScriptedServer([{ status: 200, body: { items: [{ personId: HOST.personId, sessionTypes: [TYPES[0], TYPES[1]] }] } }]);
    try {
      await expect(applyPlan(client(server.url), plan)).rejects.toThrow(/\(settings\.endToEndEncryption\.sessionTypeIds of host dr\.patel@riverside-clinic\.example of site riverside-clinic\.webex\.com\) was \["3"\] when planned, is now \["3","647"\]/);
      expect(server.received.filter((r) => r.method === 'PUT')).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
