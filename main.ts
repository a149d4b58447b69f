import { App } from 'cdktf';
import { APPLY_RESOURCE_KINDS, ApplyResourceKind, HipaaBaseline, MeetingSite, WebexOrg, WebexStack } from './constructs';

/**
 * The demo declaration, matching the simulator's `clinic` seed: one org with one Meetings site,
 * hardened with the HIPAA baseline (meeting security, every host's lobby and E2EE session type, password
 * policy, MFA, admin access, inactive accounts, manual attestations). `npx tsx main.ts` (or `webex-iac synth`) writes
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

// The people who may hold admin roles. Anyone else holding one (the seed's former contractor) shows up in
// the plan as a finding; `revokeUnexpected: true` would revoke them instead.
const ALLOWED_ADMINS = [
  'admin@riverside-clinic.example', // Full Administrator
  'it.lead@riverside-clinic.example', // Full Administrator
  'practice.manager@riverside-clinic.example', // User Administrator
  'privacy.officer@riverside-clinic.example', // Compliance Officer
];

// DEMO VALUES ONLY. Attestations record that a person checked, in Control Hub or in a contract, a control
// that Webex has no API for. These are made up for the demo; a real org states who attested, when, and
// where the evidence is. Plans show each as valid, expiring, expired or missing, never as applied.
// The demo's dates move with the calendar (attested a month ago, due again in eleven months) so that
// the demo never fails on an expired attestation; a real declaration states fixed dates.
const DEMO = { attestedBy: 'Demo Attester (demo value)', attestedOn: isoDate(-30), expires: isoDate(335), reference: 'DEMO-ONLY: not a real attestation (main.ts)' };

new HipaaBaseline(clinic, 'HipaaBaseline', {
  adminAccess: { allowedAdmins: ALLOWED_ADMINS, maxFullAdmins: 2 },
  attestations: {
    messageRetention: { ...DEMO, retentionDays: 2190 },
    recordingRetention: { ...DEMO, retentionDays: 2190 },
    idleTimeout: { ...DEMO, idleTimeoutMinutes: 15 },
    ssoEnforcement: { ...DEMO, identityProvider: 'Demo IdP (demo value)' },
    siteLobbyPolicy: { ...DEMO, unauthenticatedUsers: 'lobby' },
    recordingAccess: { ...DEMO, accessRestrictedTo: 'host and invited internal users', downloadAllowed: false },
    dataResidency: { ...DEMO, region: 'United States' },
    businessAssociateAgreement: { ...DEMO, plan: 'Demo plan (demo value)', productsCovered: ['Webex Meetings', 'Webex Messaging'], signedOn: '2026-10-15' },
    aiAssistantCoverage: { ...DEMO, status: 'disabled' },
    siteEndToEndEncryption: { ...DEMO, siteUrls: ['riverside-clinic.webex.com'] },
  },
});

app.synth();

function applyResourceFromEnv(value: string | undefined): ApplyResourceKind | undefined {
  if (value === undefined || value === '') return undefined;
  const kind = APPLY_RESOURCE_KINDS.find((k) => k === value);
  if (kind === undefined) {
    throw new Error(`WEBEX_IAC_APPLY_RESOURCE must be one of ${APPLY_RESOURCE_KINDS.join(', ')}, received: ${JSON.stringify(value)}`);
  }
  return kind;
}

/** Today plus some days, as YYYY-MM-DD (UTC). */
function isoDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
