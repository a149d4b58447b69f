import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { readJsonText } from './files/read-json-text';
import { Manifest, ManifestSchema, Org } from './schema';
import { compareCodePoints } from './compare';

export const MANIFEST_FILE_NAME = 'webex-manifest.json';

/** A manifest that cannot be read or does not satisfy the schema; the message is one line for the user. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

/** Validates parsed JSON against the schema, naming the first offending field and what was received. */
export function parseManifest(data: unknown, source = 'manifest'): Manifest {
  const result = ManifestSchema.safeParse(data);
  if (result.success) return result.data;
  throw new ManifestError(`${source}: ${describeIssue(result.error.issues[0]!, data)}`);
}

export function readManifest(file: string): Manifest {
  let text: string;
  try {
    text = readJsonText(file, 'manifest');
  } catch (error) {
    throw new ManifestError((error as Error).message);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseManifest(data, file);
}

/** Every webex-manifest.json below a cdktf output folder (cdktf.out/stacks/<stack>/), sorted by path. */
export function findManifests(outdir: string): string[] {
  const stacks = join(outdir, 'stacks');
  if (!existsSync(stacks)) return [];
  return readdirSync(stacks)
    .sort(compareCodePoints)
    .map((stack) => join(stacks, stack, MANIFEST_FILE_NAME))
    .filter((file) => existsSync(file) && statSync(file).isFile());
}

/** sha256 of an org's canonical manifest entry: the trigger of its Terraform apply resource. */
export function orgEntryHash(org: Org): string {
  return createHash('sha256').update(canonicalJson(org)).digest('hex');
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const where = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') return `${where}: unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
  const received = valueAt(data, issue.path);
  const shown = received === undefined ? 'nothing' : JSON.stringify(received);
  return `${where}: ${issue.message} (received ${shown})`;
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
