import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root: the generated app imports the constructs and cdktf from here. */
export const REPO = resolve(__dirname, '..');

/** One org of a generated declaration. */
export interface FleetOrg {
  readonly name: string;
  readonly siteUrls: string[];
  /** Who may hold admin roles (AdminAccess allow-list). */
  readonly admins: string[];
}

/**
 * Writes a cdktf app of `orgs` into `dir` (app.ts, fleet.json and cdktf.json), as a health system would
 * write main.ts: a WebexStack, and per org a WebexOrg, its MeetingSites and a HipaaBaseline with an
 * admin allow-list and every manual attestation (values made up for the benchmark). `webex-iac synth`
 * (cli/commands/synth.ts) runs it as it runs any project's app.
 */
export function writeFleetApp(dir: string, orgs: readonly FleetOrg[], today: Date = new Date()): void {
  mkdirSync(dir, { recursive: true });
  const day = (offsetDays: number) => new Date(today.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const attestation = { attestedBy: 'Benchmark (made-up value)', attestedOn: day(-30), expires: day(330), reference: 'BENCH-ONLY: not a real attestation' };
  writeFileSync(join(dir, 'fleet.json'), JSON.stringify({ orgs, attestation }));
  writeFileSync(
    join(dir, 'cdktf.json'),
    JSON.stringify({ language: 'typescript', app: `${JSON.stringify(process.execPath)} ${JSON.stringify(join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs'))} app.ts` }),
  );
  writeFileSync(
    join(dir, 'app.ts'),
    `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from ${JSON.stringify(join(REPO, 'node_modules', 'cdktf'))};
import { HipaaBaseline, MeetingSite, WebexOrg, WebexStack } from ${JSON.stringify(join(REPO, 'constructs'))};

interface Fleet {
  orgs: { name: string; siteUrls: string[]; admins: string[] }[];
  attestation: { attestedBy: string; attestedOn: string; expires: string; reference: string };
}

const fleet = JSON.parse(readFileSync(join(__dirname, 'fleet.json'), 'utf8')) as Fleet;
const a = fleet.attestation;
const app = new App();
const stack = new WebexStack(app, 'fleet', { applyResource: 'terraform_data' });
fleet.orgs.forEach((o, i) => {
  const org = new WebexOrg(stack, \`Org\${i + 1}\`, { name: o.name });
  o.siteUrls.forEach((siteUrl, j) => new MeetingSite(org, \`Site\${j + 1}\`, { siteUrl }));
  new HipaaBaseline(org, 'HipaaBaseline', {
    adminAccess: { allowedAdmins: o.admins, maxFullAdmins: 2 },
    attestations: {
      messageRetention: { ...a, retentionDays: 2190 },
      recordingRetention: { ...a, retentionDays: 2190 },
      idleTimeout: { ...a, idleTimeoutMinutes: 15 },
      ssoEnforcement: { ...a, identityProvider: 'Benchmark IdP' },
      siteLobbyPolicy: { ...a, unauthenticatedUsers: 'lobby' },
      recordingAccess: { ...a, accessRestrictedTo: 'host and invited internal users', downloadAllowed: false },
      dataResidency: { ...a, region: 'United States' },
      businessAssociateAgreement: { ...a, plan: 'Benchmark plan', productsCovered: ['Webex Meetings', 'Webex Messaging'], signedOn: a.attestedOn },
      aiAssistantCoverage: { ...a, status: 'disabled' },
      siteEndToEndEncryption: { ...a, siteUrls: o.siteUrls },
    },
  });
});
app.synth();
`,
  );
}
