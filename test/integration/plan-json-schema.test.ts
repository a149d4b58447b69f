import { IncomingMessage } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { Manifest, Org } from '../../manifest';
import { baselineFromManifest, observeOrgs, planChanges, planOrgs, PLAN_JSON_SCHEMA_FILE, PLAN_JSON_SCHEMA_ID, planJsonSchema, renderPlanJson, renderPlanJsonSchema, WebexClient } from '../../provisioning';
import { HEALTH_SYSTEM, RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { fleetManifest } from '../helpers/fleet-manifest';
import { startRewritingProxy } from '../helpers/rewriting-proxy';
import { samplePlan } from '../helpers/sample-plan';

const COMMITTED = join(__dirname, '..', '..', PLAN_JSON_SCHEMA_FILE);
const TOKEN = 'plan-json-schema-token-3b9e';

jest.setTimeout(180_000);

/** The committed schema, as a consumer of `plan --format json` would load it. */
function validator() {
  return new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(COMMITTED, 'utf8')) as object);
}

function expectValid(json: string): Record<string, unknown> {
  const document = JSON.parse(json) as Record<string, unknown>;
  const validate = validator();
  const valid = validate(document);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  return document;
}

function clinicWithHosts(): Manifest {
  const manifest = clinicManifest();
  manifest.orgs[0]!.sites[0]!.settings.hostLobby = { path: 'clinic/RiversideClinic/MainSite/HostLobby', personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5 } };
  return manifest;
}

const client = (url: string) => new WebexClient({ baseUrl: url, token: TOKEN, sleep: async () => undefined });

describe('the published JSON Schema of plan --format json', () => {
  test('the committed file is up to date with the zod schema (run `npm run schema`), names itself, and every JSON plan names it in $schema', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(renderPlanJsonSchema());
    expect(planJsonSchema()).toMatchObject({ $id: PLAN_JSON_SCHEMA_ID, $schema: 'https://json-schema.org/draft/2020-12/schema' });
    expect(JSON.parse(renderPlanJson(samplePlan())).$schema).toBe(PLAN_JSON_SCHEMA_ID);
    expect(renderPlanJson(samplePlan()).startsWith(`{\n  "$schema": "${PLAN_JSON_SCHEMA_ID}",`)).toBe(true);
  });

  test('ships in the package', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain(PLAN_JSON_SCHEMA_FILE);
  });

  test.each<[string, (plan: Record<string, any>) => void, string]>([
    ['an unknown field on a change', (p) => (p.changes[0].hostPin = '123456'), '/changes/0'],
    ['an origin that is not one', (p) => (p.changes[0].origin = 'someone'), '/changes/0/origin'],
    ['a negative count', (p) => (p.summary.drift = -1), '/summary/drift'],
    ['a group without its positions', (p) => delete p.groups[0].changes, '/groups/0'],
    ['an attribution without its event', (p) => (p.changes[0].attribution = { status: 'audit-event', since: '2026-01-01T00:00:00.000Z', byToken: false }), '/changes/0/attribution'],
    ['a since-last-run status that is not one', (p) => (p.sinceLastRun = { Org: { previousRun: null, summary: { new: 1, still: 0, resolved: 0, regressed: 0 }, items: [{ kind: 'drift', control: 'hostLobby', target: 'org', detail: '', status: 'gone', since: '2026-01-01T00:00:00.000Z' }] } }), '/sinceLastRun/Org/items/0/status'],
  ])('refuses %s', (_, edit, instancePath) => {
    const plan = JSON.parse(renderPlanJson(samplePlan())) as Record<string, any>;
    edit(plan);
    const validate = validator();
    expect(validate(plan)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain(instancePath);
  });

  describe('real plans against the simulator', () => {
    let sim: RunningSimulator | undefined;
    afterEach(async () => {
      await sim?.close();
      sim = undefined;
    });

    test('the clinic: site, host and org changes, findings and attestations', async () => {
      sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
      const manifest = clinicWithHosts();
      manifest.orgs[0]!.settings.adminAccess = { path: 'clinic/RiversideClinic/AdminAccess', allowedAdmins: ['admin@riverside-clinic.example'], revokeUnexpected: false };
      const plan = await planOrgs(client(sim.url), manifest.orgs);
      expect(plan.changes.length).toBeGreaterThan(10);
      expectValid(renderPlanJson(plan));
    });

    test('a fleet: 3 orgs × 3 sites of the health system', async () => {
      sim = await startSimulator({ tokens: [TOKEN], seed: 'health-system', size: { orgs: 3, sites: 3, users: 40 } });
      const plan = await planOrgs(client(sim.url), fleetManifest({ orgs: 3, sites: 3 }).orgs);
      expect(plan.orgs).toEqual([1, 2, 3].map((o) => HEALTH_SYSTEM.orgName(o)));
      expect(plan.changes.length).toBeGreaterThan(300);
      expectValid(renderPlanJson(plan));
    });

    test('with targets that could not be read', async () => {
      sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
      const isPeopleList = (req: IncomingMessage) => req.method === 'GET' && /^\/v1\/people\?/.test(req.url ?? '');
      const odd = (body: string) => {
        const page = JSON.parse(body) as { items: Record<string, unknown>[] };
        page.items[0]!.roles = 'Full_Admin';
        return JSON.stringify(page);
      };
      const proxy = await startRewritingProxy(sim.url, { rewrite: (req, body) => (isPeopleList(req) ? odd(body) : undefined) });
      try {
        const plan = await planOrgs(client(proxy.url), clinicWithHosts().orgs);
        expect(plan.unknown.length).toBeGreaterThan(0);
        const json = expectValid(renderPlanJson(plan));
        expect((json.summary as { unknown: number }).unknown).toBe(plan.unknown.length);
      } finally {
        await proxy.close();
      }
    });

    test('with drift labels: a baseline, drift that weakened the org, and a changed declaration', async () => {
      sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
      const baseline = clinicWithHosts();
      const declared = clinicWithHosts();
      declared.orgs[0]!.sites[0]!.settings.meetingSecurity!.passwordCriteria!.minNumeric = 2;
      // The live org differs from both: every change is drift or from the declaration, some fields of both.
      const orgs: Org[] = declared.orgs;
      const observed = await observeOrgs(client(sim.url), orgs);
      const plan = planChanges(orgs, observed, { baseline: baselineFromManifest(baseline.orgs) });
      expect(new Set(plan.changes.map((c) => c.origin))).toEqual(new Set(['drift']));
      expect(plan.changes.some((c) => c.fieldOrigins && Object.values(c.fieldOrigins).includes('declaration'))).toBe(true);
      expect(plan.summary.driftWeakening).toBeGreaterThan(0);
      const json = expectValid(renderPlanJson(plan));
      expect((json.groups as { origin: string }[]).every((g) => g.origin === 'drift')).toBe(true);
    });
  });
});
