import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PREFERENCE_CONTROL_KEYS, readManifest } from '../../manifest';
import type { Plan } from '../../provisioning';
import { RunningSimulator, startSimulator, SimulatorOptions } from '../../simulator';
import { CLINIC } from '../../simulator/seeds/clinic';
import { HEALTH_SYSTEM } from '../../simulator/seeds/health-system';
import { REPO, runCli, withoutProgress } from '../helpers/run-cli';

const TOKEN = 'import-token-3c9e51';
const READ_ONLY = 'import-people-only-7a2f';

/**
 * A project folder outside the repository, as a user's would be: the imported program as main.ts, a
 * tsconfig extending the project's (strict), a cdktf.json, and node_modules linked to the project's.
 */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'webex-iac-import-'));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: join(REPO, 'tsconfig.json'), include: ['main.ts'] }));
  writeFileSync(join(dir, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: `node ${join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs')} main.ts` }));
  return dir;
}

function typeCheck(dir: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/**
 * import → type-check → synth → plan against the org it came from. Returns the plan and the manifest.
 * Then apply (it may write only the two write-only settings) and plan again: "No changes".
 */
async function roundTrip(sim: RunningSimulator, dir: string, importArgs: string[], stack: string) {
  const env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(dir, 'state') };
  const program = join(dir, 'main.ts');

  const imported = await runCli(['import', ...importArgs, '--out', program, '--quiet'], env);
  expect(withoutProgress(imported.stderr)).toBe('');
  expect(imported.code).toBe(0);
  expect(imported.stdout).toMatch(/^Imported org /);
  expect(imported.stdout).toContain('Round trip, planned in memory against what was read: no change of a readable setting');
  expect(imported.stdout).toContain('Hardening ahead: what the org as read fails under hipaa-current');

  // It compiles under the project's strict tsconfig.
  const checked = typeCheck(dir);
  expect(checked.output).toBe('');
  expect(checked.status).toBe(0);

  // It synthesizes (with the policy step, which a brownfield org fails: --allow-noncompliant).
  const synth = await runCli(['synth', '--output', join(dir, 'cdktf.out'), '--allow-noncompliant'], env, dir);
  expect(synth.code).toBe(0);
  expect(synth.stdout).toContain('WARNING (--allow-noncompliant)');
  const manifestFile = join(dir, 'cdktf.out', 'stacks', stack, 'webex-manifest.json');

  // It plans no change of a readable setting: only the write-only settings, which Webex cannot read.
  const planned = await runCli(['plan', '--manifest', manifestFile, '--format', 'json', '--quiet'], env);
  expect(planned.code).toBe(0);
  const plan = JSON.parse(planned.stdout) as Plan;
  expect(plan.changes.map((c) => [c.setting, c.action, c.writeOnly === true])).toEqual([
    ['passwordPolicy', 'enforce', true],
    ['mfa', 'enforce', true],
  ]);

  // Enforcing them writes nothing else, and then the org matches its imported declaration exactly.
  const writesBefore = sim.exchanges.filter((e) => e.method !== 'GET').length;
  const applied = await runCli(['apply', '--manifest', manifestFile, '--auto-approve', '--quiet'], env);
  expect(applied.code).toBe(0);
  expect(sim.exchanges.filter((e) => e.method !== 'GET').slice(writesBefore).map((e) => `${e.method} ${e.url.replace(/organizations\/[^/]+/, 'organizations/{orgId}')}`)).toEqual([
    'PATCH /identity/organizations/{orgId}/passwordPolicy',
    'PATCH /identity/organizations/{orgId}/authenticationConfig',
  ]);
  const again = await runCli(['plan', '--manifest', manifestFile, '--detailed-exitcode'], env);
  expect(again.stdout).toContain('No changes.');
  expect(again.code).toBe(0);
  return { plan, manifest: readManifest(manifestFile), source: readFileSync(program, 'utf8') };
}

