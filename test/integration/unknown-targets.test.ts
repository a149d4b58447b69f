import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IncomingMessage } from 'node:http';
import { Manifest } from '../../manifest';
import { planOrgs, renderPlanMarkdown, renderPlanText, WebexClient } from '../../provisioning';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { startRewritingProxy } from '../helpers/rewriting-proxy';
import { runCli } from '../helpers/run-cli';

const TOKEN = 'integration-token-unknown-77d';
const SITE = 'riverside-clinic.webex.com';
const SETTINGS = '/v1/admin/meeting/config/commonSettings';

/** The clinic, hardened, with a host-lobby control: plans read every host of the site from the people list. */
function manifestWithHosts(): Manifest {
  const manifest = clinicManifest();
  manifest.orgs[0]!.sites[0]!.settings.hostLobby = { path: 'clinic/RiversideClinic/MainSite/HostLobby', personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5 } };
  return manifest;
}

const isPeopleList = (req: IncomingMessage) => req.method === 'GET' && /^\/v1\/people\?/.test(req.url ?? '');

/**
 * Live records the simulator never sends: one that Cisco's spec allows (no `emails`, `null` optional
 * fields) and one that it does not (`roles` a string: who is an admin would be guessed).
 */
function oddPeople(body: string): string {
  const page = JSON.parse(body) as { items: Record<string, unknown>[] };
  const [first, second, third] = page.items;
  first!.roles = 'Full_Admin';
  delete second!.emails;
  third!.displayName = null;
  third!.lastActivity = null;
  third!.invitePending = null;
  third!.phoneNumbers = null;
  return JSON.stringify(page);
}

