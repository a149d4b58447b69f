import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdktf';
import { buildManifest, HipaaBaseline, MeetingSecurity, MeetingSite, WebexOrg, WebexStack } from '../../constructs';
import { canonicalJson, MANIFEST_FILE_NAME, orgEntryHash, parseManifest, readManifest } from '../../manifest';

const ROOT = join(__dirname, '..', '..');
const SECRET = 'tok-secret-123';

const created: string[] = [];
/** A fresh temporary folder, removed after the tests. */
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}
afterAll(() => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function declareClinic(stack: WebexStack): void {
  const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
  new MeetingSite(org, 'Site', { siteUrl: 'riverside-clinic.webex.com' });
  const annex = new MeetingSite(org, 'Annex', { siteUrl: 'annex.riverside-clinic.webex.com' });
  new MeetingSecurity(annex, 'Security', { requireStrongPassword: false });
  new HipaaBaseline(org, 'HipaaBaseline');
  new WebexOrg(stack, 'Second', { name: 'Aardvark Health', orgId: 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8y' });
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesBelow(join(dir, name)) : [join(dir, name)]));
}

describe.each(['null_resource', 'terraform_data'] as const)('synth with applyResource %s', (applyResource) => {
  let stack: WebexStack;
  let outdir: string;

  beforeAll(() => {
    stack = new WebexStack(Testing.app(), 'clinic', { applyResource });
    declareClinic(stack);
    outdir = Testing.fullSynth(stack);
  });

  test('writes cdk.tf.json and webex-manifest.json in the stack folder', () => {
    expect(existsSync(join(outdir, 'stacks', 'clinic', 'cdk.tf.json'))).toBe(true);
    expect(existsSync(join(outdir, 'stacks', 'clinic', MANIFEST_FILE_NAME))).toBe(true);
  });

  test('the manifest is canonical JSON (sorted keys) that parses with parseManifest', () => {
    const text = readFileSync(join(outdir, 'stacks', 'clinic', MANIFEST_FILE_NAME), 'utf8');
    const data = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(['formatVersion', 'orgs', 'stack']);
    expect(text).toBe(canonicalJson(data));
    expect(parseManifest(data)).toEqual(buildManifest(stack));
  });

  test('orgs are sorted by name and sites by siteUrl, each entry with its construct path', () => {
    const manifest = readManifest(join(outdir, 'stacks', 'clinic', MANIFEST_FILE_NAME));
    expect(manifest.stack).toBe('clinic');
    expect(manifest.orgs.map((o) => [o.name, o.path, o.orgId])).toEqual([
      ['Aardvark Health', 'clinic/Second', 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8y'],
      ['Riverside Family Clinic', 'clinic/Org', undefined],
    ]);
    expect(manifest.orgs[1]!.sites.map((s) => [s.siteUrl, s.path, s.settings.meetingSecurity?.path])).toEqual([
      ['annex.riverside-clinic.webex.com', 'clinic/Org/Annex', 'clinic/Org/Annex/Security'],
      ['riverside-clinic.webex.com', 'clinic/Org/Site', 'clinic/Org/HipaaBaseline/MeetingSecurity'],
    ]);
  });

  test('cdk.tf.json and the manifest agree on the trigger', () => {
    const tf = readFileSync(join(outdir, 'stacks', 'clinic', 'cdk.tf.json'), 'utf8');
    for (const org of readManifest(join(outdir, 'stacks', 'clinic', MANIFEST_FILE_NAME)).orgs) {
      expect(tf).toContain(`"org_entry_sha256": "${orgEntryHash(org)}"`);
    }
  });
});

test('app.synth() writes both files', () => {
  const outdir = tempDir('webex-iac-synth-');
  const app = Testing.app({ outdir });
  declareClinic(new WebexStack(app, 'clinic'));
  app.synth();
  expect(readdirSync(join(outdir, 'stacks', 'clinic')).sort()).toEqual(['cdk.tf.json', MANIFEST_FILE_NAME]);
  expect(readManifest(join(outdir, 'stacks', 'clinic', MANIFEST_FILE_NAME)).orgs).toHaveLength(2);
});

test('an invalid declaration fails synth and writes no manifest', () => {
  const outdir = tempDir('webex-iac-invalid-');
  const app = Testing.app({ outdir });
  const org = new WebexOrg(new WebexStack(app, 'clinic'), 'Org', { name: 'Riverside Family Clinic' });
  new HipaaBaseline(org, 'HipaaBaseline', { siteOverrides: { 'missing.webex.com': {} } });
  expect(() => app.synth()).toThrow(/siteOverrides names sites that are not in org "Riverside Family Clinic": missing\.webex\.com/);
  expect(existsSync(join(outdir, 'stacks', 'clinic', MANIFEST_FILE_NAME))).toBe(false);
});

test('no environment value set during synth reaches any synthesized file', () => {
  const saved = { WEBEX_TOKEN: process.env.WEBEX_TOKEN, WEBEX_CLIENT_SECRET: process.env.WEBEX_CLIENT_SECRET };
  process.env.WEBEX_TOKEN = SECRET;
  process.env.WEBEX_CLIENT_SECRET = `${SECRET}-client`;
  try {
    for (const applyResource of ['null_resource', 'terraform_data'] as const) {
      const outdir = tempDir('webex-iac-secret-');
      const app = Testing.app({ outdir });
      declareClinic(new WebexStack(app, 'clinic', { applyResource }));
      app.synth();
      const files = filesBelow(outdir);
      expect(files.length).toBeGreaterThanOrEqual(3);
      expect(files.filter((file) => readFileSync(file, 'utf8').includes(SECRET))).toEqual([]);
    }
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
});

describe('main.ts', () => {
  function runMain(env: NodeJS.ProcessEnv): { outdir: string; code: number | null; stderr: string } {
    const outdir = join(tempDir('webex-iac-main-'), 'cdktf.out');
    const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'main.ts'], {
      cwd: ROOT,
      env: { ...process.env, CDKTF_OUTDIR: outdir, WEBEX_TOKEN: SECRET, ...env },
      encoding: 'utf8',
    });
    return { outdir, code: run.status, stderr: run.stderr };
  }

  test('synthesizes the clinic demo in terraform_data mode, with no secret in any file', () => {
    const { outdir, code, stderr } = runMain({ WEBEX_IAC_APPLY_RESOURCE: 'terraform_data', WEBEX_IAC_APPLY_COMMAND: 'node cli/bin.js' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const stackDir = join(outdir, 'stacks', 'clinic');
    const manifest = readManifest(join(stackDir, MANIFEST_FILE_NAME));
    expect(manifest.orgs.map((o) => o.name)).toEqual(['Riverside Family Clinic']);
    expect(manifest.orgs[0]!.sites.map((s) => s.siteUrl)).toEqual(['riverside-clinic.webex.com']);
    expect(manifest.orgs[0]!.sites[0]!.settings.meetingSecurity).toMatchObject({ joinBeforeHost: false, requireLoginBeforeAccess: true, requireStrongPassword: true });

    const tf = readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8');
    expect(tf).toContain('"terraform_data"');
    expect(tf).not.toMatch(/"provider"|required_providers/);
    expect(tf).toContain(`"command": "node cli/bin.js apply --manifest webex-manifest.json --org 'Riverside Family Clinic' --auto-approve"`);
    expect(filesBelow(outdir).filter((file) => readFileSync(file, 'utf8').includes(SECRET))).toEqual([]);
  });

  test('defaults to null_resource', () => {
    const { outdir, code } = runMain({ WEBEX_IAC_APPLY_RESOURCE: '', WEBEX_IAC_APPLY_COMMAND: '' });
    expect(code).toBe(0);
    const tf = readFileSync(join(outdir, 'stacks', 'clinic', 'cdk.tf.json'), 'utf8');
    expect(tf).toContain('"null_resource"');
    expect(tf).toContain('npx --no-install webex-iac apply');
  });

  test('fails on an unknown WEBEX_IAC_APPLY_RESOURCE', () => {
    const { code, stderr } = runMain({ WEBEX_IAC_APPLY_RESOURCE: 'local' });
    expect(code).not.toBe(0);
    expect(stderr).toContain('WEBEX_IAC_APPLY_RESOURCE must be one of null_resource, terraform_data, received: "local"');
  });
});
