import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileSystemError } from '../../manifest/files/file-system-error';
import { makeDirectory } from '../../manifest/files/make-directory';
import { join } from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../../manifest';
import { PlanError } from '../errors';
import { FieldValues } from '../plan';
import { AppliedDeclarationSchema } from './applied-declaration-schema';
import { resolveStateDir } from './state-dir';

/**
 * What webex-iac last enforced of each write-only setting (no GET exists for them), one small JSON file
 * per org: `<stateDir>/<orgId>.json`. It holds a sha256 of the enforced values and when, never the
 * values themselves and never a secret, so it can be committed or kept as a CI cache. See
 * manifest/README.md, "Write-only settings".
 */
export const DEFAULT_STATE_DIR = '.webex-iac/state';
export const STATE_FORMAT_VERSION = 1;

export const EnforcementRecordSchema = z
  .object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    enforcedAt: z.string(),
    trackingId: z.string(),
  })
  .strict();
export type EnforcementRecord = z.infer<typeof EnforcementRecordSchema>;

const StateFileSchema = z
  .object({
    formatVersion: z.literal(STATE_FORMAT_VERSION),
    orgId: z.string(),
    orgName: z.string(),
    enforced: z.record(z.string(), EnforcementRecordSchema),
    /** The declaration last applied to the org (applied-declaration.ts); absent until an apply records it. */
    applied: AppliedDeclarationSchema.optional(),
  })
  .strict();
export type StateFile = z.infer<typeof StateFileSchema>;

/**
 * The state folder when no manifest is known (library callers): WEBEX_IAC_STATE_DIR, else
 * .webex-iac/state in the project that holds `cwd` (see resolveStateDir, which the CLI uses).
 */
export function stateDirFrom(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return resolveStateDir({ env, cwd });
}

/** sha256 of the canonical JSON of the values a write-only setting is enforced with. */
export function enforcementHash(values: FieldValues): string {
  return createHash('sha256').update(canonicalJson(values)).digest('hex');
}

/** The file of one org; the org id is made file-name safe (Webex ids are base64). */
export function stateFile(stateDir: string, orgId: string): string {
  return join(stateDir, `${orgId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`);
}

/** What was last enforced for the org, by setting; empty when nothing was. */
export function readEnforcements(stateDir: string, orgId: string): Record<string, EnforcementRecord> {
  return readState(stateDir, orgId)?.enforced ?? {};
}

/** Records that `values` were enforced for `setting`, replacing the previous record (atomic write). */
export function recordEnforcement(stateDir: string, org: { orgId: string; name: string }, setting: string, values: FieldValues, trackingId: string, now: Date = new Date()): EnforcementRecord {
  const record: EnforcementRecord = { sha256: enforcementHash(values), enforcedAt: now.toISOString(), trackingId };
  updateState(stateDir, org, (previous) => ({ enforced: { ...(previous?.enforced ?? {}), [setting]: record } }));
  return record;
}

/** Rewrites the org's state file atomically, changing only what `update` returns and keeping every other part. */
export function updateState(stateDir: string, org: { orgId: string; name: string }, update: (previous: StateFile | undefined) => Partial<Pick<StateFile, 'enforced' | 'applied'>>): void {
  const previous = readState(stateDir, org.orgId);
  const state: StateFile = { formatVersion: STATE_FORMAT_VERSION, orgId: org.orgId, orgName: org.name, enforced: previous?.enforced ?? {}, ...(previous?.applied ? { applied: previous.applied } : {}), ...update(previous) };
  makeDirectory(stateDir, 'the state folder');
  const file = stateFile(stateDir, org.orgId);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, canonicalJson(state), { mode: 0o644 });
    renameSync(temporary, file);
  } catch (error) {
    throw fileSystemError('write the state file', file, error);
  }
}

/** The org's state file; undefined when there is none. */
export function readState(stateDir: string, orgId: string): StateFile | undefined {
  const file = stateFile(stateDir, orgId);
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PlanError(`the write-only state file ${file} is not valid JSON (${(error as Error).message}); fix or delete it (deleting makes the next plan enforce every write-only setting again)`);
  }
  const parsed = StateFileSchema.safeParse(data);
  if (!parsed.success || parsed.data.orgId !== orgId) {
    const why = parsed.success ? `it belongs to org ${parsed.data.orgId}` : `${parsed.error.issues[0]!.path.join('.') || '(root)'}: ${parsed.error.issues[0]!.message}`;
    throw new PlanError(`the write-only state file ${file} is not a webex-iac state file for org ${orgId} (${why}); fix or delete it`);
  }
  return parsed.data;
}
