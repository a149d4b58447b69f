import { createPrivateKey, createPublicKey, KeyObject, sign as signBytes, verify as verifyBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CHECKPOINTS_DIR, monthFiles, orgFolders } from './evidence-paths';
import { sha256Hex } from './hash-chain';
import { readMonthFile } from './month-file';
import { LogProblem } from './verify-log';

/**
 * Signed checkpoints anchor the log outside its folder: whoever can rewrite a month file and head.json
 * cannot sign the rewritten head without the Ed25519 private key, which lives only in
 * WEBEX_IAC_EVIDENCE_KEY (a CI secret) and is never written anywhere. One plain JSON file per log file,
 * `<dir>/checkpoints/<org>/<YYYY-MM>.json`, so the folder can be copied to a separate store.
 */
export const CHECKPOINT_FORMAT = 'webex-iac-evidence-checkpoint/1';

export const EVIDENCE_KEY_VARIABLE = 'WEBEX_IAC_EVIDENCE_KEY';

const CheckpointSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  /** The log file, relative to the evidence folder: `riverside-family-clinic/2026-03.jsonl`. */
  file: z.string(),
  /** The org display name, as its records give it. */
  org: z.string(),
  /** 1-based line signed: the file's last line when signed. */
  line: z.number().int().positive(),
  /** sha256 of that line, as the chain computes it. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: z.string(),
  /** sha256 of the public key (SPKI DER), first 16 hex digits: which key signed. */
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  /** Ed25519 signature (base64) of the checkpoint's canonical payload (every field above, in this order). */
  signature: z.string(),
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;

const CheckpointFileSchema = z.object({ checkpoints: z.array(z.unknown()) });

/** The bytes signed: the fields in a fixed order, so a verifier rebuilds them exactly. */
function payload(c: Omit<Checkpoint, 'signature'>): Buffer {
  return Buffer.from(JSON.stringify([c.format, c.file, c.org, c.line, c.sha256, c.signedAt, c.keyId]), 'utf8');
}

export class EvidenceKeyError extends Error {
  override readonly name = 'EvidenceKeyError';
}

/** The Ed25519 private key from its PEM; the error never quotes the key. */
export function evidencePrivateKey(pem: string, source = EVIDENCE_KEY_VARIABLE): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new EvidenceKeyError(`${source} is not a PEM private key (expected an Ed25519 key: openssl genpkey -algorithm ed25519)`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new EvidenceKeyError(`${source} is a ${key.asymmetricKeyType ?? 'unknown'} key; checkpoints are signed with Ed25519 only`);
  return key;
}

/** An Ed25519 public key from a PEM (SPKI) text. */
export function evidencePublicKey(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new EvidenceKeyError(`${source} is not a PEM public key (openssl pkey -in private.pem -pubout)`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new EvidenceKeyError(`${source} is a ${key.asymmetricKeyType ?? 'unknown'} key; checkpoints are verified with Ed25519 only`);
  return key;
}

export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return sha256Hex(publicKey.export({ type: 'spki', format: 'der' }).toString('base64')).slice(0, 16);
}

export interface SignResult {
  readonly signed: Checkpoint[];
  /** Files whose newest checkpoint already covers their last line. */
  readonly unchanged: number;
  readonly keyId: string;
}

/**
 * Appends a checkpoint for the last line of every log file not yet signed at that line. Run it after the
 * chain verified (the CLI does): signing an altered log would anchor the alteration.
 */
export function signCheckpoints(dir: string, privateKey: KeyObject, now: Date = new Date()): SignResult {
  const keyId = keyIdOf(privateKey);
  const signed: Checkpoint[] = [];
  let unchanged = 0;
  for (const folder of orgFolders(dir)) {
    for (const month of monthFiles(join(dir, folder))) {
      const { lines } = readMonthFile(join(dir, folder, month));
      const last = lines[lines.length - 1];
      if (last === undefined) continue;
      const file = `${folder}/${month}`;
      const existing = readCheckpointFile(dir, file);
      const newest = existing.checkpoints[existing.checkpoints.length - 1] as Partial<Checkpoint> | undefined;
      const sha256 = sha256Hex(last);
      if (newest?.line === lines.length && newest.sha256 === sha256 && newest.keyId === keyId) {
        unchanged++;
        continue;
      }
      const org = orgOf(last) ?? folder;
      const unsigned = { format: CHECKPOINT_FORMAT, file, org, line: lines.length, sha256, signedAt: now.toISOString(), keyId } as const;
      const checkpoint: Checkpoint = { ...unsigned, signature: signBytes(null, payload(unsigned), privateKey).toString('base64') };
      writeCheckpointFile(dir, file, [...existing.checkpoints, checkpoint]);
      signed.push(checkpoint);
    }
  }
  return { signed, unchanged, keyId };
}

function orgOf(line: string): string | undefined {
  try {
    const org = (JSON.parse(line) as { org?: unknown }).org;
    return typeof org === 'string' ? org : undefined;
  } catch {
    return undefined;
  }
}

function checkpointPath(dir: string, file: string): string {
  return join(dir, CHECKPOINTS_DIR, file.replace(/\.jsonl$/, '.json'));
}

