import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EvidenceLogError, verifyLog } from '../../provisioning/evidence';
import { runCli } from '../helpers/run-cli';
import { entry, ORG, tempDir, testLog } from './helpers';

const FOLDER = 'riverside-family-clinic';

describe('a line of the evidence log that is not a record is an error naming file and line, never skipped', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = tempDir();
    const log = testLog(dir, ['2026-03-04T05:06:07.890Z', '2026-03-04T05:06:08.000Z', '2026-03-04T05:06:09.000Z']);
    for (const kind of ['plan', 'apply', 'drift']) await log.append(ORG, entry(kind));
    file = join(dir, FOLDER, '2026-03.jsonl');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const replaceLine = (n: number, text: string) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[n - 1] = text;
    writeFileSync(file, lines.join('\n'));
  };

  test.each([
    ['cut JSON', '{"formatVersion":1,"id":"x', /line 2 is not valid JSON/],
    ['JSON that is not a record', '{"hello":"world"}', /line 2 is not an evidence record \(/],
  ])('%s: reading the log fails, verify fails, both name file and line', async (_name, text, message) => {
    replaceLine(2, text);
    const log = testLog(dir, ['2026-03-05T00:00:00.000Z']);
    expect(() => log.read(ORG)).toThrow(EvidenceLogError);
    expect(() => log.read(ORG)).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} ${message.source}`));
    expect(() => log.readAll()).toThrow(message);

    const verified = verifyLog(dir);
    expect(verified.intact).toBe(false);
    expect(verified.orgs[0]!.error).toMatchObject({ file, line: 2 });

    const run = await runCli(['evidence', 'verify', '--dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: evidence chain broken at riverside-family-clinic\/2026-03\.jsonl line 2: /m);
  });
});
