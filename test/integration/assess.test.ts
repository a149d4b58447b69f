import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { Manifest } from '../../manifest';
import { CLINIC_MEETING_PASSWORDS, CLINIC_RECORDING_IDS, clinicMeetingIds, RunningSimulator, startSimulator } from '../../simulator';
import { filesBelow } from '../helpers/files';
import { REPO, runCli, withoutProgress } from '../helpers/run-cli';

const TOKEN = 'assess-secret-token-7c1f0e';
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const SITE = 'riverside-clinic.webex.com';
const DOMAIN = 'riverside-clinic.example';
const ORG = 'Riverside Family Clinic';

interface Report {
  compliant: boolean;
  orgs: { results: { ruleId: string; automation: string; level: string; status: string; judgements: { finding: string; status: string; message: string; values: Record<string, unknown>; evidence?: string; exception?: { state: string } }[] }[]; exceptions: { state: string }[] }[];
}

/**
 * The clinic seed, hardened as HipaaBaseline would declare it, with the opt-ins that let apply converge
 * (revoke unexpected admins, deactivate idle accounts), attestations in every state, and exceptions for
 * the two users whose MFA only a person can turn on.
 */
function clinicManifest(): Manifest {
  const attested = (offset = 335) => ({ attestedBy: 'Pat Privacy', attestedOn: day(-30), expires: day(offset), reference: 'GRC-42' });
  const path = (name: string) => `clinic/RiversideClinic/HipaaBaseline/${name}`;
  return {
    formatVersion: 1,
    stack: 'clinic',
    orgs: [
      {
        path: 'clinic/RiversideClinic',
        name: 'Riverside Family Clinic',
        settings: {
          passwordPolicy: { path: path('PasswordPolicy'), minimumLength: 12, minimumNumeric: 1, minimumCapAlpha: 1, minimumLowAlpha: 1, minimumSpecial: 1, historyCount: 5, maxPasswordAgeDays: 90, notAcceptableStrings: ['password', 'webex'] },
          mfa: { path: path('Mfa'), mfaEnabled: true, reportUsersWithoutMfa: true },
          adminAccess: { path: path('AdminAccess'), allowedAdmins: ['admin', 'it.lead', 'practice.manager', 'privacy.officer'].map((l) => `${l}@${DOMAIN}`), maxFullAdmins: 2, revokeUnexpected: true },
          inactiveAccounts: { path: path('InactiveAccounts'), inactiveDays: 90, deactivate: true },
          attestations: {
            path: path('Attestations'),
            required: ['messageRetention', 'recordingRetention', 'idleTimeout', 'ssoEnforcement', 'siteLobbyPolicy', 'recordingAccess', 'dataResidency', 'businessAssociateAgreement', 'aiAssistantCoverage', 'siteEndToEndEncryption'],
            businessAssociateAgreement: { ...attested(), details: { plan: 'Enterprise', productsCovered: ['Webex Meetings', 'Webex Messaging'], signedOn: day(-60) } },
            messageRetention: { ...attested(), details: { retentionDays: 2190 } },
            recordingRetention: { ...attested(10), details: { retentionDays: 2190 } },
            siteLobbyPolicy: { ...attested(), details: { unauthenticatedUsers: 'lobby' } },
            recordingAccess: { ...attested(), details: { accessRestrictedTo: 'hosts and invited internal users', downloadAllowed: false } },
            aiAssistantCoverage: { ...attested(), details: { status: 'disabled' } },
            idleTimeout: { ...attested(), details: { idleTimeoutMinutes: 15 } },
            siteEndToEndEncryption: { ...attested(), details: { siteUrls: [SITE] } },
            dataResidency: { attestedBy: 'Pat Privacy', attestedOn: day(-400), expires: day(-5), reference: 'GRC-7', details: { region: 'United States' } },
          },
        },
        sites: [
          {
            path: 'clinic/RiversideClinic/MainSite',
            siteUrl: SITE,
            settings: {
              meetingSecurity: {
                path: path('MeetingSecurity'),
                joinBeforeHost: false,
                audioBeforeHost: false,
                firstAttendeeAsPresenter: false,
                unlistAllMeetings: true,
                requireLoginBeforeAccess: true,
                allowMobileScreenCapture: false,
                requireStrongPassword: true,
                passwordCriteria: { mixedCase: true, minLength: 12, minNumeric: 1, minAlpha: 1, minSpecial: 1, disallowDynamicWebText: true, disallowList: true, disallowValues: ['password', 'webex'] },
              },
              hostLobby: { path: path('HostLobby'), personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5, enabledNotifyHost: true }, schedulingOptions: { enabledJoinBeforeHost: false } },
              endToEndEncryption: { path: path('EndToEndEncryption'), sessionType: { nameContains: 'End to End Encryption' } },
              hostAiAssistant: { path: path('HostAiAssistant'), schedulingOptions: { enabledWebexAssistantByDefault: false } },
              hostRecordingSharing: { path: path('HostRecordingSharing'), schedulingOptions: { enabledAutoShareRecording: false } },
              scheduledMeetingLobby: { path: path('ScheduledMeetingLobby'), fixMeetings: true },
            },
          },
        ],
        exceptions: ['front.desk', 'former.contractor'].map((local) => ({
          ruleId: 'WBX.AUTH.2v1',
          reason: 'MFA enrolment is booked with the user; Webex has no API to turn it on for them',
          owner: `privacy.officer@${DOMAIN}`,
          expires: day(30),
          path: 'clinic/RiversideClinic',
          appliesTo: `${local}@${DOMAIN}`,
        })),
      },
    ],
  };
}

