/** Why a file-system call failed, in words, for the errno codes a user can meet with a path they gave. */
const CAUSES: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'it already exists',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EBUSY: 'the resource is busy',
  EIO: 'input/output error',
  EINVAL: 'the file system refuses it',
};

/** A file-system failure as one line naming the path and the cause; never a stack trace. */
export class FileSystemError extends Error {
  override readonly name = 'FileSystemError';
  constructor(
    message: string,
    readonly path: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** `cannot <action> <path>: <cause> (<CODE>)`, e.g. `cannot create the evidence folder /proc/x: no such file or folder (ENOENT)`. */
export function fileSystemError(action: string, path: string, error: unknown): FileSystemError {
  if (error instanceof FileSystemError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const cause = code && CAUSES[code] ? `${CAUSES[code]} (${code})` : code ? `${firstLine(error)} (${code})` : firstLine(error);
  return new FileSystemError(`cannot ${action} ${path}: ${cause}`, path, code);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!;
}
