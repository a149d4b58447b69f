import { App } from 'cdktf';
import { APPLY_RESOURCE_KINDS, ApplyResourceKind, HipaaBaseline, MeetingSite, WebexOrg, WebexStack } from './constructs';

/**
 * The demo declaration, matching the simulator's `clinic` seed: one org with one Meetings site,
 * hardened with the HIPAA baseline. `npx tsx main.ts` (or `webex-iac synth`) writes
 * cdktf.out/stacks/clinic/{cdk.tf.json,webex-manifest.json}; CDKTF_OUTDIR moves cdktf.out.
 *
 * Stack options from the environment:
 * - WEBEX_IAC_APPLY_RESOURCE: `null_resource` (default) or `terraform_data` (no provider, offline init);
 * - WEBEX_IAC_APPLY_COMMAND: how the apply resource runs the CLI (default `npx --no-install webex-iac`).
 */
const app = new App();

const stack = new WebexStack(app, 'clinic', {
  applyResource: applyResourceFromEnv(process.env.WEBEX_IAC_APPLY_RESOURCE),
  applyCommand: process.env.WEBEX_IAC_APPLY_COMMAND || undefined,
});

const clinic = new WebexOrg(stack, 'RiversideClinic', { name: 'Riverside Family Clinic' });
new MeetingSite(clinic, 'MainSite', { siteUrl: 'riverside-clinic.webex.com' });
new HipaaBaseline(clinic, 'HipaaBaseline');

app.synth();

function applyResourceFromEnv(value: string | undefined): ApplyResourceKind | undefined {
  if (value === undefined || value === '') return undefined;
  const kind = APPLY_RESOURCE_KINDS.find((k) => k === value);
  if (kind === undefined) {
    throw new Error(`WEBEX_IAC_APPLY_RESOURCE must be one of ${APPLY_RESOURCE_KINDS.join(', ')}, received: ${JSON.stringify(value)}`);
  }
  return kind;
}
