import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileSystemError } from '../../manifest/files/file-system-error';
import { evidenceDir, monthFiles, monthOf, orgFolders, orgSlug } from './evidence-paths';
import { GENESIS, seal, sha256Hex } from './hash-chain';
import { readHead, writeHead } from './log-head';
import { readMonthFile } from './month-file';
import { withOrgLock } from './org-lock';
import { EVIDENCE_FORMAT_VERSION, EvidenceEntry, EvidenceRecord, EvidenceRecordSchema } from './record';
import { redactSecretFields, redactSecretValues } from './redact-record';

export interface EvidenceLogOptions {
  /** The evidence folder; one sub-folder per org. */
  readonly dir: string;
  /** The tool version recorded in every record (provisioning does not import cli/). */
  readonly toolVersion: string;
  /** Values that must never be written (tokens, client secrets); replaced by `***`. */
  readonly secrets?: readonly (string | undefined)[];
  readonly clock?: () => Date;
  readonly newId?: () => string;
}

/** One record as read back, with where it is. */
export interface StoredRecord {
  readonly file: string;
  readonly line: number;
  readonly record: EvidenceRecord;
}

/** Environment variables whose values are secrets; each is scrubbed from every record. */
export const SECRET_VARIABLES = ['WEBEX_TOKEN', 'WEBEX_CLIENT_SECRET', 'WEBEX_REFRESH_TOKEN', 'WEBEX_IAC_EVIDENCE_KEY', 'WEBEX_NOTIFY_TOKEN'] as const;

/** Thrown when the log cannot be appended to safely (altered, or ends in a partial line). */
export class EvidenceLogError extends Error {
  override readonly name = 'EvidenceLogError';
}

/**
 * The append-only, hash-chained evidence log: `<dir>/<org-slug>/<YYYY-MM>.jsonl`, one JSON record per
 * line, each carrying the sha256 of the line before it (across months) and of itself.
 */
export class EvidenceLog {
  readonly dir: string;
  private readonly toolVersion: string;
  private readonly secrets: readonly (string | undefined)[];
  private readonly clock: () => Date;
  private readonly newId: () => string;

  constructor(options: EvidenceLogOptions) {
    this.dir = options.dir;
    this.toolVersion = options.toolVersion;
    this.secrets = options.secrets ?? [];
    this.clock = options.clock ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
  }

  /** The log in `WEBEX_IAC_EVIDENCE_DIR` (or `.webex-iac/evidence/`), scrubbing the environment's secrets. */
  static fromEnvironment(env: NodeJS.ProcessEnv, options: { toolVersion: string; cwd?: string }): EvidenceLog {
    return new EvidenceLog({ dir: evidenceDir(env, options.cwd), toolVersion: options.toolVersion, secrets: SECRET_VARIABLES.map((name) => env[name]) });
  }

  /**
   * Appends one record for `org` and returns it as written. `redact` is applied to the serialized record
   * too (the client passes its token through it). Holds the org's lock from reading the last hash to
   * writing the line, so concurrent runs neither interleave nor fork the chain.
   */
  async append(org: string, entry: EvidenceEntry, redact?: (json: string) => string): Promise<EvidenceRecord> {
    const [record] = await this.appendMany(org, [entry], redact);
    return record!;
  }

  /** Appends several records in order under one lock (collected audit events come in hundreds). */
  async appendMany(org: string, entries: readonly EvidenceEntry[], redact: (json: string) => string = (json) => json): Promise<EvidenceRecord[]> {
    if (entries.length === 0) return [];
    const orgDir = join(this.dir, orgSlug(org));
    return withOrgLock(orgDir, () => this.appendLocked(org, orgDir, entries, redact));
  }

  /**
   * Appends the entries whose `key` no record of the org has yet (e.g. an attestation's digest). The
   * log is read under the same lock as the append: two concurrent runs never both record the same one.
   */
  async appendNew(org: string, entries: readonly EvidenceEntry[], key: (entry: Pick<EvidenceEntry, 'kind' | 'details'>) => string | undefined, redact: (json: string) => string = (json) => json): Promise<EvidenceRecord[]> {
    if (entries.length === 0) return [];
    const orgDir = join(this.dir, orgSlug(org));
    return withOrgLock(orgDir, () => {
      const known = new Set(this.read(org).map((stored) => key(stored.record)));
      const fresh = entries.filter((entry) => {
        const k = key(entry);
        if (k === undefined || known.has(k)) return k === undefined;
        known.add(k);
        return true;
      });
      return fresh.length === 0 ? [] : this.appendLocked(org, orgDir, fresh, redact);
    });
  }

  private appendLocked(org: string, orgDir: string, entries: readonly EvidenceEntry[], redact: (json: string) => string): EvidenceRecord[] {
    {
      let tail = this.tail(org, orgDir);
      const pending = new Map<string, string[]>();
      const records: EvidenceRecord[] = [];
      for (const entry of entries) {
        const time = this.clock().toISOString();
        // A clock that went back across a month boundary still appends to the newest file, never behind it.
        const month = tail && tail.file.slice(0, 7) > monthOf(time) ? tail.file.slice(0, 7) : monthOf(time);
        const file = `${month}.jsonl`;
        const lineNumber = file === tail?.file ? tail.line + 1 : 1;
        const line = this.serialize(org, entry, time, lineNumber, tail ? tail.sha256 : GENESIS, redact);
        records.push(JSON.parse(line) as EvidenceRecord);
        pending.set(file, [...(pending.get(file) ?? []), line]);
        tail = { file, line: lineNumber, sha256: sha256Hex(line) };
      }
      for (const [file, lines] of pending) {
        try {
          appendLines(join(orgDir, file), lines);
        } catch (error) {
          throw fileSystemError('append to the evidence log', join(orgDir, file), error);
        }
      }
      try {
        writeHead(orgDir, { org, ...tail! });
      } catch (error) {
        throw fileSystemError('update the evidence log head in', orgDir, error);
      }
      return records;
    }
  }

