import axios from 'axios';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson, Manifest } from '../../manifest';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { runCli } from '../helpers/run-cli';

const ADMIN_TOKEN = 'notify-admin-token-7d2e';
const BOT_TOKEN = 'notify-bot-token-93af51';
const SITE = 'riverside-clinic.webex.com';
const PMR = '/v1/meetingPreferences/personalMeetingRoom';
const READ_ONLY_PMR_FIELDS = ['personalMeetingRoomLink', 'sipAddress', 'dialInIpAddress', 'telephony'];

function manifestWithHosts(): Manifest {
  const manifest = clinicManifest();
  manifest.orgs[0]!.sites[0]!.settings.hostLobby = { path: 'clinic/RiversideClinic/MainSite/HostLobby', personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5 } };
  return manifest;
}

interface Message { id: string; markdown?: string; text: string; personEmail: string }


// Several CLI runs per test, each a node process: minutes on a loaded machine.
jest.setTimeout(300_000);
describe('drift --notify-room: one message per run with what is new, nothing when nothing is, "resolved" after apply (CLI against the simulator)', () => {
  let sim: RunningSimulator;
  let work: string;
  let manifest: string;
  let env: NodeJS.ProcessEnv;
  let room: string;
  const as = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
  const messages = async (): Promise<Message[]> => (await axios.get(`${sim.url}/v1/messages?roomId=${room}`, as(BOT_TOKEN))).data.items;
  const drift = (...args: string[]) => runCli(['drift', '--manifest', manifest, '--quiet', '--notify-room', room, ...args], env);
  const evidenceFiles = () => readdirSync(join(work, 'evidence'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
  const notifications = () => evidenceFiles().filter((f) => f.endsWith('.jsonl')).flatMap((f) => readFileSync(f, 'utf8').trim().split('\n')).map((l) => JSON.parse(l) as { kind: string }).filter((r) => r.kind === 'notification');

  /** Changes another admin makes in Control Hub (the simulator's test seam): the site's join-before-host on, a host's auto-lock off. */
  async function changeOutsideWebexIac(): Promise<void> {
    const controlHub = sim.controlHubAdmin({ email: 'it.lead@riverside-clinic.example' });
    await axios.patch(`${sim.url}/v1/admin/meeting/config/commonSettings`, { securityOptions: { joinBeforeHost: true } }, as(controlHub));
    const query = `?userEmail=dr.lee@riverside-clinic.example&siteUrl=${SITE}`;
    const current = (await axios.get(`${sim.url}${PMR}${query}`, as(controlHub))).data as Record<string, unknown>;
    for (const field of READ_ONLY_PMR_FIELDS) delete current[field];
    await axios.put(`${sim.url}${PMR}${query}`, { ...current, enabledAutoLock: false }, as(controlHub));
  }

  beforeEach(async () => {
    sim = await startSimulator({ tokens: { [ADMIN_TOKEN]: {}, [BOT_TOKEN]: { scopes: ['spark:rooms_write', 'spark:messages_write', 'spark:messages_read'] } }, seed: 'clinic' });
    work = mkdtempSync(join(tmpdir(), 'webex-iac-notify-'));
    manifest = join(work, 'webex-manifest.json');
    writeFileSync(manifest, canonicalJson(manifestWithHosts()));
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: ADMIN_TOKEN, WEBEX_NOTIFY_TOKEN: BOT_TOKEN, WEBEX_IAC_EVIDENCE_DIR: join(work, 'evidence'), WEBEX_IAC_STATE_DIR: join(work, 'state'), GITHUB_ACTIONS: 'true', CI: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/webex', GITHUB_RUN_ID: '4242' };
    room = ((await axios.post(`${sim.url}/v1/rooms`, { title: 'Webex security' }, as(BOT_TOKEN))).data as { id: string }).id;
    expect((await runCli(['apply', '--manifest', manifest, '--auto-approve', '--quiet'], env)).code).toBe(0);
    expect((await drift()).code).toBe(0);
    expect(await messages()).toEqual([]);
  });
  afterEach(async () => {
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('changes made outside webex-iac: one message, weakening first, with the CI run; the next run posts nothing; after apply, "resolved"', async () => {
    await changeOutsideWebexIac();
    const first = await drift();
    expect(first.code).toBe(2);
    expect(first.stderr).toMatch(/Webex space: posted one message \(2 open, 0 resolved\)/);
    const [message, ...older] = await messages();
    expect(older).toEqual([]);
    const markdown = message!.markdown!;
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(7439);
    expect(markdown).toMatch(/^\*\*webex-iac drift\*\*: drift: 2 new, 0 regressed, 0 resolved · ⚠️ \*\*2 weaken security\*\* · \[CI run\]\(https:\/\/github\.com\/acme\/webex\/actions\/runs\/4242\)\n\n\*\*Riverside Family Clinic\*\*\n/);
    const lines = markdown.split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toEqual([
      expect.stringMatching(/^- ⚠️ \*\*weakens\*\* · new · drift of meetingSecurity on site riverside-clinic\.webex\.com · joinBeforeHost is true, declared false/),
      expect.stringMatching(/^- ⚠️ \*\*weakens\*\* · new · drift of hostLobby on person dr\.lee&#64;&#8203;riverside-clinic\.example on riverside-clinic\.webex\.com · personalMeetingRoom\.enabledAutoLock is false, declared true/),
    ]);
    // Each names who made it, from the admin audit log: the Control Hub admin, not the token webex-iac uses.
    for (const line of lines) expect(line).toMatch(/ · changed in Control Hub by it\.lead&#64;&#8203;riverside-clinic\.example at 20\d\d-\d\d-\d\dT/);
    expect(notifications()).toHaveLength(1);

    const nightly = await drift();
    expect(nightly.code).toBe(2);
    expect(nightly.stderr).toMatch(/nothing new since it was last told; no message posted/);
    expect(await messages()).toHaveLength(1);

    expect((await runCli(['apply', '--manifest', manifest, '--auto-approve', '--quiet'], env)).code).toBe(0);
    const after = await drift();
    expect(after.code).toBe(0);
    const [resolved] = await messages();
    expect(await messages()).toHaveLength(2);
    expect(resolved!.markdown).toMatch(/^\*\*webex-iac drift\*\*: drift: 0 new, 0 regressed, 2 resolved/);
    expect(resolved!.markdown!.split('\n').filter((l) => l.startsWith('- ')).every((l) => l.startsWith('- ✅ resolved · '))).toBe(true);
    expect((await drift()).stderr).toMatch(/no message posted/);
    expect(await messages()).toHaveLength(2);

    // The bot token is nowhere: not in the output, not in the evidence log.
    for (const file of evidenceFiles()) expect([file, readFileSync(file, 'utf8').includes(BOT_TOKEN)]).toEqual([file, false]);
  });

  test('a post Webex refuses fails the command and is not recorded as told: the next run tells it', async () => {
    await changeOutsideWebexIac();
    sim.injectFault({ method: 'POST', path: '/v1/messages', status: 403 });
    const refused = await drift();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Error: POST \/v1\/messages answered 403/m);
    expect(`${refused.stdout}${refused.stderr}`).not.toContain(BOT_TOKEN);
    expect(notifications()).toEqual([]);
    expect(await messages()).toEqual([]);

    const retried = await drift();
    expect(retried.code).toBe(2);
    const [message] = await messages();
    // Still there since the failed run, never told: told now.
    expect(message!.markdown).toMatch(/2 not told before/);
    expect(notifications()).toHaveLength(1);
  });

  test('without WEBEX_NOTIFY_TOKEN, or with a room id that is not one, one line and nothing read', async () => {
    const before = sim.exchanges.length;
    const noToken = await runCli(['drift', '--manifest', manifest, '--notify-room', room], { ...env, WEBEX_NOTIFY_TOKEN: '' });
    expect([noToken.code, noToken.stderr]).toEqual([1, 'Error: --notify-room needs WEBEX_NOTIFY_TOKEN: export the access token of the Webex bot that posts to the space\n']);
    const badRoom = await runCli(['drift', '--manifest', manifest, '--notify-room', '../rooms?x=1'], env);
    expect(badRoom.code).toBe(1);
    expect(badRoom.stderr).toMatch(/^Error: --notify-room must be a Webex space id/);
    expect(sim.exchanges.length).toBe(before);
  });
});
