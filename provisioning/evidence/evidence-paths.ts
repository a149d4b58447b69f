import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sha256Hex } from './hash-chain';
import { compareCodePoints } from '../../manifest';

export const DEFAULT_EVIDENCE_DIR = join('.webex-iac', 'evidence');

/** Beside the org folders: the signed checkpoints (checkpoints.ts), never an org's folder. */
export const CHECKPOINTS_DIR = 'checkpoints';

/** `WEBEX_IAC_EVIDENCE_DIR`, else `.webex-iac/evidence/` in the working directory. */
export function evidenceDir(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): string {
  const configured = env.WEBEX_IAC_EVIDENCE_DIR?.trim();
  return resolve(cwd, configured ? configured : DEFAULT_EVIDENCE_DIR);
}

/** The org's folder name: its display name in kebab case (a hash when nothing readable is left). */
export function orgSlug(org: string): string {
  const slug = org
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  if (slug === CHECKPOINTS_DIR) return `org-${slug}`;
  return slug || `org-${sha256Hex(org).slice(0, 12)}`;
}

/** `YYYY-MM` of a UTC ISO time. */
export function monthOf(time: string): string {
  return time.slice(0, 7);
}

export const MONTH_FILE = /^(\d{4}-(?:0[1-9]|1[0-2]))\.jsonl$/;

/** The month files of an org folder, oldest first. */
export function monthFiles(orgDir: string): string[] {
  if (!existsSync(orgDir)) return [];
  return readdirSync(orgDir)
    .filter((name) => MONTH_FILE.test(name))
    .sort(compareCodePoints);
}

/** Org folders under the evidence folder, by name. */
export function orgFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== CHECKPOINTS_DIR)
    .map((entry) => entry.name)
    .sort(compareCodePoints);
}

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}
