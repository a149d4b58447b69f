import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectOrgs, shardOf } from '../../cli/selection';
import { canonicalJson, Manifest } from '../../manifest';
import { applyPlan, planOrgs, RequestScheduler, WebexClient } from '../../provisioning';
import { HEALTH_SYSTEM, RunningSimulator, startSimulator } from '../../simulator';
import { runCli } from '../helpers/run-cli';

const TOKEN = 'site-shards-token-5c2e';
const SITES = [1, 2, 3].map((n) => HEALTH_SYSTEM.siteUrl(1, n));
/** Realistic Webex latency: wide enough for the default-site switches of three jobs to interleave. */
const LATENCY_MS = 300;

/** A name for org 1 under which `--shard i/3` picks exactly one of its three sites for each i. */
function orgNameSplittingSites(): string {
  for (let n = 1; ; n++) {
    const name = `Sharded Org ${n}`;
    const shards = SITES.map((site) => shardOf(`${name}\u0000${site}`, 3));
    if (new Set(shards).size === 3) return name;
  }
}

/** Each site declares its own password rules, so a write that lands on the wrong site shows. */
function valuesOf(site: number) {
  return { joinBeforeHost: false, audioBeforeHost: false, requireStrongPassword: true, passwordCriteria: { minLength: 8 + site, minNumeric: site, minSpecial: site } };
}

function manifest(name: string): Manifest {
  return {
    formatVersion: 1,
    stack: 'shards',
    orgs: [
      {
        path: 'shards/Org',
        name,
        orgId: HEALTH_SYSTEM.orgId(1),
        settings: {},
        sites: SITES.map((siteUrl, i) => ({
          path: `shards/Org/Site${i + 1}`,
          siteUrl,
          settings: { meetingSecurity: { path: `shards/Org/Site${i + 1}/MeetingSecurity`, ...valuesOf(i + 1) } },
        })),
      },
    ],
  };
}

async function webex<T>(sim: RunningSimulator, path: string): Promise<T> {
  const response = await fetch(`${sim.url}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  return (await response.json()) as T;
}

async function defaultSite(sim: RunningSimulator): Promise<string | undefined> {
  const { sites } = await webex<{ sites: { siteUrl: string; default: boolean }[] }>(sim, '/v1/meetingPreferences/sites');
  return sites.find((s) => s.default)?.siteUrl;
}

describe.each(['ignored', 'honoured'] as const)('three sharded applies of one org at once, PATCH siteUrl %s', (patchSiteUrl) => {
  let sim: RunningSimulator;
  let dir: string;

  beforeEach(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'health-system', size: { orgs: 1, sites: 3, users: 2 }, latencyMs: LATENCY_MS, patchSiteUrl });
    dir = mkdtempSync(join(tmpdir(), 'webex-iac-site-shards-'));
  });
  afterEach(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function expectEachSiteHoldsItsOwnValues(): Promise<void> {
    for (const [i, site] of SITES.entries()) {
      const { securityOptions } = await webex<{ securityOptions: Record<string, unknown> }>(sim, `/v1/admin/meeting/config/commonSettings?siteUrl=${site}`);
      expect({ site, ...securityOptions }).toMatchObject({ site, ...valuesOf(i + 1) });
    }
  }

  test('three clients of one token, one shard each, started together: every site holds its own values, default unchanged', async () => {
    const orgs = manifest(orgNameSplittingSites()).orgs;
    const before = await defaultSite(sim);
    const stateDir = join(dir, 'state');
    const shards = [1, 2, 3].map((index) => selectOrgs(orgs, { shard: { index, count: 3 } }));
    expect(shards.map((selected) => selected[0]!.sites.length)).toEqual([1, 1, 1]);
    // Separate clients and schedulers: nothing in this process serialises them but what the site write itself does.
    const results = await Promise.allSettled(
      shards.map(async (selected) => {
        const client = new WebexClient({ baseUrl: sim.url, token: TOKEN, scheduler: new RequestScheduler({}) });
        return applyPlan(client, await planOrgs(client, selected, { stateDir }), { stateDir });
      }),
    );
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
    await expectEachSiteHoldsItsOwnValues();
    expect(await defaultSite(sim)).toBe(before);
  });

  // Separate processes share nothing but the machine: the harder reading only, to keep the suite's time reasonable.
  const cliTest = patchSiteUrl === 'ignored' ? test : test.skip;
  cliTest('three CLI processes, --shard 1/3, 2/3, 3/3 at once: every site holds its own values, default unchanged', async () => {
    const file = join(dir, 'webex-manifest.json');
    writeFileSync(file, canonicalJson(manifest(orgNameSplittingSites())));
    const before = await defaultSite(sim);
    expect(before).toBe(SITES[0]);

    const env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(dir, 'state'), WEBEX_IAC_EVIDENCE_DIR: join(dir, 'evidence') };
    const runs = await Promise.all(['1/3', '2/3', '3/3'].map((shard) => runCli(['apply', '--manifest', file, '--shard', shard, '--auto-approve', '--quiet'], env, dir)));
    for (const run of runs) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });

    await expectEachSiteHoldsItsOwnValues();
    expect(await defaultSite(sim)).toBe(before);
  });

  test('the first default-site switch is applied but its answer is lost: the write still lands, and the default is restored', async () => {
    const orgs = selectOrgs(manifest('Lost Switch').orgs, { site: SITES[1] });
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN });
    const before = await defaultSite(sim);
    const stateDir = join(dir, 'state');
    const plan = await planOrgs(client, orgs, { stateDir });
    sim.injectFault({ method: 'PUT', path: '/v1/meetingPreferences/sites', kind: 'lose-response', times: 1 });
    const outcome = await applyPlan(client, plan, { stateDir }).then(() => 'applied', (error: Error) => error.message);
    expect(await defaultSite(sim)).toBe(before);
    expect(outcome).toBe('applied');
    const { securityOptions } = await webex<{ securityOptions: Record<string, unknown> }>(sim, `/v1/admin/meeting/config/commonSettings?siteUrl=${SITES[1]}`);
    expect(securityOptions).toMatchObject(valuesOf(2));
    expect(sim.exchanges.filter((e) => e.method === 'PUT' && e.fault === 'lose-response')).toHaveLength(1);
  });
});
