import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { fileSystemError, FileSystemError } from './file-system-error';
import { decodeUtf8Strict, InvalidUtf8Error } from './strict-utf8';

/** Larger than any manifest, plan or key webex-iac writes; a bigger file is refused, not read into memory. */
export const MAX_INPUT_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Reads a file the user named (a manifest, a saved plan, a key) without ever blocking: it is opened
 * non-blocking, so a FIFO or a device cannot hang the command (and with it SIGTERM), and anything but a
 * regular file is refused in one line naming the path. `what` names the file for the user, e.g.
 * "manifest". The bytes must be UTF-8: an invalid byte is an error naming its offset, never replaced.
 */
export function readRegularFile(path: string, what: string, maxBytes = MAX_INPUT_FILE_BYTES): string {
  const bytes = readRegularFileBytes(path, what, maxBytes);
  try {
    return decodeUtf8Strict(bytes);
  } catch (error) {
    if (error instanceof InvalidUtf8Error) throw new FileSystemError(`${what} ${path}: not UTF-8: ${error.message}`, path);
    throw error;
  }
}

/** The bytes of a regular file, read as `readRegularFile` does. */
export function readRegularFileBytes(path: string, what: string, maxBytes = MAX_INPUT_FILE_BYTES): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    throw fileSystemError(`read ${what}`, path, error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new FileSystemError(`cannot read ${what} ${path}: it is ${kindOf(stats)}, not a regular file`, path);
    if (stats.size > maxBytes) throw new FileSystemError(`cannot read ${what} ${path}: it is ${stats.size} bytes, more than the ${maxBytes} allowed`, path);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stats.size - total + 1, 1 << 16), 1 << 24));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw new FileSystemError(`cannot read ${what} ${path}: it is more than the ${maxBytes} bytes allowed`, path);
      chunks.push(chunk.subarray(0, read));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw fileSystemError(`read ${what}`, path, error);
  } finally {
    closeSync(fd);
  }
}

function kindOf(stats: import('node:fs').Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}
