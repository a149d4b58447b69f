import { FileSystemError } from './file-system-error';
import { readRegularFileBytes } from './read-regular-file';
import { decodeUtf8Strict, InvalidUtf8Error } from './strict-utf8';

/**
 * The text of a JSON file the user named (manifest, saved plan), read as `readRegularFile` does. Invalid
 * UTF-8 is one line naming the file, the byte offset and, when the rest parses, the field that holds it.
 */
export function readJsonText(path: string, what: string): string {
  const bytes = readRegularFileBytes(path, what);
  try {
    return decodeUtf8Strict(bytes);
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    const field = fieldHoldingReplacement(bytes);
    throw new FileSystemError(`${what} ${path}: ${field ? `${field}: ` : ''}not UTF-8: ${error.message}`, path);
  }
}

/** The path of the first key or string value that lenient decoding had to patch, e.g. `orgs[0].name`. */
function fieldHoldingReplacement(bytes: Uint8Array): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch {
    return undefined;
  }
  const visit = (value: unknown, path: string): string | undefined => {
    if (typeof value === 'string') return value.includes('\uFFFD') ? path || '(root)' : undefined;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const found = visit(value[i], `${path}[${i}]`);
        if (found) return found;
      }
      return undefined;
    }
    if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        if (key.includes('\uFFFD')) return `${at} (a field name)`;
        const found = visit(inner, at);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(data, '');
}
