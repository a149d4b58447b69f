import { randomBytes } from 'node:crypto';
import { startSimulator } from '../simulator';
import { main } from './index';

/**
 * `npm start`: the whole flow against the built-in simulator, with no account and no network —
 * synth main.ts, plan, apply, plan again. The simulator's token is random and never printed.
 */
async function demo(): Promise<number> {
  const token = `demo-${randomBytes(24).toString('hex')}`;
  const sim = await startSimulator({ tokens: [token], seed: 'clinic' });
  const io = { out: process.stdout, err: process.stderr, env: { ...process.env, WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: token } };
  const step = (text: string) => process.stdout.write(`\n=== ${text}\n\n`);
  try {
    process.stdout.write(`Started the Webex simulator (seed "clinic": a clinic whose site is not HIPAA-safe) on ${sim.url}\n`);
    const steps: [string, string[]][] = [
      ['webex-iac synth: main.ts → cdktf.out/stacks/clinic/{cdk.tf.json,webex-manifest.json}', ['synth']],
      ['webex-iac plan: what the HIPAA baseline changes on the live org', ['plan']],
      ['webex-iac apply --auto-approve: write each change and read it back', ['apply', '--auto-approve']],
      ['webex-iac plan --detailed-exitcode: the org now matches the declaration', ['plan', '--detailed-exitcode']],
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
