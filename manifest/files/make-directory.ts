import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileSystemError, FileSystemError } from './file-system-error';

/**
 * `mkdir -p` that always ends. Node's `mkdirSync(path, { recursive: true })` loops forever at 100 % CPU
 * below `/proc` (mkdir answers ENOENT for the child while the parent exists, and Node retries the pair
 * without end): here each missing folder is created once, from the nearest existing one down, and any
 * failure is one line naming the path and the cause. `what` names the folder for the user, e.g.
 * "the evidence folder".
 */
export function makeDirectory(path: string, what: string): void {
  const target = resolve(path);
  const missing: string[] = [];
  for (let current = target; ; current = dirname(current)) {
    let exists: boolean;
    try {
      const stats = statSync(current);
      if (!stats.isDirectory()) throw new FileSystemError(`cannot create ${what} ${target}: ${current} is a file, not a folder (ENOTDIR)`, target, 'ENOTDIR');
      exists = true;
    } catch (error) {
      if (error instanceof FileSystemError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw fileSystemError(`create ${what}`, target, error);
      exists = false;
    }
    if (exists) break;
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Another process may have created it in between: that is what was wanted.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && isDirectory(folder)) continue;
      throw fileSystemError(`create ${what}`, target, error);
    }
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
