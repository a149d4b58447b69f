import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Manifest } from '../../manifest';
import { RunningSimulator, startSimulator } from '../../simulator';
import { CLINIC } from '../../simulator/seeds/clinic';
import { runCli } from '../helpers/run-cli';

const TOKEN = 'attributed-drift-token-5d1e';
const SITE = CLINIC.siteUrl;
const HOST = `dr.lee@${CLINIC.emailDomain}`;
const IT_LEAD = 'it.lead@partner.example';
/** A Webex display name is anyone's to choose: escape sequences, markdown and HTML must arrive inert. */
const HOSTILE_NAME = 'IT Lead \u001b[2J\u001b]8;;https://evil.example\u0007<img src=x onerror=alert(1)> **[click](https://evil.example)**';
const PATH = (name: string) => `clinic/RiversideClinic/${name}`;

function manifest(): Manifest {
  return {
    formatVersion: 1,
    stack: 'clinic',
    orgs: [
      {
        path: 'clinic/RiversideClinic',
        name: CLINIC.orgName,
        settings: {
          passwordPolicy: { path: PATH('PasswordPolicy'), minimumLength: 14, minimumNumeric: 1, minimumCapAlpha: 1, minimumLowAlpha: 1, minimumSpecial: 1, historyCount: 5, maxPasswordAgeDays: 90 },
          mfa: { path: PATH('Mfa'), mfaEnabled: true },
        },
        sites: [
          {
            path: PATH('MainSite'),
            siteUrl: SITE,
            settings: {
              meetingSecurity: { path: PATH('MainSite/MeetingSecurity'), joinBeforeHost: false, audioBeforeHost: false },
              hostLobby: { path: PATH('MainSite/HostLobby'), personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5 } },
            },
          },
        ],
      },
    ],
  } as Manifest;
}

const PMR_FIELDS = ['topic', 'hostPin', 'enabledAutoLock', 'autoLockMinutes', 'enabledNotifyHost', 'supportCoHost', 'supportAnyoneAsCoHost', 'allowFirstUserToBeCoHost', 'allowAuthenticatedDevices', 'coHosts'];
const pick = (record: Record<string, unknown>, fields: readonly string[]) => Object.fromEntries(fields.filter((f) => f in record).map((f) => [f, record[f]]));

interface JsonChange {
  setting: string;
  action: string;
  target: { kind: string; email?: string; siteUrl?: string };
  notes: string[];
  attribution?: { status: string; since: string; byToken?: boolean; event?: { actorEmail: string; actorName: string; at: string; trackingId: string } };
}

