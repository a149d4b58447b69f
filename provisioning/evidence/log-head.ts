import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Beside the month files: where the newest record is, so that removing the last line is detected too. */
export const HEAD_NAME = 'head.json';

/** The newest record of an org's log: its file, 1-based line, and the sha256 of that line. */
export interface LogHead {
  readonly org: string;
  readonly file: string;
  readonly line: number;
  readonly sha256: string;
}

const LogHeadSchema = z.object({
  org: z.string(),
  file: z.string(),
  line: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** The head, undefined when there is none, or an Error naming what is wrong with it. */
export function readHead(orgDir: string): LogHead | Error | undefined {
  const path = join(orgDir, HEAD_NAME);
  if (!existsSync(path)) return undefined;
  try {
    const parsed = LogHeadSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : new Error(`${path} is not a head record: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  } catch (error) {
    return new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Replaces the head atomically (temporary file, fsync, rename): a reader sees the old or the new one. */
export function writeHead(orgDir: string, head: LogHead): void {
  const path = join(orgDir, HEAD_NAME);
  const temporary = join(orgDir, `.${HEAD_NAME}.${process.pid}.tmp`);
  const fd = openSync(temporary, 'w', 0o644);
  try {
    writeSync(fd, `${JSON.stringify(head)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
