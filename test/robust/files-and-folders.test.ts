import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { spawnCli } from '../helpers/spawn-cli';

const TOKEN = 'files-and-folders-token-81c2';

/** Exactly one line on stderr, no stack trace. */
function oneLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0]!;
}

describe('files and folders: regular files only, nothing blocks, one line naming the path and the cause', () => {
  let dir: string;
  let sim: RunningSimulator;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'webex-iac-files-'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(clinicManifest()));
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(dir, 'state'), WEBEX_IAC_EVIDENCE_DIR: join(dir, 'evidence') };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a FIFO given as --manifest is refused at once instead of blocking forever', async () => {
    const fifo = join(dir, 'manifest.fifo');
    execFileSync('mkfifo', [fifo]);
    const result = await spawnCli(['check', '--manifest', fifo], env, { hardLimitMs: 20_000 }).done;
    expect(result.hung).toBe(false);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toBe(`Error: cannot read manifest ${fifo}: it is a FIFO (named pipe), not a regular file`);
  }, 30_000);

  test('a FIFO given as a saved plan, or a folder as --manifest, is refused', async () => {
    const fifo = join(dir, 'plan.fifo');
    execFileSync('mkfifo', [fifo]);
    const saved = await spawnCli(['apply', fifo, '--auto-approve'], env, { hardLimitMs: 20_000 }).done;
    expect(saved.hung).toBe(false);
    expect(saved.code).toBe(1);
    expect(oneLine(saved.stderr)).toBe(`Error: cannot read saved plan ${fifo}: it is a FIFO (named pipe), not a regular file`);

    const folder = await spawnCli(['plan', '--manifest', dir], env, { hardLimitMs: 20_000 }).done;
    expect(folder.code).toBe(1);
    expect(oneLine(folder.stderr)).toBe(`Error: cannot read manifest ${dir}: it is a folder, not a regular file`);
  }, 30_000);

  test('an evidence folder under /proc fails in one line instead of spinning at 100 % CPU', async () => {
    const evidence = `/proc/webex-iac-evidence-${process.pid}`;
    const result = await spawnCli(['plan', '--manifest', join(dir, 'manifest.json'), '--quiet'], { ...env, WEBEX_IAC_EVIDENCE_DIR: evidence }, { hardLimitMs: 20_000 }).done;
    expect(result.hung).toBe(false);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toBe(`Error: cannot create the evidence folder ${evidence}/riverside-family-clinic: no such file or folder (ENOENT)`);
  }, 30_000);

  test('an evidence folder below a file is one line naming the path and ENOTDIR', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const result = await spawnCli(['plan', '--manifest', join(dir, 'manifest.json'), '--quiet'], { ...env, WEBEX_IAC_EVIDENCE_DIR: join(file, 'evidence') }, { hardLimitMs: 20_000 }).done;
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toBe(`Error: cannot create the evidence folder ${join(file, 'evidence', 'riverside-family-clinic')}: ${file} is a file, not a folder (ENOTDIR)`);
  }, 30_000);

  test('plan --out below a file is one line naming the path and the cause', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const out = join(file, 'plan.json');
    const result = await spawnCli(['plan', '--manifest', join(dir, 'manifest.json'), '--quiet', '--out', out], env, { hardLimitMs: 20_000 }).done;
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toMatch(new RegExp(`^Error: cannot write the saved plan ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: a part of the path is a file, not a folder \\(ENOTDIR\\)$`));
  }, 30_000);
});
