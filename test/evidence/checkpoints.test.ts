import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signCheckpoints, verifyCheckpoints, verifyLog } from '../../provisioning/evidence';
import { entry, lines, ORG, tempDir, testLog, writeLines } from './helpers';

const FILE = 'riverside-family-clinic/2026-01.jsonl';

describe('signed checkpoints anchor the log outside its folder', () => {
  const keys = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519');
  let dir: string;
  const times = ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z', '2026-01-04T00:00:00.000Z'];

  beforeEach(async () => {
    dir = tempDir();
    const log = testLog(dir, times);
    for (const kind of ['plan', 'apply', 'assess']) await log.append(ORG, entry(kind, { n: kind }));
    expect(signCheckpoints(dir, keys.privateKey, new Date('2026-01-05T00:00:00.000Z')).signed).toHaveLength(1);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('an intact, signed log verifies; signing again at the same head adds nothing; a later append is signed as a new checkpoint', async () => {
    expect(verifyCheckpoints(dir, [keys.publicKey]).problems).toEqual([]);
    expect(signCheckpoints(dir, keys.privateKey)).toMatchObject({ signed: [], unchanged: 1 });
    await testLog(dir, ['2026-01-06T00:00:00.000Z']).append(ORG, entry('drift'));
    expect(signCheckpoints(dir, keys.privateKey).signed.map((c) => c.line)).toEqual([4]);
    const file = JSON.parse(readFileSync(join(dir, 'checkpoints', 'riverside-family-clinic', '2026-01.json'), 'utf8'));
    expect(file.checkpoints.map((c: { line: number }) => c.line)).toEqual([3, 4]);
    expect(verifyCheckpoints(dir, [keys.publicKey])).toMatchObject({ checked: 2, problems: [] });
  });

  test('a log rewritten as a new, internally valid chain (head.json recomputed) fails, naming the file and checkpoint', async () => {
    const forged = tempDir();
    const log = testLog(forged, times);
    for (const kind of ['plan', 'apply', 'assess']) await log.append(ORG, entry(kind, { n: kind === 'apply' ? 'nothing happened' : kind }));
    cpSync(join(forged, 'riverside-family-clinic'), join(dir, 'riverside-family-clinic'), { recursive: true });
    rmSync(forged, { recursive: true, force: true });
    expect(verifyLog(dir).intact).toBe(true);
    expect(verifyCheckpoints(dir, [keys.publicKey]).problems).toEqual([
      { file: FILE, line: 3, message: expect.stringMatching(/^checkpoint 1 \(line 3, signed 2026-01-05T00:00:00.000Z\): line 3 is not the line that was signed: the log was rewritten/) },
    ]);
  });

  test('a log truncated below a checkpoint fails', () => {
    const file = join(dir, FILE);
    writeLines(file, lines(file).slice(0, 2));
    writeFileSync(join(dir, 'riverside-family-clinic', 'head.json'), JSON.stringify({ org: ORG, file: '2026-01.jsonl', line: 2, sha256: createHash('sha256').update(lines(file)[1]!).digest('hex') }));
    expect(verifyLog(dir).intact).toBe(true);
    expect(verifyCheckpoints(dir, [keys.publicKey]).problems).toEqual([{ file: FILE, line: 3, message: expect.stringMatching(/the file now has 2 line\(s\): the log was truncated below a signed checkpoint/) }]);
  });

  test('a checkpoint signed with another key, or altered, fails; deleted checkpoints fail too', () => {
    expect(verifyCheckpoints(dir, [other.publicKey]).problems[0]).toEqual({ file: 'checkpoints/riverside-family-clinic/2026-01.json', message: expect.stringMatching(/^checkpoint 1 \(line 3, .*\) was signed with key [0-9a-f]{16}, which is not among the given public keys/) });
    const path = join(dir, 'checkpoints', 'riverside-family-clinic', '2026-01.json');
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace('"line": 3', '"line": 2'));
    expect(verifyCheckpoints(dir, [keys.publicKey]).problems[0]!.message).toMatch(/the signature does not verify .*altered or forged/);
    rmSync(join(dir, 'checkpoints'), { recursive: true });
    expect(verifyCheckpoints(dir, [keys.publicKey]).problems[0]!.message).toMatch(/has records but no signed checkpoint/);
  });

  test('key rotation: old checkpoints verify with the old public key given beside the new one', async () => {
    await testLog(dir, ['2026-01-07T00:00:00.000Z']).append(ORG, entry('drift'));
    signCheckpoints(dir, other.privateKey);
    expect(verifyCheckpoints(dir, [other.publicKey]).problems).toHaveLength(1);
    expect(verifyCheckpoints(dir, [keys.publicKey, other.publicKey]).problems).toEqual([]);
  });
});
