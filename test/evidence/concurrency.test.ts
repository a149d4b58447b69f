import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EvidenceLog, verifyLog } from '../../provisioning/evidence';
import { lines, ORG, tempDir } from './helpers';

const WRITER = join(__dirname, 'concurrent-writer.ts');

function runWriter(dir: string, count: number, name: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', WRITER, dir, ORG, String(count), name], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe('concurrent writers never interleave half-lines and never fork the chain', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('four processes and this one, each with many appends in flight at once, leave one intact chain', async () => {
    const inProcess = new EvidenceLog({ dir, toolVersion: 'concurrency-test' });
    const [a, b, c, d, ...local] = await Promise.all([
      runWriter(dir, 30, 'p1'),
      runWriter(dir, 30, 'p2'),
      runWriter(dir, 30, 'p3'),
      runWriter(dir, 30, 'p4'),
      ...Array.from({ length: 40 }, (_, i) => inProcess.append(ORG, { kind: 'plan', actor: { local: { user: 'main', host: 'test' } }, command: 'main', details: { writer: 'main', i } })),
    ]);
    for (const run of [a, b, c, d]) expect(run).toEqual({ code: 0, stderr: '' });
    expect(local).toHaveLength(40);

    const result = verifyLog(dir);
    expect(result.orgs[0]!.error).toBeUndefined();
    expect(result.intact).toBe(true);
    expect(result.orgs[0]!.records).toBe(160);

    const records = result.orgs[0]!.files.flatMap((file) => lines(file)).map((line) => JSON.parse(line) as { id: string; prev: string; details: { writer: string; i: number } });
    expect(new Set(records.map((r) => r.id)).size).toBe(160);
    expect(new Set(records.map((r) => r.prev)).size).toBe(160);
    for (const writer of ['p1', 'p2', 'p3', 'p4']) expect(records.filter((r) => r.details.writer === writer)).toHaveLength(30);
    for (const file of result.orgs[0]!.files) expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
  });
});
