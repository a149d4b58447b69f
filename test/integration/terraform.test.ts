import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planOrgs, WebexClient } from '../../provisioning';
import { readManifest } from '../../manifest';
import { RunningSimulator, startSimulator } from '../../simulator';
import { anyFileContains } from '../helpers/files';
import { BIN, REPO, runCli, withoutProgress } from '../helpers/run-cli';

const TOKEN = 'terraform-secret-token-91c4e0';
const hasTerraform = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
if (!hasTerraform) {
  // eslint-disable-next-line no-console
  console.warn('terraform is not installed: skipping the terraform init/apply end-to-end test');
}
const maybe = hasTerraform ? describe : describe.skip;

function terraform(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('terraform', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

maybe('terraform init && terraform apply on a synthesized terraform_data stack', () => {
  let sim: RunningSimulator;
  let work: string;

  beforeAll(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    // A temporary copy of the project (its cdktf.json marks the root): no state from other runs or commands.
    work = mkdtempSync(join(tmpdir(), 'webex-iac-tf-'));
    copyFileSync(join(REPO, 'cdktf.json'), join(work, 'cdktf.json'));
  });
  afterAll(async () => {
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('the provisioner applies the org through webex-iac, offline, with the token only in the environment', async () => {
    const outdir = join(work, 'cdktf.out');
    const synth = await runCli(['synth', '--output', outdir], { WEBEX_IAC_APPLY_RESOURCE: 'terraform_data', WEBEX_IAC_APPLY_COMMAND: `"${process.execPath}" "${BIN}"` });
    expect(withoutProgress(synth.stderr)).toBe('');
    expect(synth.code).toBe(0);
    const stackDir = join(outdir, 'stacks', 'clinic');
    expect(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')).not.toMatch(/"provider"/);

    const cliConfig = join(work, 'terraformrc');
    writeFileSync(cliConfig, '');
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
      WEBEX_BASE_URL: sim.url,
      WEBEX_TOKEN: TOKEN,
    };
    // cdktf's default local backend points at the synth process's folder: keep the state in the temp folder.
    const init = await terraform(['init', '-input=false', '-no-color', `-backend-config=path=${join(work, 'terraform.tfstate')}`], stackDir, env);
    expect(init.output).toMatch(/Terraform has been successfully initialized/);
    expect(init.code).toBe(0);
    const apply = await terraform(['apply', '-auto-approve', '-input=false', '-no-color'], stackDir, env);
    expect(apply.output).toMatch(/Apply complete! \d+ changed, \d+ verified by reading back/);
    expect(apply.code).toBe(0);

    // local-exec ran in the stack folder; the write-only state went to the project root all the same.
    expect(existsSync(join(work, '.webex-iac', 'state'))).toBe(true);
    expect(existsSync(join(stackDir, '.webex-iac', 'state'))).toBe(false);
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN });
    const plan = await planOrgs(client, readManifest(join(stackDir, 'webex-manifest.json')).orgs, { stateDir: join(work, '.webex-iac', 'state') });
    expect(plan.changes).toEqual([]);
    // A later plan from the project root, as a user runs it, agrees: nothing to change, write-only settings included.
    const again = await runCli(['plan', '--detailed-exitcode'], { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN }, work);
    expect(again.stdout).toMatch(/^No changes\./m);
    expect(again.code).toBe(0);
    expect(apply.output).not.toContain(TOKEN);
    expect(anyFileContains(work, TOKEN)).toBeUndefined();
  });
});
