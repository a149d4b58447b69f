import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { checkCommand, checkManifests } from '../../cli/commands/check';
import { STREAM_CHUNK_CHARS, writeFileInPieces } from '../../cli/write-streaming';
import { jsonText, jsonTextChunks } from '../../manifest/text';
import { HIPAA_PACK, renderReport } from '../../policies';
import { fleetManifest } from '../helpers/fleet-manifest';

/** A reader that takes each chunk a turn of the event loop later; counts chunks and the writes it refused. */
class SlowReader extends Writable {
  readonly chunks: string[] = [];
  refusedWrites = 0;

  constructor() {
    super({ highWaterMark: 16 * 1024, decodeStrings: false });
  }

  override write(chunk: unknown, ...rest: never[]): boolean {
    const accepted = super.write(chunk, ...rest);
    if (!accepted) this.refusedWrites++;
    return accepted;
  }

  override _write(chunk: unknown, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(String(chunk));
    setImmediate(done);
  }
}

describe('check and assess write their report as it is rendered (issue 13 item 7)', () => {
  let dir: string;
  let file: string;
  const now = new Date('2026-06-01T00:00:00Z');

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'webex-iac-stream-report-'));
    file = join(dir, 'webex-manifest.json');
    writeFileSync(file, JSON.stringify(fleetManifest({ orgs: 3, sites: 10 })));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(['json', 'sarif', 'text', 'markdown'] as const)('check --format %s: many chunks for a slow reader, the same bytes as the whole report', async (format) => {
    const reader = new SlowReader();
    const code = await checkCommand({ manifest: [file], profile: 'hipaa-current', format }, { out: reader as unknown as NodeJS.WriteStream, env: {} }, now);
    const report = checkManifests([{ file, display: file }], { profile: 'hipaa-current', now });
    expect(code).toBe(report.compliant ? 0 : 1);
    const whole = renderReport(report, format, { pack: HIPAA_PACK });
    expect(reader.chunks.join('')).toBe(whole);
    if (whole.length > 4 * STREAM_CHUNK_CHARS) {
      expect(reader.chunks.length).toBeGreaterThan(3);
      expect(reader.refusedWrites).toBeGreaterThan(0);
    }
  });

  test('the JSON and SARIF reports of this fleet are large enough to need many writes', () => {
    const report = checkManifests([{ file, display: file }], { profile: 'hipaa-current', now });
    expect(renderReport(report, 'json', { pack: HIPAA_PACK }).length).toBeGreaterThan(4 * STREAM_CHUNK_CHARS);
    expect(renderReport(report, 'sarif', { pack: HIPAA_PACK }).length).toBeGreaterThan(4 * STREAM_CHUNK_CHARS);
  });
});

describe('jsonTextChunks: the same bytes as jsonText(value, 2)', () => {
  test.each([
    ['primitives', [1, 'x', null, true]],
    ['empty containers', { a: [], b: {}, c: [[[]]], d: [{}] }],
    ['toJSON is honoured, nested or not', { when: new Date(0), nested: { at: new Date(1), list: [new Date(2), { toJSON: () => ({ as: ['json'] }) }] } }],
    ['keys in their own order', { z: 1, a: { y: [1, { c: 2, b: 3 }], x: null } }],
    ['hidden characters are escaped', { 'k\u202e': ['\u200b', { v: '\u2028\x85' }] }],
    ['what JSON leaves out or writes as null', { f: () => 1, u: undefined, list: [undefined, () => 1] }],
  ])('%s', (_name, value) => {
    expect([...jsonTextChunks(value)].join('')).toBe(jsonText(value, 2));
  });
});

describe('writeFileInPieces (--output)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'webex-iac-pieces-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('writes every piece, in writes of about chunkChars', () => {
    const file = join(dir, 'report.md');
    writeFileInPieces(file, Array.from({ length: 1000 }, (_, i) => `line ${i}\n`), { chunkChars: 100 });
    expect(readFileSync(file, 'utf8')).toBe(Array.from({ length: 1000 }, (_, i) => `line ${i}\n`).join(''));
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  test('a rendering that fails half-way leaves the previous file as it was, and no temporary file', () => {
    const file = join(dir, 'report.md');
    writeFileSync(file, 'the previous report\n');
    function* failing(): Generator<string> {
      for (let i = 0; i < 100; i++) yield 'x'.repeat(50);
      throw new Error('renderer failed');
    }
    expect(() => writeFileInPieces(file, failing(), { chunkChars: 100 })).toThrow('renderer failed');
    expect(readFileSync(file, 'utf8')).toBe('the previous report\n');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });
});
