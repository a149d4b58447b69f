import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson, Manifest } from '../../manifest';
import type { RunningSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { runCli } from '../helpers/run-cli';
import { startClinicWith } from '../hostile/seeded-simulator';

const TOKEN = 'entry-errors-cli-token-81c2';
const SITE = 'riverside-clinic.webex.com';
/** A session type of the site whose names try to clear the screen and reverse what follows. */
const HOSTILE_SHORT_NAME = 'E2E\u001b[2J';
const HOSTILE_NAME = 'Evil \u202eEnd to End\u001b]8;;http://x\u0007';

jest.setTimeout(120_000);

/**
 * An error about a declared entry, as someone who wrote the manifest by hand reads it through the real
 * CLI: one line naming the entry's construct path and manifest key, what failed, and the fix in manifest
 * field names, never a construct prop; Webex's text in it escaped.
 */
describe('errors about a declared entry, through the real CLI against the simulator', () => {
  let sim: RunningSimulator;
  let work: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    sim = await startClinicWith(TOKEN, (seed) => {
      seed.sites[0]!.sessionTypes.push({ id: '901', shortName: HOSTILE_SHORT_NAME, name: HOSTILE_NAME, type: 'meeting' });
    });
    work = mkdtempSync(join(tmpdir(), 'webex-iac-entry-errors-'));
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(work, 'state'), WEBEX_IAC_EVIDENCE_DIR: join(work, 'evidence'), NO_COLOR: '1' };
  });

  afterEach(async () => {
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function planError(edit: (manifest: Manifest) => void): Promise<string> {
    const manifest = clinicManifest();
    edit(manifest);
    const file = join(work, 'webex-manifest.json');
    writeFileSync(file, canonicalJson(manifest));
    const run = await runCli(['plan', '--manifest', file], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    // Nothing a terminal would act on, nothing a construct calls it, and no stack trace.
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(run.stderr).not.toMatch(/sessionTypeShortName|sessionTypeName|SiteOverrides|\bat .*\.ts:\d+/);
    return lines[0]!;
  }

  test('an E2EE session type the site does not have: the entry, its sessionType field, the site\'s types escaped', async () => {
    const line = await planError((m) => {
      m.orgs[0]!.sites[0]!.settings.endToEndEncryption = { path: 'clinic/RiversideClinic/MainSite/E2ee', sessionType: { shortName: 'NOPE' } };
    });
    expect(line).toMatch(
      /^Error: clinic\/RiversideClinic\/MainSite\/E2ee \(settings\.endToEndEncryption of site riverside-clinic\.webex\.com\): the site has no session type matching sessionType\.shortName "NOPE" \(its session types: .+\); enable end-to-end encryption on the site \(Control Hub\), or name the type to assign in sessionType\.shortName or sessionType\.name$/,
    );
    // The hostile type is listed, its control characters shown, not obeyed.
    expect(line).toContain('901 "Evil \\u202eEnd to End\\u001b]8;;http://x\\u0007" (E2E\\x1b[2J)');
  });

  test('an E2EE match that names two session types: which entry, and sessionType.shortName as the fix', async () => {
    const line = await planError((m) => {
      m.orgs[0]!.sites[0]!.settings.endToEndEncryption = { path: 'clinic/RiversideClinic/MainSite/E2ee', sessionType: { nameContains: 'End to End' } };
    });
    expect(line).toMatch(/^Error: clinic\/RiversideClinic\/MainSite\/E2ee \(settings\.endToEndEncryption of site riverside-clinic\.webex\.com\): 2 session types match sessionType\.nameContains "End to End": .+; name the one to assign in sessionType\.shortName$/);
    expect(line).toContain('\\x1b[2J');
  });

  test('a site the token does not administer: the site entry and its siteUrl', async () => {
    const line = await planError((m) => {
      m.orgs[0]!.sites[0]!.siteUrl = 'elsewhere.webex.com';
    });
    expect(line).toBe(
      `Error: clinic/RiversideClinic/MainSite (siteUrl elsewhere.webex.com of org "Riverside Family Clinic"): not a Meetings site this token administers (its sites: ${SITE}); set the site's siteUrl to one of them, or use a token of an administrator of that site`,
    );
  });

  test('password criteria while the site keeps strong passwords off: meetingSecurity and requireStrongPassword', async () => {
    const line = await planError((m) => {
      m.orgs[0]!.sites[0]!.settings.meetingSecurity = { path: 'clinic/RiversideClinic/MainSite/MeetingSecurity', passwordCriteria: { minLength: 12 } };
    });
    expect(line).toBe(
      `Error: clinic/RiversideClinic/MainSite/MeetingSecurity (settings.meetingSecurity of site ${SITE}): passwordCriteria cannot be applied while requireStrongPassword is false on the site (changing: passwordCriteria.minLength); declare requireStrongPassword: true`,
    );
  });

  test('a host selection naming an email that is no host: a finding in manifest words (hosts.emails), the plan itself goes on', async () => {
    const manifest = clinicManifest();
    manifest.orgs[0]!.sites[0]!.settings.hostLobby = { path: 'clinic/RiversideClinic/MainSite/HostLobby', hosts: { emails: ['nobody\u202e@riverside-clinic.example'] }, schedulingOptions: { enabledJoinBeforeHost: false } };
    const file = join(work, 'webex-manifest.json');
    writeFileSync(file, canonicalJson(manifest));
    const run = await runCli(['plan', '--manifest', file], env);
    expect(run.code).toBe(0);
    const finding = run.stdout.split('\n').find((line) => line.includes('not a host'));
    expect(finding).toContain(`person nobody\\u202e@riverside-clinic.example on ${SITE}: is listed in hosts.emails but is not a host of ${SITE}; nothing is read or changed for it: remove it from hosts.emails`);
    expect(run.stdout).not.toContain('\u202e');
  });

  test('a declared entry the observation does not hold (a saved plan whose observation was cut): the entry, and nothing written', async () => {
    const file = join(work, 'webex-manifest.json');
    writeFileSync(file, canonicalJson(clinicManifest()));
    const planFile = join(work, 'plan.json');
    expect((await runCli(['plan', '--manifest', file, '--out', planFile, '--quiet'], env)).code).toBe(0);
    const saved = JSON.parse(readFileSync(planFile, 'utf8'));
    delete saved.observed[0].sites[SITE].meetingSecurity;
    writeFileSync(planFile, JSON.stringify(saved));
    const writes = () => sim.exchanges.filter((e) => e.method !== 'GET').length;
    const before = writes();
    const apply = await runCli(['apply', planFile, '--auto-approve'], env);
    expect(apply.code).not.toBe(0);
    expect(apply.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(apply.stderr).toContain(
      `its declaration and observations do not make a plan (clinic/RiversideClinic/MainSite/MeetingSecurity (settings.meetingSecurity of site ${SITE}): was not read, so nothing can be planned for it; plan again from a fresh read (webex-iac plan)`,
    );
    expect(writes()).toBe(before);
  });
});
