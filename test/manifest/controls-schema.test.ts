import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { ManifestError, MANIFEST_FORMAT_VERSION, parseManifest } from '../../manifest';
import { MANIFEST_JSON_SCHEMA_FILE } from '../../manifest/json-schema';
import { synthesizeMainManifest } from '../helpers/synth-main';

/** A hand-written manifest declaring one of every new control, as a manifest author would. */
function handWritten(): Record<string, any> {
  return {
    formatVersion: MANIFEST_FORMAT_VERSION,
    stack: 'clinic',
    orgs: [
      {
        path: 'hand/org',
        name: 'Riverside Family Clinic',
        settings: {
          passwordPolicy: { path: 'hand/pw', minimumLength: 12, minimumNumeric: 1, minimumCapAlpha: 1, minimumLowAlpha: 1, minimumSpecial: 1, historyCount: 5, maxPasswordAgeDays: 90 },
          mfa: { path: 'hand/mfa', mfaEnabled: true },
          adminAccess: { path: 'hand/admins', allowedAdmins: ['admin@clinic.example'] },
          inactiveAccounts: { path: 'hand/inactive', inactiveDays: 90 },
          attestations: {
            path: 'hand/attest',
            required: ['messageRetention', 'businessAssociateAgreement'],
            messageRetention: { attestedBy: 'Jane', attestedOn: '2026-01-01', reference: 'T-1', expires: '2027-01-01', details: { retentionDays: 2190 } },
          },
        },
        sites: [
          {
            path: 'hand/site',
            siteUrl: 'riverside-clinic.webex.com',
            settings: {
              hostLobby: { path: 'hand/lobby', personalMeetingRoom: { enabledAutoLock: true }, hosts: { emailDomains: ['clinic.example'] } },
              endToEndEncryption: { path: 'hand/e2ee', sessionType: { shortName: 'PRO3E2E' } },
            },
          },
        ],
      },
    ],
  };
}

function rejection(mutate: (m: Record<string, any>) => void): string {
  const manifest = handWritten();
  mutate(manifest);
  try {
    parseManifest(manifest, 'webex-manifest.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return (error as Error).message;
  }
  throw new Error('the manifest was accepted');
}

const validator = () => new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(join(__dirname, '..', '..', MANIFEST_JSON_SCHEMA_FILE), 'utf8')) as object);

const org = (m: Record<string, any>) => m.orgs[0];
const site = (m: Record<string, any>) => m.orgs[0].sites[0].settings;

const CASES: [string, (m: Record<string, any>) => void, string, string][] = [
  ['a lock delay Cisco does not offer', (m) => (site(m).hostLobby.personalMeetingRoom.autoLockMinutes = 7), 'orgs[0].sites[0].settings.hostLobby.personalMeetingRoom.autoLockMinutes: Invalid option: expected one of 0|5|10|15|20 (received 7)', '/orgs/0/sites/0/settings/hostLobby/personalMeetingRoom/autoLockMinutes'],
  ['hosts by emails and by domains', (m) => (site(m).hostLobby.hosts.emails = ['a@clinic.example']), 'orgs[0].sites[0].settings.hostLobby.hosts.emailDomains: select hosts by emails or by emailDomains, not both', '/orgs/0/sites/0/settings/hostLobby/hosts'],
  ['an email in upper case', (m) => (org(m).settings.adminAccess.allowedAdmins = ['Admin@clinic.example']), 'orgs[0].settings.adminAccess.allowedAdmins[0]: an email address in lower case', '/orgs/0/settings/adminAccess/allowedAdmins/0'],
  ['two ways to find the E2EE type', (m) => (site(m).endToEndEncryption.sessionType = { shortName: 'A', name: 'B' }), 'orgs[0].sites[0].settings.endToEndEncryption.sessionType', '/orgs/0/sites/0/settings/endToEndEncryption/sessionType'],
  ['a password policy without historyCount (Webex requires it)', (m) => delete org(m).settings.passwordPolicy.historyCount, 'orgs[0].settings.passwordPolicy.historyCount', '/orgs/0/settings/passwordPolicy'],
  ['an expiry outside 90..1825 days', (m) => (org(m).settings.passwordPolicy.maxPasswordAgeDays = 60), 'orgs[0].settings.passwordPolicy.maxPasswordAgeDays: Too small', '/orgs/0/settings/passwordPolicy/maxPasswordAgeDays'],
  ['retention under 6 years', (m) => (org(m).settings.attestations.messageRetention.details.retentionDays = 365), 'orgs[0].settings.attestations.messageRetention.details.retentionDays: at least 2190 days', '/orgs/0/settings/attestations/messageRetention/details/retentionDays'],
  ['an unknown attestation', (m) => org(m).settings.attestations.required.push('retention'), 'orgs[0].settings.attestations.required[2]: Invalid option', '/orgs/0/settings/attestations/required/2'],
  ['a required attestation listed twice', (m) => org(m).settings.attestations.required.push('messageRetention'), 'orgs[0].settings.attestations.required: required must not repeat items', '/orgs/0/settings/attestations/required'],
  ['MFA without its flag', (m) => delete org(m).settings.mfa.mfaEnabled, 'orgs[0].settings.mfa.mfaEnabled', '/orgs/0/settings/mfa'],
];

describe('manifest: the controls of issue 3', () => {
  test('a hand-written manifest declaring every control is valid for zod and for the JSON Schema', () => {
    expect(() => parseManifest(handWritten())).not.toThrow();
    const validate = validator();
    expect(validate(handWritten())).toBe(true);
  });

  test('the manifest main.ts synthesizes is valid for the JSON Schema', () => {
    const validate = validator();
    expect(validate(JSON.parse(JSON.stringify(synthesizeMainManifest())))).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  test.each(CASES)('rejects %s, naming the field', (_, mutate, message) => {
    expect(rejection(mutate)).toContain(message);
  });

  test.each(CASES)('the JSON Schema rejects %s too', (_, mutate, __, instancePath) => {
    const manifest = handWritten();
    mutate(manifest);
    const validate = validator();
    expect(validate(manifest)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain(instancePath);
  });

  test.each<[string, (m: Record<string, any>) => void, string]>([
    ['character minimums longer than the minimum length', (m) => (org(m).settings.passwordPolicy.minimumNumeric = 12), 'orgs[0].settings.passwordPolicy.minimumLength: minimumLength must be at least the sum of the character minimums (15)'],
    ['an attestation that expires before it was made', (m) => (org(m).settings.attestations.messageRetention.expires = '2025-12-31'), 'orgs[0].settings.attestations.messageRetention.expires: expires must be after attestedOn (2026-01-01)'],
    ['a date that does not exist', (m) => (org(m).settings.attestations.messageRetention.attestedOn = '2026-02-30'), 'orgs[0].settings.attestations.messageRetention.attestedOn: a date that exists in the calendar'],
  ])('webex-iac (not the JSON Schema) rejects %s', (_, mutate, message) => {
    expect(rejection(mutate)).toContain(message);
  });
});
