import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startSimulator } from '../simulator';
import { main } from './index';

/**
 * `npm start`: the whole flow against the built-in simulator, with no account and no network —
 * synth main.ts, plan, apply, plan again, then the evidence: collect, verify, report. The simulator's
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
  // What webex-iac last enforced of the write-only settings: the demo's org is new on every start.
  const state = resolve('.webex-iac', 'demo', 'state');
  rmSync(state, { recursive: true, force: true });
  const io = { out: process.stdout, err: process.stderr, env: { ...process.env, WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: token, WEBEX_IAC_EVIDENCE_DIR: evidence, WEBEX_IAC_STATE_DIR: state } };
  const step = (text: string) => process.stdout.write(`\n=== ${text}\n\n`);
  try {
    process.stdout.write(`Started the Webex simulator (seed "clinic": a clinic whose site is not HIPAA-safe) on ${sim.url}\n`);
    const steps: [string, string[]][] = [
      ['webex-iac synth: main.ts → cdktf.out/stacks/clinic/{cdk.tf.json,webex-manifest.json}', ['synth']],
      ['webex-iac plan: what the HIPAA baseline changes on the live org', ['plan']],
      ['webex-iac apply --auto-approve: write each change and read it back', ['apply', '--auto-approve']],
      ['webex-iac plan --detailed-exitcode: the org now matches the declaration', ['plan', '--detailed-exitcode']],
      ['webex-iac evidence collect: Webex admin and sign-in audit events into the evidence log', ['evidence', 'collect']],
      ['webex-iac evidence verify: every record hash-chained and intact', ['evidence', 'verify']],
      [`webex-iac evidence report --format html: the auditor's report, printable (${report})`, ['evidence', 'report', '--format', 'html', '--output', report]],
    ];
    for (const [title, argv] of steps) {
      step(title);
      const code = await main(argv, io);
      if (code !== 0) {
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