function readCheckpointFile(dir: string, file: string): { checkpoints: unknown[] } {
  const path = checkpointPath(dir, file);
  if (!existsSync(path)) return { checkpoints: [] };
  const parsed = CheckpointFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new EvidenceKeyError(`${path} is not a checkpoint file; restore it from the checkpoint store`);
  return parsed.data;
}

/** Atomic replace (temporary file, fsync, rename), the same way head.json is written. */
function writeCheckpointFile(dir: string, file: string, checkpoints: unknown[]): void {
  const path = checkpointPath(dir, file);
  mkdirSync(join(path, '..'), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', 0o644);
  try {
    writeSync(fd, `${JSON.stringify({ checkpoints }, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** The newest checkpoint of each log file (relative path), as written, unverified: for the report to show. */
export function newestCheckpoints(dir: string): Map<string, Checkpoint> {
  const out = new Map<string, Checkpoint>();
  for (const folder of orgFolders(dir)) {
    for (const month of monthFiles(join(dir, folder))) {
      const file = `${folder}/${month}`;
      try {
        const entries = readCheckpointFile(dir, file).checkpoints;
        const parsed = CheckpointSchema.safeParse(entries[entries.length - 1]);
        if (parsed.success) out.set(file, parsed.data);
      } catch {
        // A broken checkpoint file is reported by verifyCheckpoints; the report shows the file as unsigned.
      }
    }
  }
  return out;
}

export interface CheckpointVerification {
  /** Checkpoints that verified, per log file (relative path): the newest one. */
  readonly newest: Map<string, Checkpoint>;
  readonly checked: number;
  readonly problems: LogProblem[];
}

/**
 * Checks every checkpoint under `<dir>/checkpoints/` against the given public keys and the log: each
 * must be signed by one of the keys, and the line it signed must still be in its file with the same
 * hash. A log rewritten as a new, internally valid chain, or cut below a checkpoint, fails here; so
 * does an org with records but no checkpoint at all.
 */
export function verifyCheckpoints(dir: string, publicKeys: readonly KeyObject[]): CheckpointVerification {
  const keys = new Map(publicKeys.map((k) => [keyIdOf(k), k]));
  const problems: LogProblem[] = [];
  const newest = new Map<string, Checkpoint>();
  let checked = 0;
  const root = join(dir, CHECKPOINTS_DIR);
  for (const folder of orgFolders(dir)) {
    let orgEntries = 0;
    for (const month of monthFiles(join(dir, folder))) {
      const file = `${folder}/${month}`;
      const where = `${CHECKPOINTS_DIR}/${file.replace(/\.jsonl$/, '.json')}`;
      let entries: unknown[];
      try {
        entries = readCheckpointFile(dir, file).checkpoints;
      } catch (error) {
        problems.push({ file: where, message: (error as Error).message });
        continue;
      }
      const { lines } = readMonthFile(join(dir, file));
      orgEntries += entries.length;
      entries.forEach((entry, index) => {
        checked++;
        const label = `checkpoint ${index + 1}`;
        const parsed = CheckpointSchema.safeParse(entry);
        if (!parsed.success) return problems.push({ file: where, message: `${label} is not a checkpoint: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}` });
        const c = parsed.data;
        const at = `${label} (line ${c.line}, signed ${c.signedAt})`;
        if (c.file !== file) return problems.push({ file: where, message: `${at} is for ${c.file}, not ${file}: it was moved here` });
        const key = keys.get(c.keyId);
        if (!key) return problems.push({ file: where, message: `${at} was signed with key ${c.keyId}, which is not among the given public keys (${[...keys.keys()].join(', ')})` });
        const { signature, ...unsigned } = c;
        if (!verifyBytes(null, payload(unsigned), key, Buffer.from(signature, 'base64'))) return problems.push({ file: where, message: `${at}: the signature does not verify with key ${c.keyId}: the checkpoint was altered or forged` });
        const line = lines[c.line - 1];
        if (line === undefined) return problems.push({ file: file, line: c.line, message: `${at} signed line ${c.line}, but the file now has ${lines.length} line(s): the log was truncated below a signed checkpoint` });
        if (sha256Hex(line) !== c.sha256) return problems.push({ file: file, line: c.line, message: `${at}: line ${c.line} is not the line that was signed: the log was rewritten (head.json and the chain may look intact)` });
        const previous = newest.get(file);
        if (!previous || previous.line <= c.line) newest.set(file, c);
        return undefined;
      });
    }
    if (orgEntries === 0 && monthFiles(join(dir, folder)).length > 0) {
      problems.push({ file: `${CHECKPOINTS_DIR}/${folder}/`, message: `org folder ${folder} has records but no signed checkpoint: run webex-iac evidence sign, or restore its checkpoints from the checkpoint store` });
    }
  }
  // A checkpoint whose log file is gone: the file (or the whole org folder) was removed.
  if (existsSync(root)) {
    for (const folder of readdirSync(root)) {
      const inFolder = existsSync(join(root, folder)) ? readdirSync(join(root, folder)).filter((name) => name.endsWith('.json')) : [];
      for (const name of inFolder) {
        const logFile = `${folder}/${name.replace(/\.json$/, '.jsonl')}`;
        if (!existsSync(join(dir, logFile))) problems.push({ file: `${CHECKPOINTS_DIR}/${folder}/${name}`, message: `the signed log file ${logFile} is gone: it was removed` });
      }
    }
  }
  return { newest, checked, problems };
}
