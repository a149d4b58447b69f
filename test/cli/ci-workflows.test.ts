import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { main } from '../../cli';
import { REPO } from '../helpers/run-cli';

const read = (file: string) => readFileSync(join(REPO, file), 'utf8');
const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Record<string, any>;

/** Every `npx webex-iac …` command line in a CI file. */
function invocations(text: string): string[][] {
  return [...text.matchAll(/npx webex-iac ([^\n>|;]+)/g)].map((m) => m[1]!.trim().split(/\s+/).map((w) => w.replace(/^"|"$/g, '')));
}

/** Options a command accepts, read from its own --help. */
async function optionsOf(command: string): Promise<string> {
  let help = '';
  const sink = { write: (s: string) => ((help += s), true) } as unknown as NodeJS.WriteStream;
  await main([command, '--help'], { out: sink, err: sink, env: {} });
  return help;
}

describe('CI workflows shipped in the repo', () => {
  test('GitHub plan workflow runs on pull requests, keeps one marked comment, and guards weakening', () => {
    const plan = workflow('webex-iac-plan.yml');
    expect(Object.keys(plan.on)).toEqual(['pull_request']);
    const text = read('.github/workflows/webex-iac-plan.yml');
    expect(text).toContain('<!-- webex-iac-plan -->');
    expect(text).toMatch(/updateComment[\s\S]*createComment/);
    expect(text).toContain('--deny-weakening');
  });

  test('GitHub apply workflow runs after merge behind an environment approval', () => {
    const apply = workflow('webex-iac-apply.yml');
    expect(apply.on.push.branches).toEqual(['main']);
    expect(apply.jobs.apply.environment).toBe('webex-production');
  });

  test('GitHub drift workflow is scheduled, opens an issue and fails on drift', () => {
    const drift = workflow('webex-iac-drift.yml');
    expect(drift.on.schedule[0].cron).toBeDefined();
    const text = read('.github/workflows/webex-iac-drift.yml');
    expect(text).toContain('issues.create');
    expect(text).toContain('exit 2');
  });

  test('tokens come from CI secrets, never from the files', () => {
    for (const file of ['.github/workflows/webex-iac-plan.yml', '.github/workflows/webex-iac-apply.yml', '.github/workflows/webex-iac-drift.yml']) {
      const env = Object.values(workflow(file.split('/').pop()!).jobs as Record<string, { env: Record<string, string> }>)[0]!.env;
      for (const name of ['WEBEX_TOKEN', 'WEBEX_CLIENT_ID', 'WEBEX_CLIENT_SECRET', 'WEBEX_REFRESH_TOKEN']) expect(env[name]).toBe(`\${{ secrets.${name} }}`);
    }
  });

  test('GitLab pipeline has plan, manual apply behind an environment, and scheduled drift', () => {
    const gitlab = parse(read('.gitlab-ci.yml')) as Record<string, any>;
    expect(gitlab.stages).toEqual(['plan', 'apply', 'drift']);
    expect(gitlab['webex-iac-apply'].rules[0].when).toBe('manual');
    expect(gitlab['webex-iac-apply'].environment.name).toBe('webex-production');
    expect(gitlab['webex-iac-drift'].rules[0].if).toContain('schedule');
  });

  test('every webex-iac command and option the CI files use exists', async () => {
    const files = ['.github/workflows/webex-iac-plan.yml', '.github/workflows/webex-iac-apply.yml', '.github/workflows/webex-iac-drift.yml', '.gitlab-ci.yml'];
    const calls = files.flatMap((f) => invocations(read(f)));
    expect(calls.length).toBeGreaterThan(8);
    for (const [command, ...args] of calls) {
      const help = await optionsOf(command!);
      expect(help).toContain(`Usage: webex-iac ${command}`);
      for (const option of args.filter((a) => a.startsWith('--'))) expect(help).toContain(option);
    }
  });
});
