import { Org } from '../../manifest';
import { applyPlan, planOrgs, WebexClient } from '../../provisioning';
import { HEALTH_SYSTEM, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { startScriptedServer } from '../helpers/scripted-server';
import { specExample } from '../helpers/spec-examples';
import { validateRequest, validateResponse } from './openapi-contract';

const TOKEN = 'contract-token-41d7';

describe('every request the client sends agrees with Cisco\'s spec', () => {
  test('plan and apply against the simulator: requests and responses validate', async () => {
    const sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    try {
      const client = new WebexClient({ baseUrl: sim.url, token: TOKEN });
      const orgs = clinicManifest().orgs;
      await applyPlan(client, await planOrgs(client, orgs));
      await planOrgs(client, orgs);
      expect(sim.exchanges.length).toBeGreaterThan(5);
      expect(sim.exchanges.some((e) => e.method === 'PATCH')).toBe(true);
      const problems = sim.exchanges.flatMap((e) => [...validateRequest(e), ...validateResponse(e)].map((p) => `${e.method} ${e.url}: ${p}`));
      expect(problems).toEqual([]);
    } finally {
      await sim.close();
    }
  });

  test('against a server answering only with the spec\'s own examples, plan reads the site and plans the baseline\'s changes', async () => {
    // The examples: org "Acme, Inc."; four sites, site4 the default; common settings with joinBeforeHost on.
    const organizations = specExample('get', '/organizations') as { items: { displayName: string }[] };
    const sites = specExample('get', '/meetingPreferences/sites') as { sites: { siteUrl: string; default: boolean }[] };
    const settings = specExample('get', '/admin/meeting/config/commonSettings');
    const server = await startScriptedServer([
      { status: 200, body: organizations },
      { status: 200, body: sites },
      { status: 200, body: settings },
    ]);
    try {
      const siteUrl = sites.sites.find((s) => !s.default)!.siteUrl;
      const org: Org = {
        ...clinicManifest().orgs[0]!,
        name: organizations.items[0]!.displayName,
        sites: [{ ...clinicManifest().orgs[0]!.sites[0]!, siteUrl }],
      };
      const plan = await planOrgs(new WebexClient({ baseUrl: server.url, token: TOKEN }), [org]);
      expect(plan.changes).toHaveLength(1);
      expect(plan.changes[0]!.before).toMatchObject({ joinBeforeHost: true, audioBeforeHost: true, unlistAllMeetings: false, requireLoginBeforeAccess: false });
      expect(server.received.map((r) => `${r.method} ${r.url}`)).toEqual([
        'GET /v1/organizations',
        'GET /v1/meetingPreferences/sites',
        `GET /v1/admin/meeting/config/commonSettings?siteUrl=${siteUrl}`,
      ]);
      const problems = server.received.flatMap((r) => validateRequest({ method: r.method, url: r.url, requestBody: r.body }));
      expect(problems).toEqual([]);
    } finally {
      await server.close();
    }
  });

  test('writing a site that is not the default: switch the default, PATCH naming the site, switch back; every request validates', async () => {
    const sim = await startSimulator({ tokens: [TOKEN], seed: 'health-system', size: { orgs: 1, sites: 2, users: 1 } });
    try {
      const [main, other] = [HEALTH_SYSTEM.siteUrl(1, 1), HEALTH_SYSTEM.siteUrl(1, 2)];
      const client = new WebexClient({ baseUrl: sim.url, token: TOKEN });
      const org: Org = { path: 'o', name: HEALTH_SYSTEM.orgName(1), settings: {}, sites: [{ path: 's', siteUrl: other, settings: { meetingSecurity: { path: 'm', unlistAllMeetings: true } } }] };
      await applyPlan(client, await planOrgs(client, [org]));
      const writes = sim.exchanges.filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.url} ${JSON.stringify(e.requestBody ?? null)}`);
      expect(writes).toEqual([
        `PUT /v1/meetingPreferences/sites?defaultSite=true {"siteUrl":"${other}"}`,
        `PATCH /v1/admin/meeting/config/commonSettings?siteUrl=${other} {"securityOptions":{"unlistAllMeetings":true}}`,
        `PUT /v1/meetingPreferences/sites?defaultSite=true {"siteUrl":"${main}"}`,
      ]);
      const problems = sim.exchanges.flatMap((e) => [...validateRequest(e), ...validateResponse(e)].map((p) => `${e.method} ${e.url}: ${p}`));
      expect(problems).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});
