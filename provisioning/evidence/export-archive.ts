import { createHash, KeyObject, sign as signBytes, verify as verifyBytes } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { keyIdOf } from './checkpoints';
import { CHECKPOINTS_DIR, monthFiles, orgFolders } from './evidence-paths';
import { HEAD_NAME } from './log-head';

/**
 * The retention archive (45 CFR 164.316(b)(2)(i): six years): a plain folder, readable without this
 * tool: the log files, head.json files and signed checkpoints under `evidence/`, the report in HTML and
 * JSON, the verification transcript, and MANIFEST.json with the sha256 of every file (signed with the
 * evidence key when one is configured). A folder, not a tarball: no dependency, and any archiver can
 * pack it.
 */
export const ARCHIVE_FORMAT = 'webex-iac-evidence-archive/1';
export const ARCHIVE_MANIFEST = 'MANIFEST.json';
export const ARCHIVE_EVIDENCE_DIR = 'evidence';

const ManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  createdAt: z.string(),
  toolVersion: z.string(),
  files: z.array(z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative() })),
  signature: z.object({ keyId: z.string(), value: z.string() }).optional(),
});
export type ArchiveManifest = z.infer<typeof ManifestSchema>;

export interface ArchiveContents {
  readonly reportHtml: string;
  readonly reportJson: string;
  readonly transcript: string;
}

/** The bytes a manifest signature covers: the manifest without its signature, as JSON. */
function signedBytes(manifest: Omit<ArchiveManifest, 'signature'>): Buffer {
  return Buffer.from(JSON.stringify({ format: manifest.format, createdAt: manifest.createdAt, toolVersion: manifest.toolVersion, files: manifest.files }), 'utf8');
}

/**
 * Writes the archive to `output` (which must not exist) through a temporary folder beside it, renamed
 * into place at the end: an interrupted export leaves no half archive under the given name.
 */
export function exportArchive(dir: string, output: string, contents: ArchiveContents, options: { toolVersion: string; now?: Date; key?: KeyObject }): ArchiveManifest {
  if (existsSync(output)) throw new Error(`${output} already exists: an archive is written once, to a new folder`);
  const staging = join(dirname(output), `.${output.split(sep).pop()}.${process.pid}.partial`);
  rmSync(staging, { recursive: true, force: true });
  try {
    const evidence = join(staging, ARCHIVE_EVIDENCE_DIR);
    for (const folder of orgFolders(dir)) {
      mkdirSync(join(evidence, folder), { recursive: true });
      for (const name of [...monthFiles(join(dir, folder)), HEAD_NAME]) {
        if (existsSync(join(dir, folder, name))) copyFileSync(join(dir, folder, name), join(evidence, folder, name));
      }
    }
    const checkpoints = join(dir, CHECKPOINTS_DIR);
    if (existsSync(checkpoints)) {
      for (const file of regularFilesBelow(checkpoints)) {
        const target = join(evidence, CHECKPOINTS_DIR, relative(checkpoints, file));
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(file, target);
      }
    }
    writeFileSync(join(staging, 'report.html'), contents.reportHtml);
    writeFileSync(join(staging, 'report.json'), contents.reportJson);
    writeFileSync(join(staging, 'verification.txt'), contents.transcript);
    const files = regularFilesBelow(staging)
      .map((file) => {
        const data = readFileSync(file);
        return { path: relative(staging, file).split(sep).join('/'), sha256: fileSha256(data), bytes: data.length };
      })
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const unsigned = { format: ARCHIVE_FORMAT, createdAt: (options.now ?? new Date()).toISOString(), toolVersion: options.toolVersion, files } as const;
    const manifest: ArchiveManifest = options.key ? { ...unsigned, signature: { keyId: keyIdOf(options.key), value: signBytes(null, signedBytes(unsigned), options.key).toString('base64') } } : unsigned;
    writeFileSync(join(staging, ARCHIVE_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(staging, output);
    return manifest;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function fileSha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Regular files only, recursively; a symbolic link in an archive is refused when verifying. */
function regularFilesBelow(root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) out.push(...regularFilesBelow(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

export interface ArchiveCheck {
  readonly manifest?: ArchiveManifest;
  readonly problems: string[];
  /** The evidence folder inside the archive, for the chain and checkpoint checks. */
  readonly evidenceDir: string;
  /** `verified`, `unsigned`, or `not checked` (no public key given). */
  readonly signature: 'verified' | 'unsigned' | 'not checked' | 'failed';
}

/** Checks an archive's files against its manifest: none missing, none added, none changed; and its signature. */
export function checkArchive(archive: string, publicKeys: readonly KeyObject[]): ArchiveCheck {
  const evidenceDir = join(archive, ARCHIVE_EVIDENCE_DIR);
  const problems: string[] = [];
  const manifestPath = join(archive, ARCHIVE_MANIFEST);
  if (!existsSync(manifestPath)) return { problems: [`${manifestPath} is missing: this is not a webex-iac evidence archive`], evidenceDir, signature: 'not checked' };
  let manifest: ArchiveManifest;
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(manifestPath, 'utf8')));
    if (!parsed.success) return { problems: [`${ARCHIVE_MANIFEST}: ${parsed.error.issues[0]?.path.join('.') || '(root)'}: ${parsed.error.issues[0]?.message}`], evidenceDir, signature: 'not checked' };
    manifest = parsed.data;
  } catch (error) {
    return { problems: [`${ARCHIVE_MANIFEST} is not valid JSON: ${(error as Error).message}`], evidenceDir, signature: 'not checked' };
  }
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const entry of manifest.files) {
    const path = join(archive, ...entry.path.split('/'));
    if (entry.path.split('/').includes('..') || !existsSync(path)) {
      problems.push(`${entry.path}: listed in ${ARCHIVE_MANIFEST} but missing from the archive`);
      continue;
    }
    if (!lstatSync(path).isFile()) {
      problems.push(`${entry.path}: not a regular file`);
      continue;
    }
    const data = readFileSync(path);
    if (fileSha256(data) !== entry.sha256) problems.push(`${entry.path}: its sha256 differs from ${ARCHIVE_MANIFEST}: the file was changed after the export`);
  }
  for (const file of regularFilesBelow(archive)) {
    const path = relative(archive, file).split(sep).join('/');
    if (path !== ARCHIVE_MANIFEST && !listed.has(path)) problems.push(`${path}: in the archive but not in ${ARCHIVE_MANIFEST}: it was added after the export`);
  }
  let signature: ArchiveCheck['signature'] = manifest.signature ? 'not checked' : 'unsigned';
  if (publicKeys.length > 0) {
    if (!manifest.signature) {
      signature = 'unsigned';
    } else {
      const key = publicKeys.find((k) => keyIdOf(k) === manifest.signature!.keyId);
      const { signature: sig, ...unsigned } = manifest;
      if (!key) problems.push(`${ARCHIVE_MANIFEST} was signed with key ${sig!.keyId}, which is not among the given public keys`);
      else if (!verifyBytes(null, signedBytes(unsigned), key, Buffer.from(sig!.value, 'base64'))) problems.push(`${ARCHIVE_MANIFEST}: the signature does not verify: the manifest was altered`);
      signature = problems.some((p) => p.startsWith(ARCHIVE_MANIFEST)) ? 'failed' : 'verified';
    }
  }
  return { manifest, problems, evidenceDir, signature };
}
