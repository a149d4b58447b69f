/** What a redacted value becomes. */
export const REDACTED = '***';

/**
 * Field names whose string or number values are secrets wherever they appear (a dotted field name is
 * judged by its last part): tokens, client secrets, passwords, PINs and keys. Booleans and numbers of
 * rules about secrets (`requireStrongPassword`, `passwordCriteria.minLength`) are not secrets and stay.
 */
const SECRET_NAME = /(?:^|[a-z0-9_-])(?:token|secret|password|passwd|passcode|pin|hostkey|apikey|api_key|privatekey|private_key|authorization|credential|cookie)s?$/i;

/** `Bearer <anything>` in free text: an Authorization header that was echoed somewhere. */
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]{4,}/gi;

export function isSecretField(name: string): boolean {
  const last = name.split('.').pop() ?? name;
  return SECRET_NAME.test(last);
}

/** A deep copy with every value of a secret-named field replaced; other values as they were. */
export function redactSecretFields<T>(value: T): T {
  return walk(value, undefined) as T;
}

function walk(value: unknown, key: string | undefined): unknown {
  if (key !== undefined && isSecretField(key) && (typeof value === 'string' || typeof value === 'number')) return REDACTED;
  if (Array.isArray(value)) {
    // A list under a secret name (e.g. several PINs) is redacted item by item.
    return value.map((item) => (key !== undefined && isSecretField(key) && (typeof item === 'string' || typeof item === 'number') ? REDACTED : walk(item, undefined)));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, walk(v, k)]));
  }
  return value;
}

/**
 * The last line of defence, over the serialized record: every known secret value (the current token, the
 * client secret, the refresh token) and any echoed bearer token becomes `***`, in the form JSON gives it.
 */
export function redactSecretValues(json: string, secrets: readonly (string | undefined)[]): string {
  let out = json.replace(BEARER, `$1 ${REDACTED}`);
  for (const secret of secrets) {
    const value = secret?.trim();
    if (!value || value.length < 4) continue;
    for (const form of new Set([value, JSON.stringify(value).slice(1, -1)])) out = out.split(form).join(REDACTED);
  }
  return out;
}
