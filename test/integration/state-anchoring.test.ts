import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningSimulator, startSimulator } from '../../simulator';
import { REPO, runCli, withoutProgress } from '../helpers/run-cli';

const TOKEN = 'state-anchor-token-47b2';

// Several CLI runs, each compiling the TypeScript sources on the fly: slow on a busy machine.
jest.setTimeout(240_000);

describe('write-only state is anchored to the project, whatever the working folder', () => {
  let sim: RunningSimulator;
  let project: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    project = mkdtempSync(join(tmpdir(), 'webex-iac-anchor-'));
    copyFileSync(join(REPO, 'cdktf.json'), join(project, 'cdktf.json'));
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN };
    expect((await runCli(['synth', '--output', join(project, 'cdktf.out')], env)).code).toBe(0);
  });
  afterAll(async () => {
    await sim.close();
    rmSync(project, { recursive: true, force: true });
  });

  test('an apply run in the stack folder (as Terraform local-exec does) and a plan from the project root agree', async () => {
    const stack = join(project, 'cdktf.out', 'stacks', 'clinic');
    const apply = await runCli(['apply', '--manifest', 'webex-manifest.json', '--org', 'Riverside Family Clinic', '--auto-approve', '--quiet'], env, stack);
    expect(withoutProgress(apply.stderr)).toBe('');
    expect(apply.code).toBe(0);
    expect(existsSync(join(project, '.webex-iac', 'state'))).toBe(true);
    expect(existsSync(join(stack, '.webex-iac', 'state'))).toBe(false);

    // From the project root (manifests found under cdktf.out/), from a subfolder, and with an explicit path.
    for (const [cwd, args] of [
      [project, []],
      [join(project, 'cdktf.out'), ['--manifest', join('stacks', 'clinic', 'webex-manifest.json')]],
      [tmpdir(), ['--manifest', join(stack, 'webex-manifest.json')]],
    ] as const) {
      const plan = await runCli(['plan', ...args, '--detailed-exitcode'], env, cwd);
      expect({ cwd, code: plan.code, out: plan.stdout }).toMatchObject({ code: 0, out: expect.stringMatching(/^No changes\./m) });
    }
  });

  test('WEBEX_IAC_STATE_DIR, when relative, is taken from the project root', async () => {
    const stack = join(project, 'cdktf.out', 'stacks', 'clinic');
    const relative = { ...env, WEBEX_IAC_STATE_DIR: 'ci-state' };
    const plan = await runCli(['plan', '--manifest', 'webex-manifest.json', '--reenforce', '--out', join(project, 'plan.json'), '--quiet'], relative, stack);
    expect(plan.code).toBe(0);
    const apply = await runCli(['apply', '--manifest', 'webex-manifest.json', '--reenforce', '--auto-approve', '--quiet'], relative, stack);
    expect(apply.code).toBe(0);
    expect(existsSync(join(project, 'ci-state'))).toBe(true);
    expect(existsSync(join(stack, 'ci-state'))).toBe(false);
  });
});
