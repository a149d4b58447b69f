import { applyPlan, planOrgs, renderPlanText, WebexClient } from '../../provisioning';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { startRewritingProxy } from '../helpers/rewriting-proxy';

const TOKEN = 'integration-token-unreadable-4e1';
const SETTINGS = '/v1/admin/meeting/config/commonSettings';

/** What a proxy in the way can answer for the meeting-security read of an org that is in fact not converged. */
const ANSWERS = [
  { name: 'an HTML 200 page', contentType: 'text/html', body: '<html><body>Session expired</body></html>' },
  { name: 'an empty 200', contentType: 'application/json', body: '' },
  { name: 'truncated JSON', contentType: 'application/json', body: '{"securityOptions": {"joinBeforeHost": fal' },
];

describe('a plan never says "No changes" from a body it could not read', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
  });
  afterEach(() => sim.close());

  test.each(ANSWERS)('meeting security answered with $name', async ({ contentType, body }) => {
    const orgs = clinicManifest().orgs;
    const direct = new WebexClient({ baseUrl: sim.url, token: TOKEN, sleep: async () => undefined });
    // The seeded clinic is not hardened: a true read plans a change.
    expect((await planOrgs(direct, orgs)).changes.length).toBeGreaterThan(0);

    const proxy = await startRewritingProxy(sim.url, (req, res) => {
      if (req.method !== 'GET' || !req.url?.startsWith(SETTINGS)) return false;
      res.writeHead(200, { 'Content-Type': contentType });
      res.end(body);
      return true;
    });
    try {
      const viaProxy = new WebexClient({ baseUrl: proxy.url, token: TOKEN, sleep: async () => undefined });
      const plan = await planOrgs(viaProxy, orgs);
      expect(renderPlanText(plan)).not.toMatch(/No changes/);
      expect(plan.changes).toEqual([]);
      expect(plan.unknown).toHaveLength(1);
      expect(plan.unknown[0]!.reason).toMatch(new RegExp(`^GET ${SETTINGS}\\?siteUrl=riverside-clinic\\.webex\\.com answered 200 with .*content type ${contentType}`));
    } finally {
      await proxy.close();
    }
  });

  test('a read-back that cannot be read never verifies a write', async () => {
    const orgs = clinicManifest().orgs;
    const direct = new WebexClient({ baseUrl: sim.url, token: TOKEN, sleep: async () => undefined });
    const plan = await planOrgs(direct, orgs);
    let settingsReads = 0;
    const proxy = await startRewritingProxy(sim.url, (req, res) => {
      // apply re-reads before writing (first GET), then reads back after the PATCH: break only the read-back.
      if (req.method !== 'GET' || !req.url?.startsWith(SETTINGS) || ++settingsReads < 2) return false;
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html></html>');
      return true;
    });
    try {
      const viaProxy = new WebexClient({ baseUrl: proxy.url, token: TOKEN, sleep: async () => undefined });
      await expect(applyPlan(viaProxy, plan)).rejects.toThrow(/answered 200 with a body that is not JSON \(content type text\/html/);
    } finally {
      await proxy.close();
    }
  });
});