describe('webex-iac import against the simulator, over real HTTP', () => {
  const dirs: string[] = [];
  let sim: RunningSimulator | undefined;
  const start = async (options: Partial<SimulatorOptions> = {}) => {
    sim = await startSimulator({ tokens: { [TOKEN]: {}, [READ_ONLY]: { scopes: ['spark-admin:organizations_read', 'spark:people_read', 'spark-admin:people_read', 'meeting:preferences_read'] } }, ...options });
    return sim;
  };
  const tempProject = () => {
    const dir = project();
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  test('clinic seed: the imported program compiles, synthesizes and plans no changes against the org it came from', async () => {
    const running = await start({ seed: 'clinic' });
    const { manifest, source } = await roundTrip(running, tempProject(), [], 'riverside-family-clinic');

    const org = manifest.orgs[0]!;
    expect(org).toMatchObject({ name: CLINIC.orgName, orgId: CLINIC.orgId });
    expect(org.sites.map((s) => s.siteUrl)).toEqual([CLINIC.siteUrl]);
    // What exists, not the HIPAA defaults: the site as open as it is, the common lobby, seven exceptions.
    expect(org.sites[0]!.settings.meetingSecurity).toMatchObject({ joinBeforeHost: true, unlistAllMeetings: false, requireStrongPassword: false });
    expect(org.sites[0]!.settings.hostLobby).toMatchObject({ personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 10, enabledNotifyHost: true } });
    expect(org.sites[0]!.settings.hostLobby?.hosts?.exemptEmails).toHaveLength(7);
    expect(org.sites[0]!.settings.endToEndEncryption).toBeUndefined();
    expect(org.settings.adminAccess?.allowedAdmins).toContain('former.contractor@riverside-clinic.example');
    expect(source).toContain('// TODO(attestation) Business Associate Agreement with Cisco');
  }, 120_000);

  test('health-system seed of a few hundred hosts per site: the same round trip, one org of two', async () => {
    const running = await start({ seed: 'health-system', size: { orgs: 2, sites: 2, users: 300 } });
    const { manifest, source } = await roundTrip(running, tempProject(), ['--org', HEALTH_SYSTEM.orgName(1)], 'health-system-org-1');

    const org = manifest.orgs[0]!;
    // Org 2's sites are not org 1's, although the token's user holds host accounts there too.
    expect(org.sites.map((s) => s.siteUrl)).toEqual([HEALTH_SYSTEM.siteUrl(1, 1), HEALTH_SYSTEM.siteUrl(1, 2)]);
    const exempt = org.sites.map((s) => s.settings.hostLobby?.hosts?.exemptEmails?.length ?? 0);
    expect(exempt.every((n) => n > 50 && n < 150)).toBe(true);
    // Hosts with a meeting-preference flag on (the AI Assistant by default, auto-shared recordings) are exempt from that control.
    const flagExempt = org.sites.flatMap((s) => PREFERENCE_CONTROL_KEYS.map((key) => (s.settings[key] as { hosts?: { exemptEmails?: string[] } } | undefined)?.hosts?.exemptEmails?.length ?? 0));
    expect(flagExempt.every((n) => n > 10 && n < 50)).toBe(true);
    // Grouped: about one line per exception, not one block per host.
    expect(source.split('\n').length).toBeLessThan(200 + [...exempt, ...flagExempt].reduce((a, b) => a + b, 0) + 10);
  }, 300_000);

  describe('refusals: one line on stderr, exit 1, nothing written', () => {
    const run = async (args: string[], token = TOKEN) => {
      const running = sim ?? (await start({ seed: 'health-system', size: { orgs: 2, sites: 1, users: 3 } }));
      return runCli(['import', ...args, '--quiet'], { WEBEX_BASE_URL: running.url, WEBEX_TOKEN: token });
    };
    const expectRefusal = (result: { code: number; stdout: string; stderr: string }, message: RegExp) => {
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr.trimEnd()).toMatch(message);
    };

    test('an unknown org', async () => {
      expectRefusal(await run(['--org', 'Nobody Clinic']), /^Error: org "Nobody Clinic" is not visible to this token; visible orgs: "Health System Org 1" \(.+\), "Health System Org 2" \(.+\)$/);
    });

    test('an unknown org id', async () => {
      expectRefusal(await run(['--org-id', 'no-such-org']), /^Error: org id no-such-org is not visible to this token; visible orgs: /);
    });

    test('no org named while the token sees several', async () => {
      expectRefusal(await run([]), /^Error: this token sees 2 orgs: pass --org NAME or --org-id ID; visible orgs: /);
    });

    test('a site the token does not administer, and a site of another org', async () => {
      expectRefusal(await run(['--org', HEALTH_SYSTEM.orgName(1), '--site', 'elsewhere.webex.com']), /^Error: site elsewhere\.webex\.com is not a Meetings site this token administers; its sites: hs1-site1\.webex\.com, hs2-site1\.webex\.com$/);
      expectRefusal(await run(['--org', HEALTH_SYSTEM.orgName(2), '--site', HEALTH_SYSTEM.siteUrl(1, 1)]), /^Error: site hs1-site1\.webex\.com is not a site of org "Health System Org 2" \(none of its people has a role there\); sites of the org: hs2-site1\.webex\.com$/);
    });

    test('a token without the scopes import reads with', async () => {
      expectRefusal(await run(['--org', HEALTH_SYSTEM.orgName(1)], READ_ONLY), /^Error: the token may not read what import needs: GET \/v1\/.+ answered 403: .*lacks the scope .*; import reads with the scopes spark-admin:organizations_read, .*identity:people_read, meeting:admin_schedule_read$/);
    });

    test('an output file that exists, unless --force; --force replaces it atomically', async () => {
      const dir = tempProject();
      const out = join(dir, 'main.ts');
      writeFileSync(out, '// hand-written\n');
      expectRefusal(await run(['--org', HEALTH_SYSTEM.orgName(1), '--out', out]), /^Error: .*main\.ts exists: pass --force to overwrite it$/);
      expect(readFileSync(out, 'utf8')).toBe('// hand-written\n');

      const forced = await run(['--org', HEALTH_SYSTEM.orgName(1), '--out', out, '--force']);
      expect(forced.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toMatch(/^\/\*\*\n \* Health System Org 1, as `webex-iac import` read it\./);
      expect(readdirSync(dir).filter((f) => f.includes('.import-'))).toEqual([]);
    });

    test('without --out the program goes to stdout and the report to stderr', async () => {
      const result = await run(['--org', HEALTH_SYSTEM.orgName(2)]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^\/\*\*\n \* Health System Org 2, as `webex-iac import` read it\./);
      expect(result.stdout).toContain("from './constructs';");
      expect(result.stderr).toMatch(/^Imported org "Health System Org 2"/);
    });
  });
});