describe('webex-iac assess: the live clinic against the HIPAA pack, before and after apply', () => {
  let sim: RunningSimulator;
  let dir: string;
  let manifest: string;
  let env: NodeJS.ProcessEnv;
  const cli = (args: string[]) => runCli(args, env, dir);

  beforeAll(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    dir = mkdtempSync(join(tmpdir(), 'webex-iac-assess-'));
    manifest = join(dir, 'webex-manifest.json');
    writeFileSync(manifest, JSON.stringify(clinicManifest(), null, 2));
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(dir, 'state'), WEBEX_IAC_EVIDENCE_DIR: join(dir, 'evidence') };
  });
  afterAll(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('before apply: the seed fails, each failure with its citation, construct path and the values read', async () => {
    const text = await cli(['assess', '--manifest', manifest]);
    expect(withoutProgress(text.stderr)).toBe('');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`✗ WBX.MEET.1v1 SHALL  Attendees cannot join a site's meetings before the host [fail]\n      site ${SITE}: joinBeforeHost is true, must be false\n        at clinic/RiversideClinic/HipaaBaseline/MeetingSecurity\n      cites 45 CFR 164.312(a)(1) Access control (standard)`);
    expect(text.stdout).toContain(`host dr.lee@${DOMAIN} on ${SITE}: personalMeetingRoom.enabledAutoLock is false, must be true`);
    expect(text.stdout).toContain(`account former.contractor@${DOMAIN}: holds Full Administrator but is not in allowedAdmins`);
    expect(text.stdout).toContain('org: mfa was never enforced by webex-iac for this org (no record in the state folder) and Webex has no API to read it: run webex-iac apply');

    const json = JSON.parse((await cli(['assess', '--manifest', manifest, '--format', 'json'])).stdout) as Report;
    const results = json.orgs[0]!.results;
    const failing = results.filter((r) => r.status === 'fail' && r.level === 'SHALL').map((r) => r.ruleId);
    expect(failing).toEqual(['WBX.MEET.1v1', 'WBX.MEET.2v1', 'WBX.MEET.3v1', 'WBX.MEET.4v1', 'WBX.MEET.5v1', 'WBX.MEET.10v1', 'WBX.HOST.1v1', 'WBX.HOST.3v1', 'WBX.HOST.4v1', 'WBX.HOST.5v1', 'WBX.ADMIN.1v1', 'WBX.AUDIT.1v1']);
    // Upcoming meetings: each unsafe one by id and start, by host; safe hosts pass; never a title or a password.
    const ids = clinicMeetingIds(Date.now());
    const lobby = results.find((r) => r.ruleId === 'WBX.MEET.10v1')!;
    expect(lobby.judgements.filter((j) => j.status === 'fail').map((j) => j.finding)).toEqual([`WBX.MEET.10v1[${SITE}/dr.lee@${DOMAIN}]`, `WBX.MEET.10v1[${SITE}/dr.moore@${DOMAIN}]`]);
    expect(lobby.judgements.find((j) => j.finding.endsWith(`dr.moore@${DOMAIN}]`))!.message).toBe(
      `meeting ${ids['dr.moore/Second opinion']} (${day(5)}T15:00:00Z) lets people not on the invite join directly (unlockedMeetingJoinSecurity allowJoin) and never locks automatically (enableAutomaticLock false)`,
    );
    expect(text.stdout).toContain(`host dr.lee@${DOMAIN} on ${SITE}: meeting ${ids['dr.lee/Telehealth check-in']} (${day(2)}T15:00:00Z) lets people not on the invite join directly`);
    // The site offers the E2EE type, read from List Site Session Types.
    expect(results.find((r) => r.ruleId === 'WBX.ENC.2v2')!.judgements[0]!.message).toBe('the site offers the end-to-end encryption session type 628 (List Site Session Types)');
    // Recordings removed before six years: a warning naming each by id and status, never by topic.
    const kept = results.find((r) => r.ruleId === 'WBX.RET.3v1')!;
    expect([kept.level, kept.status]).toEqual(['SHOULD', 'fail']);
    expect(kept.judgements[0]!.message).toMatch(new RegExp(`^1 recording\\(s\\) created .* purged and 1 in the recycle bin before six years: ${CLINIC_RECORDING_IDS['Family conference']} \\(purged, created .*\\), ${CLINIC_RECORDING_IDS['Case review']} \\(deleted, created .*\\)$`));
    for (const secret of [...CLINIC_MEETING_PASSWORDS, 'Family conference', 'Telehealth check-in']) expect([secret, text.stdout.includes(secret) || JSON.stringify(json).includes(secret)]).toEqual([secret, false]);
    expect(results.find((r) => r.ruleId === 'WBX.MEET.5v1')!.judgements[0]!.values).toEqual({ requireStrongPassword: false, 'passwordCriteria.minLength': 4, 'passwordCriteria.mixedCase': false, 'passwordCriteria.minNumeric': 0 });
    expect(results.find((r) => r.ruleId === 'WBX.AUTH.1v1')!.status).toBe('not-verifiable');
    // The text run was the first of this scope: every failed finding was new; the JSON run finds them still there.
    expect(text.stdout).toMatch(/First recorded run of this scope: (\d+) new, 0 still there, 0 resolved, 0 regressed\.\n$/);
    const since = (json as unknown as { sinceLastRun: Record<string, { summary: Record<string, number>; items: { control: string; target: string; status: string }[] }> }).sinceLastRun[ORG]!;
    expect(since.summary).toEqual({ new: 0, still: since.items.length, resolved: 0, regressed: 0 });
    expect(since.items).toContainEqual(expect.objectContaining({ control: 'WBX.MEET.1v1', target: `site ${SITE}`, status: 'still' }));
  });

  test('after apply and an audit collection: every automated rule passes, write-only ones as enforced, attestations by status', async () => {
    expect((await cli(['apply', '--manifest', manifest, '--auto-approve', '--quiet'])).code).toBe(0);
    expect((await cli(['evidence', 'collect', '--manifest', manifest])).code).toBe(0);

    const run = await cli(['assess', '--manifest', manifest, '--format', 'json']);
    expect(withoutProgress(run.stderr)).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.compliant).toBe(true);
    const since = (report as unknown as { sinceLastRun: Record<string, { summary: Record<string, number>; items: { control: string; status: string }[] }> }).sinceLastRun[ORG]!;
    expect(since.summary.resolved).toBeGreaterThan(5);
    expect(since.items).toContainEqual(expect.objectContaining({ control: 'WBX.MEET.1v1', status: 'resolved' }));
    const results = report.orgs[0]!.results;
    const byAutomation = (a: string) => results.filter((r) => r.automation === a);

    expect(byAutomation('automated').map((r) => `${r.ruleId} ${r.status}`)).toEqual([
      'WBX.MEET.1v1 pass', 'WBX.MEET.2v1 pass', 'WBX.MEET.3v1 pass', 'WBX.MEET.4v1 pass', 'WBX.MEET.5v1 pass', 'WBX.MEET.6v1 pass', 'WBX.MEET.7v1 pass', 'WBX.MEET.8v1 pass',
      'WBX.MEET.10v1 pass', 'WBX.HOST.1v1 pass', 'WBX.HOST.2v1 pass', 'WBX.HOST.3v1 pass', 'WBX.HOST.4v1 pass', 'WBX.HOST.5v1 pass', 'WBX.ENC.1v1 pass', 'WBX.ENC.2v2 pass',
      'WBX.AUTH.2v1 excepted', 'WBX.ACCT.1v1 pass', 'WBX.ADMIN.1v1 pass', 'WBX.ADMIN.2v1 pass', 'WBX.AUDIT.1v1 pass', 'WBX.RET.3v1 fail',
    ]);
    // apply fixed the unsafe meetings (fixMeetings) with partial PATCHes: every password is as seeded.
    const meetings = Object.values(sim.snapshot().meetings);
    expect(meetings.map((m) => m.password).sort()).toEqual([...CLINIC_MEETING_PASSWORDS].sort());
    expect(meetings.filter((m) => m.hostEmail === `dr.moore@${DOMAIN}`).map((m) => [m.unlockedMeetingJoinSecurity, m.enableAutomaticLock])).toEqual([['allowJoinWithLobby', true]]);
    // dr.kim's unsafe meeting is 45 days out, beyond the default 30-day look-ahead: left alone.
    expect(meetings.filter((m) => m.hostEmail === `dr.kim@${DOMAIN}`).map((m) => [m.unlockedMeetingJoinSecurity, m.enableAutomaticLock])).toEqual([['allowJoin', false]]);
    expect(results.find((r) => r.ruleId === 'WBX.HOST.1v1')!.judgements).toHaveLength(13);
    expect(results.find((r) => r.ruleId === 'WBX.AUTH.2v1')!.judgements.map((j) => `${j.finding} ${j.status}`)).toEqual([
      `WBX.AUTH.2v1[former.contractor@${DOMAIN}] excepted`,
      `WBX.AUTH.2v1[front.desk@${DOMAIN}] excepted`,
    ]);

    for (const rule of byAutomation('write-only')) {
      expect([rule.ruleId, rule.status]).toEqual([rule.ruleId, 'pass']);
      expect(rule.judgements[0]!.evidence).toMatch(new RegExp(`^enforced by webex-iac on ${day(0)} \\(trackingId .+\\)$`));
    }

    const attestations = Object.fromEntries(byAutomation('manual-attestation').map((r) => [r.ruleId, `${r.status} ${r.judgements.map((j) => (j.status === 'pass' ? j.evidence : j.message)).join(' | ')}`]));
    expect(attestations['WBX.GOV.1v1']).toBe(`pass attested by Pat Privacy on ${day(-30)} (GRC-42), valid until ${day(335)}`);
    expect(attestations['WBX.RET.2v1']).toBe(`pass attested by Pat Privacy on ${day(-30)} (GRC-42), valid until ${day(10)}: expires in 10 day(s)`);
    expect(attestations['WBX.GOV.3v1']).toBe(`fail dataResidency attestation expired on ${day(-5)}: renew it`);
    expect(report.orgs[0]!.exceptions.map((e) => e.state)).toEqual(['active', 'active']);
  });

  test('assess writes nothing to Webex and appends an assess record to the evidence log', async () => {
    const writes = sim.exchanges.filter((e) => e.method !== 'GET').length;
    expect((await cli(['assess', '--manifest', manifest, '--format', 'markdown'])).stdout).toMatch(/^## webex-iac assess: ✅ compliant/);
    expect(sim.exchanges.filter((e) => e.method !== 'GET')).toHaveLength(writes);
    const lines = filesBelow(join(dir, 'evidence')).filter((f) => f.endsWith('.jsonl')).flatMap((f) => readFileSync(f, 'utf8').trim().split('\n'));
    const assess = lines.map((l) => JSON.parse(l) as { kind: string; details: { compliant: boolean; profile: string } }).filter((r) => r.kind === 'assess');
    expect(assess.length).toBeGreaterThanOrEqual(3);
    expect(assess.at(-1)!.details).toMatchObject({ compliant: true, profile: 'hipaa-current' });
    expect((await cli(['evidence', 'verify'])).code).toBe(0);
    for (const file of filesBelow(dir)) expect([file, readFileSync(file, 'utf8').includes(TOKEN)]).toEqual([file, false]);
  });

  test('the SARIF of an assessment validates against the SARIF 2.1.0 schema, and --site leaves org rules out', async () => {
    const sarif = await cli(['assess', '--manifest', manifest, '--format', 'sarif', '--profile', 'hipaa-nprm-2025']);
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object);
    expect(validate(JSON.parse(sarif.stdout))).toBe(true);

    const site = JSON.parse((await cli(['assess', '--manifest', manifest, '--site', SITE, '--format', 'json'])).stdout) as Report;
    expect(site.orgs[0]!.results.map((r) => r.ruleId)).toEqual([
      'WBX.MEET.1v1', 'WBX.MEET.2v1', 'WBX.MEET.3v1', 'WBX.MEET.4v1', 'WBX.MEET.5v1', 'WBX.MEET.6v1', 'WBX.MEET.7v1', 'WBX.MEET.8v1',
      'WBX.MEET.10v1', 'WBX.HOST.1v1', 'WBX.HOST.2v1', 'WBX.HOST.3v1', 'WBX.HOST.4v1', 'WBX.HOST.5v1', 'WBX.ENC.1v1', 'WBX.ENC.2v2', 'WBX.RET.3v1',
    ]);
  });

  test('a site the token cannot see is one clear error line', async () => {
    const other = clinicManifest();
    other.orgs[0]!.sites[0]!.siteUrl = 'elsewhere.webex.com';
    const file = join(dir, 'other.json');
    writeFileSync(file, JSON.stringify(other));
    const result = await cli(['assess', '--manifest', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Error: clinic\/RiversideClinic\/MainSite \(siteUrl elsewhere\.webex\.com of org "Riverside Family Clinic"\): not a Meetings site this token administers/);
  });
});
