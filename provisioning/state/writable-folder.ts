import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileSystemError } from '../../manifest/files/file-system-error';
import { makeDirectory } from '../../manifest/files/make-directory';

/**
 * Proves that files can be created in `folder` (creating it if needed) by writing and removing a probe
 * file; throws one line naming the folder and the cause. Called before the first write to Webex that
 * must be recorded there: a write-only setting whose record cannot be kept must not be sent at all.
 */
export function assertWritableFolder(folder: string, what: string): void {
  makeDirectory(folder, what);
  const probe = join(folder, `.write-probe-${process.pid}-${Date.now()}`);
  try {
    const fd = openSync(probe, 'wx', 0o600);
    try {
      writeSync(fd, 'probe');
    } finally {
      closeSync(fd);
    }
    unlinkSync(probe);
  } catch (error) {
    throw fileSystemError(`write to ${what}`, folder, error);
  }
}
