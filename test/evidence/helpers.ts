import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EvidenceEntry, EvidenceLog } from '../../provisioning/evidence';

export const ORG = 'Riverside Family Clinic';

export function tempDir(prefix = 'webex-iac-evidence-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A clock that returns the given times in turn (and the last one after that). */
export function clockOf(...times: string[]): () => Date {
  let i = 0;
  return () => new Date(times[Math.min(i++, times.length - 1)]!);
}

/** A deterministic id source: UUIDs numbered from 1. */
export function sequentialIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
}

export function entry(kind: string, details: Record<string, unknown> = {}): EvidenceEntry {
  return { kind, actor: { person: { id: 'person-1', email: 'admin@example.org' } }, command: `webex-iac ${kind}`, details };
}

export function testLog(dir: string, times: string[], secrets: string[] = []): EvidenceLog {
  return new EvidenceLog({ dir, toolVersion: '9.9.9-test', clock: clockOf(...times), newId: sequentialIds(), secrets });
}

export function lines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').slice(0, -1);
}

export function writeLines(file: string, content: string[]): void {
  writeFileSync(file, content.map((l) => `${l}\n`).join(''));
}
