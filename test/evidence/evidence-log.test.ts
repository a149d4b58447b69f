import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evidenceDir, GENESIS, orgSlug, sha256Hex, verifyLog } from '../../provisioning/evidence';
import { entry, lines, ORG, tempDir, testLog, writeLines } from './helpers';

const FOLDER = 'riverside-family-clinic';

describe('evidence log: append-only, hash-chained JSON Lines, one file per org per month', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('each record is one line with id, UTC time, tool version, org, actor, command, kind, line, prev and its own hash', async () => {
    const log = testLog(dir, ['2026-03-04T05:06:07.890Z', '2026-03-04T05:06:08.000Z']);
    const first = await log.append(ORG, { ...entry('plan'), changes: [{ control: 'meetingSecurity', target: 'site a.webex.com', before: { joinBeforeHost: true }, after: { joinBeforeHost: false } }] });
    const second = await log.append(ORG, entry('apply'));
    const file = join(dir, FOLDER, '2026-03.jsonl');
    const [one, two] = lines(file);
    expect(JSON.parse(one!)).toEqual({
      formatVersion: 1,
      id: '00000000-0000-4000-8000-000000000001',
      time: '2026-03-04T05:06:07.890Z',
      toolVersion: '9.9.9-test',
      org: ORG,
      actor: { person: { id: 'person-1', email: 'admin@example.org' } },
      command: 'webex-iac plan',
      kind: 'plan',
      changes: [{ control: 'meetingSecurity', target: 'site a.webex.com', before: { joinBeforeHost: true }, after: { joinBeforeHost: false } }],
      details: {},
      line: 1,
      prev: GENESIS,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(first.prev).toBe(GENESIS);
    expect(second.prev).toBe(sha256Hex(one!));
    expect(JSON.parse(two!).prev).toBe(sha256Hex(one!));
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, FOLDER, 'head.json'), 'utf8'))).toEqual({ org: ORG, file: '2026-03.jsonl', line: 2, sha256: sha256Hex(two!) });
    expect(verifyLog(dir)).toMatchObject({ intact: true, orgs: [{ folder: FOLDER, org: ORG, records: 2, warnings: [] }] });
  });

  test('a new month starts a new file whose first record chains to the last record of the previous file, across gaps', async () => {
    const log = testLog(dir, ['2026-01-31T23:59:59.000Z', '2026-02-01T00:00:00.000Z', '2026-05-10T00:00:00.000Z']);
    await log.append(ORG, entry('plan'));
    await log.append(ORG, entry('plan'));
    await log.append(ORG, entry('drift'));
    const folder = join(dir, FOLDER);
    expect(['2026-01.jsonl', '2026-02.jsonl', '2026-05.jsonl'].every((f) => existsSync(join(folder, f)))).toBe(true);
    expect(JSON.parse(lines(join(folder, '2026-02.jsonl'))[0]!).prev).toBe(sha256Hex(lines(join(folder, '2026-01.jsonl'))[0]!));
    expect(JSON.parse(lines(join(folder, '2026-05.jsonl'))[0]!).prev).toBe(sha256Hex(lines(join(folder, '2026-02.jsonl'))[0]!));
    const result = verifyLog(dir);
    expect(result.intact).toBe(true);
    expect(result.orgs[0]!.notes).toEqual(['no records between 2026-02 and 2026-05; the chain is checked across the gap']);
  });

  test('orgs get folders of their own, named after the org in kebab case, from WEBEX_IAC_EVIDENCE_DIR or .webex-iac/evidence', async () => {
    const log = testLog(dir, ['2026-03-01T00:00:00.000Z']);
    await log.append('Mercy Health — North', entry('plan'));
    await log.append(ORG, entry('plan'));
    expect(orgSlug('Mercy Health — North')).toBe('mercy-health-north');
    expect(orgSlug('Ærø Klinik')).toBe('r-klinik');
    expect(orgSlug('***')).toMatch(/^org-[0-9a-f]{12}$/);
    expect(verifyLog(dir).orgs.map((o) => o.folder)).toEqual(['mercy-health-north', FOLDER]);
    expect(evidenceDir({ WEBEX_IAC_EVIDENCE_DIR: '/srv/evidence' }, '/work')).toBe('/srv/evidence');
    expect(evidenceDir({}, '/work')).toBe('/work/.webex-iac/evidence');
  });

  test('fails to append for a second org whose name gives the same folder', async () => {
    const log = testLog(dir, ['2026-03-01T00:00:00.000Z']);
    await log.append('North Clinic', entry('plan'));
    await expect(log.append('north-clinic', entry('plan'))).rejects.toThrow(/belongs to org "North Clinic"; org "north-clinic" has the same folder name/);
  });

  describe('tampering', () => {
    /** Three months of records, as a year of runs would leave them. */
    async function writeSample(): Promise<string[]> {
      const log = testLog(dir, ['2026-01-05T10:00:00.000Z', '2026-01-06T10:00:00.000Z', '2026-01-07T10:00:00.000Z', '2026-02-01T09:00:00.000Z', '2026-02-02T09:00:00.000Z', '2026-03-03T08:00:00.000Z']);
      await log.append(ORG, { ...entry('plan'), changes: [{ control: 'meetingSecurity', target: 'site a.webex.com', before: { unlistAllMeetings: false }, after: { unlistAllMeetings: true } }] });
      await log.append(ORG, { ...entry('apply'), changes: [{ control: 'meetingSecurity', target: 'site a.webex.com', before: { unlistAllMeetings: false }, after: { unlistAllMeetings: true }, trackingId: 'WEBEX_IAC_1', verified: true }] });
      await log.append(ORG, entry('exception', { ruleId: 'WBX.MEET.1v1', owner: 'ciso@example.org', expires: '2026-12-31', reason: 'pilot site, closed in Q4' }));
      await log.append(ORG, entry('drift', { controls: [] }));
      await log.append(ORG, entry('audit-event', { source: 'admin-audit', eventId: 'e1' }));
      await log.append(ORG, entry('plan'));
      return ['2026-01.jsonl', '2026-02.jsonl', '2026-03.jsonl'].map((f) => join(dir, FOLDER, f));
    }

    /** A different character at `position`: never the same one, so the line really changes. */
    function flip(line: string, position: number): string {
      const c = line[position]!;
      const replacement = c === 'a' ? 'b' : /[0-9]/.test(c) ? String((Number(c) + 1) % 10) : c === 'x' ? 'y' : 'a';
      return `${line.slice(0, position)}${replacement}${line.slice(position + 1)}`;
    }

    test('changing one character anywhere in any record fails verification naming that file and line', async () => {
      const files = await writeSample();
      expect(verifyLog(dir).intact).toBe(true);
      let checked = 0;
      for (const file of files) {
        const original = lines(file);
        for (const [index, line] of original.entries()) {
          // Every character of the line: its JSON, values, prev and hash alike.
          for (let position = 0; position < line.length; position++) {
            const altered = [...original];
            altered[index] = flip(line, position);
            writeLines(file, altered);
            const result = verifyLog(dir);
            expect(result.intact).toBe(false);
            expect(result.orgs[0]!.error).toMatchObject({ file, line: index + 1 });
            checked++;
          }
          writeLines(file, original);
        }
      }
      expect(checked).toBeGreaterThan(1000);
      expect(verifyLog(dir).intact).toBe(true);
    });

    test.each([
      ['the first line of a month file', 1, 0, 1, 0, /says it is line 2 of its file: the line\(s\) before it were removed/],
      ['a middle line', 0, 1, 0, 1, /says it is line 3 of its file: the line\(s\) before it were removed/],
      ['the last line of an earlier month', 0, 2, 1, 0, /does not chain to the one before it \(.*2026-01.jsonl line 2\): a record between them was removed/],
    ])('removing %s is detected at the line that follows it', async (_name, fileIndex, lineIndex, reportedFile, reportedIndex, message) => {
      const files = await writeSample();
      const file = files[fileIndex]!;
      writeLines(file, lines(file).filter((_, i) => i !== lineIndex));
      const result = verifyLog(dir);
      expect(result.intact).toBe(false);
      expect(result.orgs[0]!.error).toMatchObject({ file: files[reportedFile], line: reportedIndex + 1 });
      expect(result.orgs[0]!.error!.message).toMatch(message);
    });

    test('removing the newest record is detected through head.json', async () => {
      const files = await writeSample();
      const last = files[2]!;
      writeLines(last, lines(last).slice(0, -1));
      const result = verifyLog(dir);
      expect(result.intact).toBe(false);
      expect(result.orgs[0]!.error).toEqual({ file: last, line: 1, message: 'the newest record (2026-03.jsonl line 1) is missing: records were removed from the end of the log' });
    });

    test('removing a whole month in the middle is a break; removing the oldest months is a retention warning', async () => {
      const files = await writeSample();
      const january = readFileSync(files[0]!, 'utf8');
      unlinkSync(files[1]!);
      expect(verifyLog(dir).orgs[0]!.error).toMatchObject({ file: files[2], line: 1, message: expect.stringMatching(/does not chain to the one before it \(.*2026-01.jsonl line 3\)/) });

      rmSync(join(dir, FOLDER), { recursive: true });
      await writeSample();
      unlinkSync(files[0]!);
      const pruned = verifyLog(dir);
      expect(pruned.intact).toBe(true);
      expect(pruned.orgs[0]!.warnings).toEqual([
        { file: files[1], line: 1, message: expect.stringMatching(/the months before 2026-02 were removed. Within six years .* 164.316\(b\)\(2\)\(i\) retention/) },
      ]);
      expect(january).toContain('"line":1');
    });

    test('an interrupted write (no newline at the end) is reported, and nothing is appended after it', async () => {
      const files = await writeSample();
      const last = files[2]!;
      writeFileSync(last, `${readFileSync(last, 'utf8')}{"formatVersion":1,"id":"cut`);
      expect(verifyLog(dir).orgs[0]!.error).toMatchObject({ file: last, line: 2, message: expect.stringMatching(/incomplete/) });
      const log = testLog(dir, ['2026-03-05T00:00:00.000Z']);
      await expect(log.append(ORG, entry('plan'))).rejects.toThrow(/ends with an incomplete line 2; run webex-iac evidence verify/);
    });

    test('fails to append to a log whose newest record was removed, instead of chaining over the gap', async () => {
      const files = await writeSample();
      writeLines(files[2]!, []);
      const log = testLog(dir, ['2026-03-05T00:00:00.000Z']);
      await expect(log.append(ORG, entry('plan'))).rejects.toThrow(/was altered: its newest record was 2026-03.jsonl line 1, which is gone \(the log now ends at 2026-02.jsonl line 2\)/);
    });

    test('a record copied in twice is caught', async () => {
      const files = await writeSample();
      const content = lines(files[0]!);
      writeLines(files[0]!, [content[0]!, content[0]!, content[1]!]);
      expect(verifyLog(dir).orgs[0]!.error).toMatchObject({ file: files[0], line: 2 });
    });
  });

  test('a missing folder is reported as such, not as an intact log', () => {
    expect(verifyLog(join(dir, 'nowhere'))).toEqual({ dir: join(dir, 'nowhere'), exists: false, orgs: [], intact: false });
  });
});