  private serialize(org: string, entry: EvidenceEntry, time: string, line: number, prev: string, redact: (json: string) => string): string {
    const clean = redactSecretFields(entry);
    const unsealed: Omit<EvidenceRecord, 'hash'> = {
      formatVersion: EVIDENCE_FORMAT_VERSION,
      id: this.newId(),
      time,
      toolVersion: this.toolVersion,
      org,
      ...(clean.orgId === undefined ? {} : { orgId: clean.orgId }),
      actor: clean.actor,
      command: clean.command,
      kind: clean.kind,
      ...(clean.changes === undefined ? {} : { changes: clean.changes }),
      ...(clean.details === undefined ? {} : { details: clean.details }),
      line,
      prev,
    };
    const sealed = seal(redact(redactSecretValues(JSON.stringify(unsealed), this.secrets)));
    const parsed = EvidenceRecordSchema.safeParse(JSON.parse(sealed));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new EvidenceLogError(`refusing to write an evidence record that does not validate: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
    }
    return sealed;
  }

  /** Every record of an org, oldest first; a line that is not a record is an EvidenceLogError naming file and line. */
  read(org: string): StoredRecord[] {
    return readOrgFolder(join(this.dir, orgSlug(org)));
  }

  /** Every org folder's records, by folder name. */
  readAll(): Map<string, StoredRecord[]> {
    return new Map(orgFolders(this.dir).map((slug) => [slug, readOrgFolder(join(this.dir, slug))]));
  }

  /** The newest record: its file, line and hash; checked against the head so an altered log is never appended to. */
  private tail(org: string, orgDir: string): { file: string; line: number; sha256: string } | undefined {
    const head = readHead(orgDir);
    if (head instanceof Error) throw new EvidenceLogError(`${head.message}; run webex-iac evidence verify`);
    if (head && head.org !== org) {
      throw new EvidenceLogError(`the evidence folder ${orgDir} belongs to org ${JSON.stringify(head.org)}; org ${JSON.stringify(org)} has the same folder name: rename one of them`);
    }
    const files = monthFiles(orgDir);
    for (const file of [...files].reverse()) {
      const { lines, partial } = readMonthFile(join(orgDir, file));
      if (partial) throw new EvidenceLogError(`${join(orgDir, file)} ends with an incomplete line ${lines.length}; run webex-iac evidence verify`);
      if (lines.length === 0) continue;
      const last = { file, line: lines.length, sha256: sha256Hex(lines[lines.length - 1]!) };
      if (head) assertHeadInLog(orgDir, head, last, file === head.file ? lines : readMonthFile(join(orgDir, head.file)).lines);
      return last;
    }
    if (head) throw new EvidenceLogError(`${orgDir} has no records but its head names ${head.file} line ${head.line}: records were removed; run webex-iac evidence verify`);
    return undefined;
  }
}

/** The head must name a record that is still there: the newest, or an earlier one when a run died before updating it. */
function assertHeadInLog(orgDir: string, head: { file: string; line: number; sha256: string }, last: { file: string; line: number }, headFileLines: string[]): void {
  const line = headFileLines[head.line - 1];
  if (line === undefined || sha256Hex(line) !== head.sha256) {
    throw new EvidenceLogError(
      `the evidence log in ${orgDir} was altered: its newest record was ${head.file} line ${head.line}, which is ${line === undefined ? 'gone' : 'changed'} (the log now ends at ${last.file} line ${last.line}); run webex-iac evidence verify`,
    );
  }
}

/** One write of whole lines, each with its newline, then fsync: a record is either complete on disk or absent. */
function appendLines(path: string, lines: readonly string[]): void {
  const fd = openSync(path, 'a', 0o644);
  try {
    const bytes = Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8');
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Every record of one org folder. A line that is not a record (altered, cut, or not JSON) is an error
 * naming its file and line, never skipped: what is built from the log (reports, collection, attestation
 * dedup) must not silently stand on a part of it.
 */
function readOrgFolder(orgDir: string): StoredRecord[] {
  const out: StoredRecord[] = [];
  for (const file of monthFiles(orgDir)) {
    const path = join(orgDir, file);
    readMonthFile(path).lines.forEach((text, i) => {
      const where = `${path} line ${i + 1}`;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new EvidenceLogError(`${where} is not valid JSON: the log was altered or cut; run webex-iac evidence verify`);
      }
      const parsed = EvidenceRecordSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new EvidenceLogError(`${where} is not an evidence record (${issue?.path.join('.') || '(root)'}: ${issue?.message}); run webex-iac evidence verify`);
      }
      out.push({ file: path, line: i + 1, record: parsed.data as unknown as EvidenceRecord });
    });
  }
  return out;
}