describe('a record that cannot be understood makes its target unknown, never converged', () => {
  let sim: RunningSimulator;
  let dir: string;
  beforeEach(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    dir = mkdtempSync(join(tmpdir(), 'webex-iac-unknown-'));
  });
  afterEach(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('one odd person does not abort the org\'s read: it is the one unknown target, and a null or a missing email is read', async () => {
    const proxy = await startRewritingProxy(sim.url, { rewrite: (req, body) => (isPeopleList(req) ? oddPeople(body) : undefined) });
    try {
      const client = new WebexClient({ baseUrl: proxy.url, token: TOKEN, sleep: async () => undefined });
      const plan = await planOrgs(client, manifestWithHosts().orgs);
      // The person with a string for roles is unknown; the host without an email cannot be read per host;
      // the person with nulls is read like any other.
      expect(plan.unknown).toHaveLength(2);
      const [odd, noEmail] = [plan.unknown.find((u) => u.setting === 'people')!, plan.unknown.find((u) => u.setting === 'hostLobby')!];
      expect(odd).toMatchObject({ org: 'Riverside Family Clinic', target: { kind: 'person', email: 'admin@riverside-clinic.example' } });
      expect(odd.reason).toMatch(/^GET \/v1\/people: person 1 of a page is outside Cisco's spec \(roles: .*\) \(trackingId /);
      expect(noEmail.reason).toMatch(/^person \S+ has no email address; Webex reads per-host settings by email$/);
      expect(plan.summary.unknown).toBe(2);
      // The other hosts were read and planned.
      expect(plan.changes.filter((c) => c.setting === 'hostLobby').length).toBeGreaterThan(5);
      expect(renderPlanText(plan)).toMatch(/Could not read 2 targets: /);
    } finally {
      await proxy.close();
    }
  });

  test('an admin record that cannot be understood makes adminAccess unknown for that person, not an aborted read or a pass', async () => {
    const manifest = clinicManifest();
    manifest.orgs[0]!.settings.adminAccess = { path: 'clinic/RiversideClinic/AdminAccess', allowedAdmins: ['admin@riverside-clinic.example', 'it.lead@riverside-clinic.example'], maxFullAdmins: 2, revokeUnexpected: false };
    const isAdminList = (req: IncomingMessage) => isPeopleList(req) && /[?&]roles=/.test(req.url ?? '');
    const oddAdmin = (body: string) => {
      const page = JSON.parse(body) as { items: Record<string, unknown>[] };
      if (page.items[0]) page.items[0].roles = 'Full_Admin';
      return JSON.stringify(page);
    };
    const proxy = await startRewritingProxy(sim.url, { rewrite: (req, body) => (isAdminList(req) ? oddAdmin(body) : undefined) });
    try {
      const client = new WebexClient({ baseUrl: proxy.url, token: TOKEN, sleep: async () => undefined });
      const plan = await planOrgs(client, manifest.orgs);
      const admins = plan.unknown.filter((u) => u.setting === 'adminAccess');
      expect(admins.length).toBeGreaterThan(0);
      expect(admins[0]).toMatchObject({ org: 'Riverside Family Clinic', target: { kind: 'person' } });
      expect(admins[0]!.reason).toMatch(/^GET \/v1\/people: person 1 of a page is outside Cisco's spec \(roles: /);
      // The rest of the org was read and planned.
      expect(plan.changes.some((c) => c.setting === 'meetingSecurity')).toBe(true);
      expect(renderPlanText(plan)).not.toMatch(/No changes/);
    } finally {
      await proxy.close();
    }
  });

  describe('meeting security answered with a proxy\'s HTML page, on a converged org', () => {
    let proxy: { url: string; close(): Promise<void> };
    let manifestFile: string;
    let env: NodeJS.ProcessEnv;
    beforeEach(async () => {
      const manifest = clinicManifest();
      manifestFile = join(dir, 'webex-manifest.json');
      writeFileSync(manifestFile, JSON.stringify(manifest));
      env = { WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(dir, 'state'), WEBEX_IAC_EVIDENCE_DIR: join(dir, 'evidence') };
      // Converge first, straight to the simulator: the true answer would be "No changes".
      expect((await runCli(['apply', '--manifest', manifestFile, '--auto-approve'], { ...env, WEBEX_BASE_URL: sim.url })).code).toBe(0);
      expect((await runCli(['plan', '--manifest', manifestFile], { ...env, WEBEX_BASE_URL: sim.url })).stdout).toMatch(/^No changes\./m);
      proxy = await startRewritingProxy(sim.url, (req, res) => {
        if (req.method !== 'GET' || !req.url?.startsWith(SETTINGS)) return false;
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html><body>Proxy login</body></html>');
        return true;
      });
      env = { ...env, WEBEX_BASE_URL: proxy.url };
    });
    afterEach(() => proxy.close());

    test('plan lists it, never says "No changes", exits 1 even with --detailed-exitcode, and saves nothing', async () => {
      const run = await runCli(['plan', '--manifest', manifestFile, '--detailed-exitcode', '--out', join(dir, 'plan.json')], env);
      expect(run.code).toBe(1);
      expect(run.stdout).not.toMatch(/No changes/);
      expect(run.stdout).toMatch(new RegExp(`^Could not read 1 target: .*\\n  \\? site ${SITE.replace(/\./g, '\\.')} \\(meetingSecurity\\): GET ${SETTINGS}\\?siteUrl=${SITE.replace(/\./g, '\\.')} answered 200 with a body that is not JSON \\(content type text/html`, 'm'));
      expect(run.stdout).toMatch(/^Unknown: could not read 1 target; no changes in the rest \(0 settings checked\)\.$/m);
      expect(run.stderr).toMatch(/^Error: could not read 1 target \(listed in the plan\); their state is unknown, so the plan was not saved to .*plan\.json\n$/);
      expect(() => JSON.parse(require('node:fs').readFileSync(join(dir, 'plan.json'), 'utf8'))).toThrow();
    });

    test('the JSON and markdown plans carry the unknown target', async () => {
      const json = await runCli(['plan', '--manifest', manifestFile, '--format', 'json'], env);
      expect(json.code).toBe(1);
      const plan = JSON.parse(json.stdout);
      expect(plan.unknown).toEqual([{ org: 'Riverside Family Clinic', target: { kind: 'site', siteUrl: SITE }, setting: 'meetingSecurity', reason: expect.stringMatching(/content type text\/html/) }]);
      expect(plan.summary).toMatchObject({ changes: 0, unknown: 1, unchangedSettings: 0 });
      const markdown = renderPlanMarkdown(plan);
      expect(markdown).toMatch(/\*\*Could not read 1 target:\*\*/);
      expect(markdown).not.toMatch(/No changes/);
    });

    test('apply exits 1, never "No changes", when a target could not be read', async () => {
      const run = await runCli(['apply', '--manifest', manifestFile, '--auto-approve'], env);
      expect(run.code).toBe(1);
      expect(run.stdout).not.toMatch(/No changes/);
      expect(run.stderr).toMatch(/^Error: could not read 1 target \(listed in the plan\); their state is unknown/);
    });

    test('drift exits 1, not 0', async () => {
      const run = await runCli(['drift', '--manifest', manifestFile], env);
      expect(run.code).toBe(1);
      expect(run.stdout).not.toMatch(/No drift/);
      expect(run.stdout).toMatch(/Could not read 1 target/);
    });

    test('assess reports the rules it bears on as errors, not passes, and is not compliant', async () => {
      const run = await runCli(['assess', '--manifest', manifestFile, '--format', 'json'], env);
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout);
      expect(report.compliant).toBe(false);
      const siteRules = report.orgs[0].results.filter((r: { ruleId: string }) => /^WBX\.MEET\./.test(r.ruleId));
      expect(siteRules.length).toBeGreaterThan(0);
      for (const rule of siteRules) expect(rule.status).not.toBe('pass');
      expect(siteRules.filter((r: { status: string }) => r.status === 'error').length).toBeGreaterThanOrEqual(siteRules.length - 1);
      const errors = report.orgs[0].results.filter((r: { status: string }) => r.status === "error");
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0].error).toMatch(/could not read 1 target: site riverside-clinic\.webex\.com \(meetingSecurity\): GET /);
    });
  });
});
