import { REDACTED, isSecretField } from './evidence/redact-record';

/**
 * Fields whose values are never printed, logged or stored: the host PIN and anything named like a PIN,
 * password, token or key (redact-record.ts decides by name). A boolean or a rule about one
 * (`requireStrongPassword: true`) is not a secret.
 */
function holdsSecret(name: string, value: unknown): boolean {
  if (!isSecretField(name)) return false;
  return typeof value === 'string' || typeof value === 'number' || (Array.isArray(value) && value.some((v) => typeof v === 'string' || typeof v === 'number')) || (value !== null && typeof value === 'object');
}

/** Plan maps whose keys are field names and whose values are words of a closed set, not field values. */
const WORD_MAPS = new Set(['fieldImpacts', 'valueRules']);

/**
 * The path of the first never-printed field that holds a value anywhere in `value`, or undefined; the
 * values of the WORD_MAPS are not field values and are not looked at.
 */
export function neverPrintedField(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = neverPrintedField(item, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      // fieldImpacts and valueRules map field names (`requireStrongPassword`) to a word the schema checks.
      if (WORD_MAPS.has(key)) continue;
      if (holdsSecret(key, child)) return here;
      const found = neverPrintedField(child, here);
      if (found) return found;
    }
  }
  return undefined;
}

/** A value for a message: its JSON, `(absent)`, or `***` when the path names a never-printed field. */
export function shownValue(path: string, value: unknown): string {
  if (value === undefined) return '(absent)';
  const field = path.replace(/\[\d+\]$/, '');
  return holdsSecret(field, value) ? REDACTED : JSON.stringify(value);
}
