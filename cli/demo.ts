import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { startSimulator } from '../simulator';
import { main } from './index';

/**
 * `npm start`: the whole flow against the built-in simulator, with no account and no network —
 * synth main.ts, plan, apply, collect audit events, assess, verify and report the evidence, and plan
 * again, ending with "No changes". The simulator's
 * token is random and never printed.
 */
async function demo(): Promise<number> {
  const token = `demo-${randomBytes(24).toString('hex')}`;
  const sim = await startSimulator({ tokens: [token], seed: 'clinic' });
  // The demo's evidence is about a simulated org whose audit event ids repeat on every start: keep it apart
  // from any real log, and start it afresh each run.
  const evidence = resolve('.webex-iac', 'demo', 'evidence');
  rmSync(evidence, { recursive: true, force: true });
  const report = join('.webex-iac', 'demo', 'evidence-report.html');
  const planFile = join('.webex-iac', 'demo', 'plan.json');
  mkdirSync(dirname(planFile), { recursive: true });
  // What webex-iac last enforced of the write-only settings: the demo's org is new on every start.
  const state = resolve('.webex-iac', 'demo', 'state');
  rmSync(state, { recursive: true, force: true });
  const io = { out: process.stdout, err: process.stderr, env: { ...process.env, WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: token, WEBEX_IAC_EVIDENCE_DIR: evidence, WEBEX_IAC_STATE_DIR: state } };
  const step = (text: string) => process.stdout.write(`\n=== ${text}\n\n`);
  try {
    process.stdout.write(`Started the Webex simulator (seed "clinic": a clinic whose site is not HIPAA-safe) on ${sim.url}\n`);
    // [title, argv, whether a non-zero exit ends the demo]
    const steps: [string, string[], boolean][] = [
      ['webex-iac synth: main.ts → cdktf.out/stacks/clinic/{cdk.tf.json,webex-manifest.json}, checked against the HIPAA policy pack', ['synth'], true],
      ['webex-iac plan --out: what the HIPAA baseline changes on the live org, saved for review', ['plan', '--out', planFile], true],
      [`webex-iac apply ${planFile} --auto-approve: exactly the reviewed plan, each change written and read back`, ['apply', planFile, '--auto-approve'], true],
      ['webex-iac evidence collect: Webex admin and sign-in audit events into the evidence log', ['evidence', 'collect'], true],
      ['webex-iac assess: the live org against the HIPAA rules (what is left needs people, not API calls)', ['assess'], false],
      ['webex-iac evidence verify: every record hash-chained and intact', ['evidence', 'verify'], true],
      [`webex-iac evidence report --format html: the auditor's report, printable (${report})`, ['evidence', 'report', '--format', 'html', '--output', report], true],
      ['webex-iac plan --detailed-exitcode --quiet: the org now matches the declaration', ['plan', '--detailed-exitcode', '--quiet'], true],
    ];
    for (const [title, argv, mustPass] of steps) {
      step(title);
      const code = await main(argv, io);
      if (code !== 0 && mustPass) {
        process.stderr.write(`\nThe demo stopped: "webex-iac ${argv.join(' ')}" exited with ${code}.\n`);
        return code;
      }
    }
    return 0;
  } finally {
    await sim.close();
  }
}

void demo().then((code) => {
  process.exitCode = code;
});
