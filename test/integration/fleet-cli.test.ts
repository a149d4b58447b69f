import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../../manifest';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { BIN, runCli, withoutProgress } from '../helpers/run-cli';

const TOKEN = 'fleet-cli-token-8e1f';

describe('fleet flags of the CLI', () => {
  let sim: RunningSimulator;
  let dir: string;
  let manifest: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    dir = mkdtempSync(join(tmpdir(), 'webex-iac-fleet-cli-'));
    manifest = join(dir, 'webex-manifest.json');
    writeFileSync(manifest, canonicalJson(clinicManifest()));
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(dir, 'state') };
  });
  afterAll(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('plan --concurrency 1 plans; stdout stays the JSON plan, and a short run writes no progress to stderr', async () => {
    const result = await runCli(['plan', '--manifest', manifest, '--format', 'json', '--concurrency', '1'], env);
    expect(withoutProgress(result.stderr)).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ formatVersion: 1 });
  });

  test.each([
    [['plan', '--concurrency', '0'], {}, /--concurrency must be an integer from 1 to 256, received: "0"/],
    [['drift', '--concurrency', 'lots'], {}, /--concurrency must be an integer from 1 to 256, received: "lots"/],
    [['plan'], { WEBEX_IAC_CONCURRENCY: '1000' }, /^Error: WEBEX_IAC_CONCURRENCY must be an integer from 1 to 256, received: "1000"\n$/],
    [['simulator', '--token', 't', '--seed', 'clinic', '--users', '10'], {}, /^Error: --orgs, --sites and --users size the health-system seed; they cannot be used with --seed clinic\n$/],
  ])('%j refuses with one line and exit 1', async (args, extra, message) => {
    const result = await runCli([...args, ...(args[0] === 'simulator' ? [] : ['--manifest', manifest])], { ...env, ...extra });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  test('simulator --seed health-system --orgs --sites --users serves a health system of that size', async () => {
    const child = spawn(process.execPath, [BIN, 'simulator', '--token', TOKEN, '--seed', 'health-system', '--orgs', '2', '--sites', '3', '--users', '4'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`simulator exited ${code}`)));
      });
      const headers = { Authorization: `Bearer ${TOKEN}` };
      const orgs = (await (await fetch(`${url}/v1/organizations`, { headers })).json()) as { items: { id: string }[] };
      expect(orgs.items).toHaveLength(2);
      const people = (await (await fetch(`${url}/v1/people?orgId=${encodeURIComponent(orgs.items[1]!.id)}`, { headers })).json()) as { items: { siteUrls: string[] }[] };
      expect(people.items).toHaveLength(5);
      expect(people.items[1]!.siteUrls).toHaveLength(3);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