describe('attributed drift: who changed it, from the admin audit log (simulator, real HTTP, the CLI)', () => {
  let sim: RunningSimulator;
  let dir: string;
  let file: string;
  let env: NodeJS.ProcessEnv;
  const cli = (args: string[]) => runCli(args, env, dir);
  const webex = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sim.url}${path}`, { method, headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    expect(`${response.status} ${response.status === 200 ? '' : text}`).toBe('200 ');
    return JSON.parse(text) as Record<string, unknown>;
  };

  beforeEach(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    dir = mkdtempSync(join(tmpdir(), 'webex-iac-attributed-'));
    file = join(dir, 'webex-manifest.json');
    writeFileSync(file, JSON.stringify(manifest()));
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(dir, 'state'), WEBEX_IAC_EVIDENCE_DIR: join(dir, 'evidence') };
    expect((await cli(['apply', '--manifest', file, '--auto-approve', '--quiet'])).code).toBe(0);
  });
  afterEach(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an admin changes a host\'s lobby and the site\'s join-before-host in Control Hub: drift names them, with the time, in text, markdown and JSON', async () => {
    const converged = await cli(['drift', '--manifest', file]);
    expect(converged.code).toBe(0);

    const itLead = sim.controlHubAdmin({ email: IT_LEAD, displayName: HOSTILE_NAME });
    await webex(itLead, 'PATCH', '/v1/admin/meeting/config/commonSettings', { securityOptions: { joinBeforeHost: true } });
    const room = await webex(TOKEN, 'GET', `/v1/meetingPreferences/personalMeetingRoom?userEmail=${encodeURIComponent(HOST)}&siteUrl=${SITE}`);
    await webex(itLead, 'PUT', `/v1/meetingPreferences/personalMeetingRoom?userEmail=${encodeURIComponent(HOST)}&siteUrl=${SITE}`, { ...pick(room, PMR_FIELDS), enabledAutoLock: false });
    const events = sim.snapshot().adminAudit.filter((e) => e.data.actorEmail === IT_LEAD);
    expect(events).toHaveLength(2);

    const json = await cli(['drift', '--manifest', file, '--format', 'json']);
    expect(json.code).toBe(2);
    const changes = (JSON.parse(json.stdout) as { changes: JsonChange[] }).changes;
    expect(changes.map((c) => `${c.setting} ${c.target.kind}`).sort()).toEqual(['hostLobby person', 'meetingSecurity site']);
    // Every item carries its attribution: here both the IT lead's, with Webex's time and trackingId.
    for (const change of changes) {
      expect(change.attribution).toMatchObject({ status: 'audit-event', byToken: false, event: { actorEmail: IT_LEAD, actorName: HOSTILE_NAME } });
    }
    const site = changes.find((c) => c.setting === 'meetingSecurity')!;
    const host = changes.find((c) => c.setting === 'hostLobby')!;
    expect(site.attribution!.event!.at).toBe(events.find((e) => e.data.targetType === 'SITE')!.created);
    expect(host.attribution!.event!.at).toBe(events.find((e) => e.data.targetType === 'USER')!.created);
    expect(site.attribution!.event!.trackingId).toBe(events.find((e) => e.data.targetType === 'SITE')!.data.trackingId);

    const text = await cli(['drift', '--manifest', file]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(`changed in Control Hub by ${IT_LEAD} (IT Lead`);
    expect(text.stdout).toContain(`at ${site.attribution!.event!.at}`);
    expect(text.stdout).toContain(`${HOST}: changed in Control Hub by ${IT_LEAD}`);
    // The hostile name arrives inert: no escape sequence reaches the terminal.
    expect(text.stdout).not.toContain('\u001b');
    expect(text.stdout).not.toContain('\u0007');

    const markdown = await cli(['drift', '--manifest', file, '--format', 'markdown']);
    expect(markdown.stdout.match(/🕵️ changed in Control Hub by it\.lead&#64;&#8203;partner\.example/g)).toHaveLength(2);
    expect(markdown.stdout).not.toContain('<img');

    // The evidence log records each drift with its attribution.
    const { EvidenceLog } = await import('../../provisioning/evidence');
    const records = new EvidenceLog({ dir: join(dir, 'evidence'), toolVersion: 'test' }).read(CLINIC.orgName).map((r) => r.record).filter((r) => r.kind === 'drift');
    const last = records[records.length - 1]!;
    expect(last.changes!.map((c) => (c as { attribution?: { status: string; event?: { actorEmail: string } } }).attribution)).toEqual([
      expect.objectContaining({ status: 'audit-event', event: expect.objectContaining({ actorEmail: IT_LEAD }) }),
      expect.objectContaining({ status: 'audit-event', event: expect.objectContaining({ actorEmail: IT_LEAD }) }),
    ]);
    expect(markdown.stdout).not.toContain('](https://evil.example)');
  });

  test('a change made with the token webex-iac uses is told apart from an admin\'s', async () => {
    await webex(TOKEN, 'PATCH', '/v1/admin/meeting/config/commonSettings', { securityOptions: { joinBeforeHost: true } });
    const json = await cli(['drift', '--manifest', file, '--format', 'json']);
    const [change] = (JSON.parse(json.stdout) as { changes: JsonChange[] }).changes;
    expect(change!.attribution).toMatchObject({ status: 'audit-event', byToken: true });
  });

  test('write-only: a Control Hub change of the password policy after webex-iac enforced it makes the next plan enforce it, naming who; without one, no change', async () => {
    const quiet = await cli(['plan', '--manifest', file, '--format', 'json']);
    expect(quiet.code).toBe(0);
    expect((JSON.parse(quiet.stdout) as { changes: JsonChange[] }).changes).toEqual([]);

    const itLead = sim.controlHubAdmin({ email: IT_LEAD, displayName: 'IT Lead' });
    await webex(itLead, 'PATCH', `/identity/organizations/${CLINIC.identityOrgId}/passwordPolicy`, {
      schemas: ['urn:cisco:codev:identity:idbroker:pwdpolicy:schemas:1.0'],
      minimumLength: '8',
      minimumNumeric: '0',
      minimumCapAlpha: '0',
      minimumLowAlpha: '0',
      minimumSpecial: '0',
      historyCount: '1',
      maxPasswordAge: '1825',
    });

    const plan = await cli(['plan', '--manifest', file, '--format', 'json']);
    expect(plan.code).toBe(0);
    const changes = (JSON.parse(plan.stdout) as { changes: JsonChange[] }).changes;
    expect(changes.map((c) => `${c.setting} ${c.action}`)).toEqual(['passwordPolicy enforce']);
    expect(changes[0]!.notes[0]).toMatch(new RegExp(`^drifted: passwordPolicy changed in Control Hub by ${IT_LEAD.replace(/\./g, '\\.')} at \\S+ \\(trackingId \\S+: ORG "Password policy updated"\\) after webex-iac enforced it on `));
    expect(changes[0]!.attribution).toMatchObject({ status: 'audit-event', byToken: false, event: { actorEmail: IT_LEAD } });
    // MFA (authentication settings) was not touched: still no change for it.
    const text = await cli(['plan', '--manifest', file]);
    expect(text.stdout).toContain(`drifted: passwordPolicy changed in Control Hub by ${IT_LEAD}`);

    // Enforcing it again settles it: the next plan has nothing to do.
    expect((await cli(['apply', '--manifest', file, '--auto-approve', '--quiet'])).code).toBe(0);
    expect((JSON.parse((await cli(['plan', '--manifest', file, '--format', 'json'])).stdout) as { changes: JsonChange[] }).changes).toEqual([]);
  });
});
