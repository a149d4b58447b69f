import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { REPO, runCli } from '../helpers/run-cli';

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/**
 * A cdktf app like main.ts, outside the repository, whose meeting security turns join-before-host back
 * on (a SHALL control) unless told otherwise; EXC_EXPIRES adds an exception for it on the site.
 */
function writeApp(dir: string): void {
  const attested = `{ attestedBy: 'Pat Privacy', attestedOn: '${day(-30)}', expires: '${day(335)}', reference: 'GRC-1' }`;
  writeFileSync(join(dir, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: `${join(REPO, 'node_modules', '.bin', 'tsx')} app.ts` }));
  writeFileSync(
    join(dir, 'app.ts'),
    `import { App } from ${JSON.stringify(join(REPO, 'node_modules', 'cdktf'))};
import { Exceptions, HipaaBaseline, MeetingSite, WebexOrg, WebexStack } from ${JSON.stringify(join(REPO, 'constructs'))};
const A = ${attested};
const app = new App();
const stack = new WebexStack(app, 'clinic', { applyResource: 'terraform_data' });
const org = new WebexOrg(stack, 'RiversideClinic', { name: 'Riverside Family Clinic' });
const site = new MeetingSite(org, 'MainSite', { siteUrl: 'riverside-clinic.webex.com' });
new HipaaBaseline(org, 'HipaaBaseline', {
  meetingSecurity: { joinBeforeHost: process.env.JBH === 'off' ? false : true },
  adminAccess: { allowedAdmins: ['admin@riverside-clinic.example'], maxFullAdmins: 1 },
  attestations: {
    businessAssociateAgreement: { ...A, plan: 'Enterprise', productsCovered: ['Webex Meetings', 'Webex Messaging'], signedOn: '${day(-60)}' },
    messageRetention: { ...A, retentionDays: 2190 }, recordingRetention: { ...A, retentionDays: 2190 },
    siteLobbyPolicy: { ...A, unauthenticatedUsers: 'lobby' }, recordingAccess: { ...A, accessRestrictedTo: 'hosts', downloadAllowed: false },
    aiAssistantCoverage: { ...A, status: 'disabled' }, idleTimeout: { ...A, idleTimeoutMinutes: 15 }, ssoEnforcement: { ...A, identityProvider: 'Okta' },
    dataResidency: { ...A, region: 'United States' }, siteEndToEndEncryption: { ...A, siteUrls: ['riverside-clinic.webex.com'] },
  },
});
if (process.env.EXC_EXPIRES) Exceptions.add(site, [{ ruleId: 'WBX.MEET.1v1', reason: 'Walk-in clinic runs open sessions at the front desk', owner: 'it@riverside-clinic.example', expires: process.env.EXC_EXPIRES }]);
app.synth();
`,
  );
}

