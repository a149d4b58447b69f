import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdktf';
import { HipaaBaseline, MeetingSite, WebexOrg, WebexStack } from '../../constructs';

// End to end through the real Terraform CLI, offline: terraform_data needs no provider download.
const hasTerraform = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
const maybe = hasTerraform ? describe : describe.skip;

const SECRET = 'tok-secret-123';
/** Quotes, a shell command, dollar and percent signs, all of which must reach the CLI unchanged (template sequences such as ${ and %{ are refused by WebexOrg). */
const ORG_NAME = `O'Brien "Clinic"; rm -rf / $HOME $(id) 100% {done}`;

/** A stand-in for the CLI: records its arguments, its working folder and a hash of the token it got. */
const RECORDER = `
const fs = require('node:fs');
fs.appendFileSync(process.env.RECORD_FILE, JSON.stringify({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  manifestPresent: fs.existsSync('webex-manifest.json'),
  tokenSha256: require('node:crypto').createHash('sha256').update(process.env.WEBEX_TOKEN ?? '').digest('hex'),
}) + '\\n');
`;

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesBelow(join(dir, name)) : [join(dir, name)]));
}

maybe('terraform init and apply of a terraform_data stack', () => {
  const work = mkdtempSync(join(tmpdir(), 'webex-iac-tf-'));
  const stackDir = join(work, 'cdktf.out', 'stacks', 'clinic');
  const recordFile = join(work, 'record.jsonl');
  const cliConfig = join(work, 'terraformrc');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    RECORD_FILE: recordFile,
    WEBEX_TOKEN: SECRET,
  };
  const terraform = (...args: string[]) => spawnSync('terraform', [...args, '-input=false', '-no-color'], { cwd: stackDir, env, encoding: 'utf8' });

  beforeAll(() => {
    writeFileSync(cliConfig, '');
    const recorder = join(work, 'recorder.js');
    writeFileSync(recorder, RECORDER);
    const app = Testing.app({ outdir: join(work, 'cdktf.out') });
    const stack = new WebexStack(app, 'clinic', { applyResource: 'terraform_data', applyCommand: `"${process.execPath}" "${recorder}"` });
    const org = new WebexOrg(stack, 'Org', { name: ORG_NAME });
    new MeetingSite(org, 'Site', { siteUrl: 'riverside-clinic.webex.com' });
    new HipaaBaseline(org, 'HipaaBaseline');
    app.synth();
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('init works offline, apply runs the CLI once with the exact arguments, and nothing stores the token', () => {
    // cdktf's default local backend points at the synth process's working folder: keep the state here.
    const init = terraform('init', `-backend-config=path=${join(work, 'terraform.tfstate')}`);
    expect(init.stdout).toMatch(/Terraform has been successfully initialized/);
    expect(init.status).toBe(0);

    const apply = terraform('apply', '-auto-approve');
    expect(apply.stderr).toBe('');
    expect(apply.status).toBe(0);

    const records = readFileSync(recordFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(records).toEqual([
      {
        argv: ['apply', '--manifest', 'webex-manifest.json', '--org', ORG_NAME, '--auto-approve'],
        cwd: realpathSync(stackDir),
        manifestPresent: true,
        tokenSha256: createHash('sha256').update(SECRET).digest('hex'),
      },
    ]);

    const plan = terraform('plan', '-detailed-exitcode');
    expect(plan.status).toBe(0);
    expect(filesBelow(work).filter((file) => readFileSync(file).includes(SECRET))).toEqual([]);
  });
});
