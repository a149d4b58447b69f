import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { monthFiles, nextMonth, orgFolders } from './evidence-paths';
import { GENESIS, sealIntact, sha256Hex } from './hash-chain';
import { readHead } from './log-head';
import { readMonthFile } from './month-file';
import { EvidenceRecordSchema } from './record';

/** A problem at a place in the log; `line` is 1-based. */
export interface LogProblem {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

export interface OrgChainStatus {
  /** The org's folder name. */
  readonly folder: string;
  /** The org's display name, as its records give it. */
  readonly org?: string;
  readonly files: string[];
  readonly records: number;
  readonly firstTime?: string;
  readonly lastTime?: string;
  /** The first break found; verification of this org stops there, since everything after it is unproven. */
  readonly error?: LogProblem;
  readonly warnings: LogProblem[];
  readonly notes: string[];
}

export interface VerifyResult {
  readonly dir: string;
  readonly exists: boolean;
  readonly orgs: OrgChainStatus[];
  readonly intact: boolean;
}

/** Recomputes every org's chain in `dir`: each line's own hash, each `prev`, across months, and the head. */
export function verifyLog(dir: string): VerifyResult {
  if (!existsSync(dir)) return { dir, exists: false, orgs: [], intact: false };
  const orgs = orgFolders(dir).map((folder) => verifyOrg(dir, folder));
  return { dir, exists: true, orgs, intact: orgs.every((o) => o.error === undefined) };
}

function verifyOrg(dir: string, folder: string): OrgChainStatus {
  const orgDir = join(dir, folder);
  const files = monthFiles(orgDir);
  const warnings: LogProblem[] = [];
  const notes: string[] = [];
  const ids = new Map<string, string>();
  let org: string | undefined;
  let records = 0;
  let firstTime: string | undefined;
  let lastTime: string | undefined;
  let previous: { file: string; line: number; sha256: string } | undefined;
  const status = (error?: LogProblem): OrgChainStatus => ({ folder, org, files: files.map((f) => join(orgDir, f)), records, firstTime, lastTime, error, warnings, notes });

  for (const [index, name] of files.entries()) {
    const file = join(orgDir, name);
    const before = files[index - 1];
    if (before && nextMonth(before.slice(0, 7)) !== name.slice(0, 7)) {
      notes.push(`no records between ${before.slice(0, 7)} and ${name.slice(0, 7)}; the chain is checked across the gap`);
    }
    const { lines, partial } = readMonthFile(file);
    if (lines.length === 0) warnings.push({ file, message: 'the file is empty' });
    for (const [i, text] of lines.entries()) {
      const at = { file, line: i + 1 };
      if (partial && i === lines.length - 1) return status({ ...at, message: 'the line is incomplete (no newline at its end): a write was interrupted or the file was cut' });
      if (text.trim() === '') return status({ ...at, message: 'the line is empty: a record was removed or the file was edited' });
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return status({ ...at, message: 'the record is not valid JSON: it was altered or cut' });
      }
      const sealed = sealIntact(text);
      if (sealed === undefined) return status({ ...at, message: 'the record does not end with its own "hash" field: it was altered' });
      if (!sealed) return status({ ...at, message: 'the record does not match its own hash: it was altered after it was written' });
      const parsed = EvidenceRecordSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return status({ ...at, message: `the line is not an evidence record: ${issue?.path.join('.') || '(root)'}: ${issue?.message}` });
      }
      const record = parsed.data;
      if (record.line !== i + 1) {
        return status({ ...at, message: `the record says it is line ${record.line} of its file: ${record.line > i + 1 ? 'the line(s) before it were removed' : 'a line was added before it'}` });
      }
      if (org !== undefined && record.org !== org) return status({ ...at, message: `the record belongs to org ${JSON.stringify(record.org)}, not ${JSON.stringify(org)}: it was moved here` });
      org = record.org;
      const duplicate = ids.get(record.id);
      if (duplicate) return status({ ...at, message: `the record repeats id ${record.id} of ${duplicate}: it was copied` });
      ids.set(record.id, `${file} line ${i + 1}`);
      if (previous === undefined) {
        if (record.prev !== GENESIS) {
          warnings.push({
            ...at,
            message: `the oldest record here chains to an earlier record that is missing: the months before ${name.slice(0, 7)} were removed. Within six years of their date that breaks the 45 CFR 164.316(b)(2)(i) retention`,
          });
        }
      } else if (record.prev !== previous.sha256) {
        return status({ ...at, message: `the record does not chain to the one before it (${previous.file} line ${previous.line}): a record between them was removed, or that one was altered` });
      }
      previous = { file, line: i + 1, sha256: sha256Hex(text) };
      records++;
      firstTime ??= record.time;
      lastTime = record.time;
    }
  }
  const headProblem = checkHead(orgDir, previous, org, warnings);
  return status(headProblem);
}

/** The head names the newest record; one that is gone or changed means records were removed from the end. */
function checkHead(orgDir: string, last: { file: string; line: number; sha256: string } | undefined, org: string | undefined, warnings: LogProblem[]): LogProblem | undefined {
  const head = readHead(orgDir);
  const headFile = join(orgDir, 'head.json');
  if (head instanceof Error) return { file: headFile, message: head.message };
  if (head === undefined) {
    if (last) warnings.push({ file: headFile, message: 'there is no head.json: removing the newest record could not be detected (the next append writes it)' });
    return undefined;
  }
  if (org !== undefined && head.org !== org) return { file: headFile, message: `the head belongs to org ${JSON.stringify(head.org)}, not ${JSON.stringify(org)}` };
  const file = join(orgDir, head.file);
  if (last && last.file === file && last.line === head.line && last.sha256 === head.sha256) return undefined;
  const line = readMonthFile(file).lines[head.line - 1];
  if (line === undefined) return { file, line: head.line, message: `the newest record (${head.file} line ${head.line}) is missing: records were removed from the end of the log` };
  if (sha256Hex(line) !== head.sha256) return { file, line: head.line, message: `the newest record (${head.file} line ${head.line}) was replaced or altered` };
  warnings.push({ file, line: head.line, message: `head.json names an earlier record than the newest (${last?.file} line ${last?.line}): a run ended before updating it` });
  return undefined;
}