describe('webex-iac synth and check: the policy pack before anything touches an org', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'webex-iac-policy-'));
    mkdirSync(join(dir, 'app'));
    writeApp(join(dir, 'app'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the demo (main.ts) synthesizes and passes check in every format, under both profiles', async () => {
    const out = join(dir, 'demo');
    const synth = await runCli(['synth', '--output', out]);
    expect(synth.stderr).toBe('');
    expect(synth.code).toBe(0);
    expect(synth.stdout).toMatch(/^Synthesized 1 stack\(s\): 1 org\(s\), 1 site\(s\)/);
    expect(synth.stdout).toMatch(/^Policy check \(hipaa-current\): Compliant: /m);
    const manifest = join(out, 'stacks', 'clinic', 'webex-manifest.json');

    const check = await runCli(['check', '--manifest', manifest]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/✓ WBX\.GOV\.1v1 SHALL/);
    expect(check.stdout.trimEnd().split('\n').pop()).toMatch(/^Compliant: \d+ pass, 0 fail \(SHALL\)/);

    const nprm = await runCli(['check', '--manifest', manifest, '--profile', 'hipaa-nprm-2025', '--format', 'json']);
    expect(nprm.code).toBe(0);
    expect(JSON.parse(nprm.stdout)).toMatchObject({ command: 'check', profile: { id: 'hipaa-nprm-2025' }, compliant: true, orgs: [{ org: 'Riverside Family Clinic' }] });

    const sarif = await runCli(['check', '--manifest', manifest, '--format', 'sarif']);
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object);
    expect(validate(JSON.parse(sarif.stdout))).toBe(true);

    const md = await runCli(['check', '--manifest', manifest, '--format', 'markdown']);
    expect(md.stdout).toMatch(/^## webex-iac check: ✅ compliant/);
  });

  test('a declaration that turns a SHALL control off fails synth with the rule, citation and construct path, writing nothing', async () => {
    const result = await runCli(['synth', '--output', 'out-fail'], {}, join(dir, 'app'));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Error: the declaration fails the hipaa-current policy pack with 1 problem(s), so out-fail was left as it was: WBX.MEET.1v1 (45 CFR 164.312(a)(1)) at clinic/RiversideClinic/HipaaBaseline/MeetingSecurity: site riverside-clinic.webex.com: joinBeforeHost is true, must be false. Fix the declaration, add an exception with a reason, owner and expiry, or pass --allow-noncompliant\n',
    );
    expect(result.stdout).toContain('✗ WBX.MEET.1v1 SHALL  Attendees cannot join a site\'s meetings before the host [fail]');
    expect(existsSync(join(dir, 'app', 'out-fail'))).toBe(false);
  });

  test('SARIF results point at the line of the program that declared the control, a file the repository holds', async () => {
    const synth = await runCli(['synth', '--output', 'out-sarif', '--allow-noncompliant'], {}, join(dir, 'app'));
    expect(synth.code).toBe(0);
    const manifest = join(dir, 'app', 'out-sarif', 'stacks', 'clinic', 'webex-manifest.json');
    const sarif = JSON.parse((await runCli(['check', '--manifest', manifest, '--format', 'sarif'])).stdout) as {
      runs: [{ artifacts: { location: { uri: string } }[]; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }];
    };
    const program = readFileSync(join(dir, 'app', 'app.ts'), 'utf8').split('\n');
    const lineOf = (text: string) => program.findIndex((l) => l.includes(text)) + 1;
    const jbh = sarif.runs[0].results.find((r) => r.ruleId === 'WBX.MEET.1v1')!.locations[0]!.physicalLocation;
    // MeetingSecurity is created by HipaaBaseline itself: the result points at the line that declared the baseline.
    expect(jbh).toEqual({ artifactLocation: { uri: 'app.ts', index: 0 }, region: { startLine: lineOf("new HipaaBaseline(org, 'HipaaBaseline'") } });
    expect(sarif.runs[0].artifacts.map((a) => a.location.uri)).toEqual(['app.ts']);
    expect(JSON.stringify(sarif)).not.toContain('out-sarif');
  });

  test('an exception with a reason and a future expiry lets it pass, and is listed', async () => {
    const result = await runCli(['synth', '--output', 'out-excepted'], { EXC_EXPIRES: day(30) }, join(dir, 'app'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`  exception WBX.MEET.1v1[riverside-clinic.webex.com] (Riverside Family Clinic) active: "Walk-in clinic runs open sessions at the front desk" valid until ${day(30)}`);
    expect(result.stdout).toContain('excepted: WBX.MEET.1v1[riverside-clinic.webex.com] at clinic/RiversideClinic/HipaaBaseline/MeetingSecurity');
    const manifest = join(dir, 'app', 'out-excepted', 'stacks', 'clinic', 'webex-manifest.json');
    const check = await runCli(['check', '--manifest', manifest, '--format', 'json']);
    expect(check.code).toBe(0);
    const report = JSON.parse(check.stdout) as { orgs: { exceptions: { state: string; matched: string[] }[] }[] };
    expect(report.orgs[0]!.exceptions).toEqual([expect.objectContaining({ state: 'active', matched: ['WBX.MEET.1v1[riverside-clinic.webex.com]'] })]);
  });

  test('the same exception past its expiry does not, and says it expired', async () => {
    const result = await runCli(['synth', '--output', 'out-expired'], { EXC_EXPIRES: day(-1) }, join(dir, 'app'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Error: .*WBX\.MEET\.1v1 \(45 CFR 164\.312\(a\)\(1\)\) at clinic\/RiversideClinic\/HipaaBaseline\/MeetingSecurity/);
    expect(result.stdout).toContain(`WBX.MEET.1v1[riverside-clinic.webex.com] expired: "Walk-in clinic runs open sessions at the front desk" expired on ${day(-1)} and no longer suppresses anything`);
    expect(result.stdout).toContain('exception expired: "Walk-in clinic runs open sessions at the front desk"');
    expect(existsSync(join(dir, 'app', 'out-expired'))).toBe(false);
  });

  test('--allow-noncompliant writes the output and reports the SHALL findings as warnings; check still fails', async () => {
    const result = await runCli(['synth', '--output', 'out-allowed', '--allow-noncompliant'], {}, join(dir, 'app'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('WARNING (--allow-noncompliant): WBX.MEET.1v1 (45 CFR 164.312(a)(1)) at clinic/RiversideClinic/HipaaBaseline/MeetingSecurity');
    const manifest = join(dir, 'app', 'out-allowed', 'stacks', 'clinic', 'webex-manifest.json');
    expect(existsSync(manifest)).toBe(true);
    expect((await runCli(['check', '--manifest', manifest])).code).toBe(1);
  });

  test('a fixed declaration synthesizes over the output it replaces, keeping other files there', async () => {
    const out = join(dir, 'app', 'out-fixed');
    mkdirSync(join(out, 'stacks', 'clinic'), { recursive: true });
    writeFileSync(join(out, 'stacks', 'clinic', 'terraform.tfstate'), '{}');
    const result = await runCli(['synth', '--output', 'out-fixed'], { JBH: 'off' }, join(dir, 'app'));
    expect(result.code).toBe(0);
    expect(existsSync(join(out, 'stacks', 'clinic', 'webex-manifest.json'))).toBe(true);
    expect(readFileSync(join(out, 'stacks', 'clinic', 'terraform.tfstate'), 'utf8')).toBe('{}');
  });

  test('check without a manifest says what to do, in one line', async () => {
    const result = await runCli(['check'], {}, dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Error: no manifest found under cdktf.out/stacks/*/webex-manifest.json: run "webex-iac synth" first or pass --manifest PATH\n');
  });

  test('check refuses an unknown profile', async () => {
    const result = await runCli(['check', '--profile', 'hipaa-2030'], {}, dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/option '--profile <profile>' argument 'hipaa-2030' is invalid. Allowed choices are hipaa-current, hipaa-nprm-2025/);
  });
});
