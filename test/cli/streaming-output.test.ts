import { Writable } from 'node:stream';
import { writePlan } from '../../cli/commands/plan-output';
import { quietOnBrokenPipe } from '../../cli/output';
import { STREAM_CHUNK_CHARS, writeStreaming } from '../../cli/write-streaming';
import { canonicalJson, canonicalJsonChunks, Org } from '../../manifest';
import { largePlan } from '../helpers/sample-plan';
import { FieldValues, planChanges, planMarkdownChunks, planTextChunks, Plan, renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../provisioning';

/** A fleet whose every site has weak meeting security: `orgs` × `sites` site changes. */
function fleetPlan(orgs: number, sites: number): Plan {
  const declared: Org[] = Array.from({ length: orgs }, (_, o) => ({
    path: `fleet/Org${o}`,
    name: `Org ${o}`,
    settings: {},
    sites: Array.from({ length: sites }, (_, s) => ({
      path: `fleet/Org${o}/Site${s}`,
      siteUrl: `org${o}-site${s}.webex.com`,
      settings: { meetingSecurity: { path: `fleet/Org${o}/Site${s}/Security`, joinBeforeHost: false, unlistAllMeetings: true, requireLoginBeforeAccess: true } },
    })),
  }));
  const weak: FieldValues = { joinBeforeHost: true, unlistAllMeetings: false, requireLoginBeforeAccess: false };
  return planChanges(declared, declared.map((org, o) => ({ name: org.name, orgId: `ORG${o}`, sites: Object.fromEntries(org.sites.map((site) => [site.siteUrl, { meetingSecurity: weak }])) })));
}

/** A reader that takes each chunk a turn of the event loop later and holds at most `highWaterMark` bytes before saying "wait". */
class SlowReader extends Writable {
  readonly chunks: string[] = [];
  refusedWrites = 0;
  drains = 0;
  maxBuffered = 0;

  constructor(highWaterMark = 16 * 1024) {
    super({ highWaterMark, decodeStrings: false });
    this.on('drain', () => this.drains++);
  }

  override write(chunk: unknown, ...rest: never[]): boolean {
    const accepted = super.write(chunk, ...rest);
    if (!accepted) this.refusedWrites++;
    this.maxBuffered = Math.max(this.maxBuffered, this.writableLength);
    return accepted;
  }

  override _write(chunk: unknown, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(String(chunk));
    setImmediate(done);
  }

  text(): string {
    return this.chunks.join('');
  }
}

const asStdout = (w: Writable) => w as unknown as NodeJS.WriteStream;

describe('every plan rendering is written as it is made, waiting for a slow reader (issue 13 item 7)', () => {
  const plan = fleetPlan(4, 500);

  test('JSON: many chunks, each after the reader drained, byte for byte the whole rendering', async () => {
    const reader = new SlowReader();
    await writePlan(plan, { format: 'json', mode: 'plan' }, asStdout(reader));
    const whole = renderPlanJson(plan);
    expect(whole.length).toBeGreaterThan(10 * STREAM_CHUNK_CHARS);
    expect(reader.text()).toBe(whole);
    expect(JSON.parse(reader.text())).toMatchObject({ summary: { changes: 2000 } });
    expect(reader.chunks.length).toBeGreaterThan(10);
    // The reader said "wait" and the writer waited: at most one chunk beyond the reader's buffer was ever queued.
    expect(reader.refusedWrites).toBeGreaterThan(0);
    expect(reader.drains).toBe(reader.refusedWrites);
    expect(reader.maxBuffered).toBeLessThanOrEqual(16 * 1024 + 2 * STREAM_CHUNK_CHARS);
  });

  test.each([
    ['text', () => renderPlanText(plan, { mode: 'plan' })],
    ['markdown', () => renderPlanMarkdown(plan, { title: 'webex-iac plan' })],
  ] as const)('%s: the same bytes as the whole rendering', async (format, whole) => {
    const reader = new SlowReader(256);
    await writePlan(plan, { format, mode: 'plan' }, asStdout(reader));
    expect(reader.text()).toBe(whole());
  });

  test('text is made org by org, never as one string', () => {
    const pieces = [...planTextChunks(plan)];
    expect(pieces.length).toBeGreaterThanOrEqual(4);
    expect(pieces.join('')).toBe(renderPlanText(plan));
  });

  test('markdown is made a group at a time: choosing the detail that fits never holds the too-long rendering', () => {
    // 25,468 characters with every diff block: the rendering that fits leaves them out.
    const sites = largePlan(60);
    const pieces = [...planMarkdownChunks(sites, { maxLength: 20_000 })];
    const text = pieces.join('');
    expect(text).toBe(renderPlanMarkdown(sites, { maxLength: 20_000 }));
    expect(text.length).toBeLessThanOrEqual(20_000);
    expect(text).toContain('Per-host detail is shortened');
    expect(pieces.length).toBeGreaterThan(3);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(text.length);
  });
});

describe('canonicalJsonChunks: the same bytes as canonicalJson', () => {
  test.each([
    ['primitives', [1, 'x', null, true]],
    ['empty containers', { a: [], b: {}, c: [[[]]], d: [{}] }],
    ['what JSON leaves out or writes as null', { z: [undefined, () => 1, Symbol('s')], f: () => 1, u: undefined, date: new Date(0) }],
    ['nested records and hostile strings', { m: { n: { o: [{ p: 'q\nr\u2028\u202e', '\u0000key': [1, { y: null }] }] } } }],
    ['a plan', fleetPlan(2, 3)],
  ])('%s', (_name, value) => {
    expect([...canonicalJsonChunks(value)].join('')).toBe(canonicalJson(value));
  });

  test('a top-level primitive', () => {
    expect([...canonicalJsonChunks(42)].join('')).toBe(canonicalJson(42));
    expect([...canonicalJsonChunks('x')].join('')).toBe(canonicalJson('x'));
  });
});

describe('writeStreaming', () => {
  function* counted(pieces: string[], pulled: { count: number }): Generator<string> {
    for (const piece of pieces) {
      pulled.count++;
      yield piece;
    }
  }

  test('gathers small pieces into writes of about chunkChars', async () => {
    const reader = new SlowReader(64);
    await writeStreaming(reader, Array.from({ length: 100 }, (_, i) => `${i}\n`), { chunkChars: 50 });
    expect(reader.text()).toBe(Array.from({ length: 100 }, (_, i) => `${i}\n`).join(''));
    expect(reader.chunks.length).toBeGreaterThan(3);
    expect(reader.chunks.slice(0, -1).every((c) => c.length >= 50 && c.length < 60)).toBe(true);
    expect(reader.drains).toBeGreaterThan(0);
  });

  test('a reader that went away (EPIPE) ends rendering quietly: the rest is never made', async () => {
    const pulled = { count: 0 };
    const gone = new Writable({
      highWaterMark: 8,
      write(_chunk, _encoding, done) {
        const error: NodeJS.ErrnoException = new Error('write EPIPE');
        error.code = 'EPIPE';
        setImmediate(() => done(error));
      },
    });
    quietOnBrokenPipe(gone);
    await expect(writeStreaming(gone, counted(Array.from({ length: 1000 }, () => 'x'.repeat(20)), pulled), { chunkChars: 100 })).resolves.toBeUndefined();
    expect(pulled.count).toBeLessThan(50);
  });

  test('another error of the stream is not hidden', async () => {
    const full = new Writable({
      highWaterMark: 8,
      write(_chunk, _encoding, done) {
        const error: NodeJS.ErrnoException = new Error('no space left on device');
        error.code = 'ENOSPC';
        setImmediate(() => done(error));
      },
    });
    await expect(writeStreaming(full, Array.from({ length: 100 }, () => 'x'.repeat(20)), { chunkChars: 100 })).rejects.toThrow('no space left');
  });
});
