import { printString } from '../import/source-node';

export interface ScaffoldNames {
  /** npm package name of the new repo. */
  readonly packageName: string;
  /** cdktf stack id. */
  readonly stackId: string;
  /** The org's display name in Webex. */
  readonly orgName: string;
  /** The org's Meetings site. */
  readonly siteUrl: string;
}

/**
 * The declaration a new repo starts from: one org, one site, the HIPAA baseline. What only the org's
 * people can state (who may be an admin, the attestations) is left as TODOs: until they are filled in,
 * `synth` reports the SHALL rules they leave failing.
 */
export function mainTs(names: ScaffoldNames): string {
  return `import { App } from 'cdktf';
import { HipaaBaseline, MeetingSite, WebexOrg, WebexStack } from 'webex-iac';

/**
 * The hardened Webex org. \`npx webex-iac synth\` writes cdktf.out/stacks/${names.stackId}/{cdk.tf.json,webex-manifest.json};
 * \`npx webex-iac plan\` shows what apply would change. To start from what the org holds today instead,
 * run \`npx webex-iac import --out main.ts --force\` (with --org when the token sees several orgs).
 */
const app = new App();
const stack = new WebexStack(app, ${printString(names.stackId)}, {});

const org = new WebexOrg(stack, 'Org', { name: ${printString(names.orgName)} });
new MeetingSite(org, 'MainSite', { siteUrl: ${printString(names.siteUrl)} });

new HipaaBaseline(org, 'HipaaBaseline', {
  // TODO: the people who may hold admin roles (45 CFR 164.308(a)(4)); anyone else holding one is a finding.
  adminAccess: { allowedAdmins: [], maxFullAdmins: 2 },
  // TODO: attestations for the controls Webex has no API for (retention, idle timeout, SSO, BAA, ...):
  // who attested, when, the evidence reference and the expiry. See the README, "Attestations".
});

app.synth();
`;
}

export function packageJson(names: ScaffoldNames, pins: { readonly webexIac: string; readonly dependencies: Record<string, string>; readonly devDependencies: Record<string, string> }): string {
  const pinned = (from: Record<string, string>, names: string[]) => Object.fromEntries(names.filter((n) => from[n] !== undefined).map((n) => [n, from[n]!]));
  const manifest = {
    name: names.packageName,
    version: '0.0.0',
    private: true,
    description: `The hardened Webex org ${names.orgName}, as code (webex-iac)`,
    scripts: { synth: 'webex-iac synth', check: 'webex-iac check', plan: 'webex-iac plan', drift: 'webex-iac drift' },
    // The same cdktf and constructs as webex-iac's own: one copy of each, or constructs would not recognise each other.
    dependencies: { 'webex-iac': pins.webexIac, ...pinned(pins.dependencies, ['cdktf', 'constructs', 'tsx']) },
    devDependencies: pinned(pins.devDependencies, ['typescript', '@types/node']),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export const CDKTF_JSON = `${JSON.stringify({ language: 'typescript', app: 'npx tsx main.ts', sendCrashReports: 'false', terraformProviders: [], terraformModules: [], context: {} }, null, 2)}\n`;

export const TSCONFIG_JSON = `${JSON.stringify(
  { compilerOptions: { target: 'ES2022', module: 'commonjs', moduleResolution: 'node', lib: ['ES2022'], types: ['node'], strict: true, esModuleInterop: true, skipLibCheck: true, noEmit: true }, include: ['main.ts'] },
  null,
  2,
)}\n`;

export const GITIGNORE = `node_modules/
cdktf.out/
# Local runs only: CI keeps state and evidence on the webex-iac-records branch (see the workflows).
.webex-iac/
*.tfstate*
.terraform/
.terraform.lock.hcl
`;
