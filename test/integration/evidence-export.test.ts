import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli';
import { entry, ORG, tempDir, testLog } from '../evidence/helpers';

describe('evidence export writes a self-contained archive; verify --archive checks it', () => {
  let work: string;
  let env: NodeJS.ProcessEnv;
  const keys = generateKeyPairSync('ed25519');
  const pem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  beforeAll(async () => {
    work = tempDir('webex-iac-evidence-export-');
    const dir = join(work, 'evidence');
    const log = testLog(dir, ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-02-02T00:00:00.000Z']);
    for (const kind of ['apply', 'assess', 'drift']) await log.append(ORG, entry(kind));
    writeFileSync(join(work, 'key.pub.pem'), keys.publicKey.export({ type: 'spki', format: 'pem' }));
    env = { WEBEX_IAC_EVIDENCE_DIR: dir };
    expect((await runCli(['evidence', 'sign'], { ...env, WEBEX_IAC_EVIDENCE_KEY: pem })).code).toBe(0);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('the archive holds the log, head, checkpoints, report, transcript and a signed manifest, and verifies', async () => {
    const archive = join(work, 'archive');
    const exported = await runCli(['evidence', 'export', '--output', archive, '--public-key', join(work, 'key.pub.pem')], { ...env, WEBEX_IAC_EVIDENCE_KEY: pem });
    expect([exported.code, exported.stderr]).toEqual([0, '']);
    expect(exported.stdout).toMatch(/Wrote the evidence archive .*: 8 file\(s\), manifest signed with key [0-9a-f]{16}; evidence chain intact, signed checkpoints verified/);
    expect(readdirSync(archive).sort()).toEqual(['MANIFEST.json', 'evidence', 'report.html', 'report.json', 'verification.txt']);
    expect(readdirSync(join(archive, 'evidence', 'riverside-family-clinic')).sort()).toEqual(['2026-01.jsonl', '2026-02.jsonl', 'head.json']);
    expect(readFileSync(join(archive, 'verification.txt'), 'utf8')).toMatch(/chain intact[\s\S]*Signed checkpoints: 2 verified/);
    expect(readFileSync(join(archive, 'MANIFEST.json'), 'utf8')).not.toContain(pem.split('\n')[1]!);

    const ok = await runCli(['evidence', 'verify', '--archive', archive, '--public-key', join(work, 'key.pub.pem')]);
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toMatch(/manifest signature: verified/);

    const again = await runCli(['evidence', 'export', '--output', archive], env);
    expect(again.stderr).toMatch(/^Error: .*archive already exists: an archive is written once, to a new folder\n$/);
  });

  test.each([
    ['a changed report', (a: string) => appendFileSync(join(a, 'report.html'), '<!-- -->'), /report\.html: its sha256 differs from MANIFEST\.json/],
    ['an added file', (a: string) => writeFileSync(join(a, 'evidence', 'notes.txt'), 'x'), /evidence\/notes\.txt: in the archive but not in MANIFEST\.json/],
    ['a removed log file', (a: string) => rmSync(join(a, 'evidence', 'riverside-family-clinic', '2026-01.jsonl')), /2026-01\.jsonl: listed in MANIFEST\.json but missing/],
    ['a re-hashed manifest', (a: string) => {
      appendFileSync(join(a, 'report.json'), ' ');
      const manifest = JSON.parse(readFileSync(join(a, 'MANIFEST.json'), 'utf8'));
      const file = manifest.files.find((f: { path: string }) => f.path === 'report.json');
      file.sha256 = require('node:crypto').createHash('sha256').update(readFileSync(join(a, 'report.json'))).digest('hex');
      file.bytes += 1;
      writeFileSync(join(a, 'MANIFEST.json'), JSON.stringify(manifest));
    }, /MANIFEST\.json: the signature does not verify: the manifest was altered/],
  ])('%s fails verify --archive, naming the file', async (_name, tamper, message) => {
    const archive = join(work, `tampered-${_name.replace(/\W+/g, '-')}`);
    cpSync(join(work, 'archive'), archive, { recursive: true });
    tamper(archive);
    const result = await runCli(['evidence', 'verify', '--archive', archive, '--public-key', join(work, 'key.pub.pem')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(existsSync(archive)).toBe(true);
  });
});
