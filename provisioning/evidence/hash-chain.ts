import { createHash } from 'node:crypto';

/** `prev` of an org's very first record: there is nothing before it. */
export const GENESIS = '0'.repeat(64);

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const HASH_SUFFIX = /,"hash":"([0-9a-f]{64})"\}$/;

/**
 * Seals a serialized record (a JSON object without `hash`) by appending its own sha256 as the last field.
 * The hash covers the exact bytes, so changing any character of a record, `prev` included, is caught on
 * that very line and not only by the next record's `prev`.
 */
export function seal(json: string): string {
  if (!json.endsWith('}') || json === '{}') throw new Error('only a non-empty JSON object can be sealed');
  return `${json.slice(0, -1)},"hash":"${sha256Hex(json)}"}`;
}

/** Whether a line's own hash matches its content; undefined when the line has no hash field at its end. */
export function sealIntact(line: string): boolean | undefined {
  const match = HASH_SUFFIX.exec(line);
  if (!match) return undefined;
  const unsealed = `${line.slice(0, match.index)}}`;
  return sha256Hex(unsealed) === match[1];
}
