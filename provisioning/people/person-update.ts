import { WebexApiError } from '../client/errors';
import { FullPerson, FullPersonSchema, PersonListSchema, RoleListSchema } from '../client/schemas/person';
import { WebexClient } from '../client/webex-client';
import { FieldValues } from '../plan';
import { compareCodePoints } from '../../manifest';

/**
 * The fields `PUT /v1/people/{personId}` accepts (webex-admin.json). The PUT replaces the whole person:
 * "include all details ... GET ... then PUT both changed and unchanged values". Fields only a GET
 * returns (id, created, lastActivity, status, ...) are not sent.
 */
const PUT_FIELDS = [
  'emails', 'phoneNumbers', 'extension', 'locationId', 'displayName', 'firstName', 'lastName', 'nickName', 'avatar', 'orgId', 'roles', 'licenses',
  'department', 'manager', 'managerId', 'title', 'addresses', 'siteUrls', 'loginEnabled',
] as const;
const ADDRESS_FIELDS = ['type', 'country', 'locality', 'region', 'streetAddress', 'postalCode'];

/** The PUT body that writes `person` back unchanged, in the shape the PUT declares. */
export function personPutBody(person: FullPerson): Record<string, unknown> {
  const raw = person as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const field of PUT_FIELDS) if (raw[field] !== undefined) body[field] = raw[field];
  // The GET types loginEnabled as "true"/"false" strings in Cisco's spec; the PUT wants a boolean.
  if (person.loginEnabled !== undefined) body.loginEnabled = person.loginEnabled;
  // The PUT accepts only work numbers, {type, value}; GET also returns mobile, fax, work_extension, primary.
  if (Array.isArray(raw.phoneNumbers)) {
    body.phoneNumbers = (raw.phoneNumbers as { type?: string; value?: string }[]).filter((p) => p.type === 'work' && typeof p.value === 'string').map((p) => ({ type: 'work', value: p.value }));
  }
  if (Array.isArray(raw.addresses)) {
    body.addresses = (raw.addresses as Record<string, unknown>[]).map((a) => Object.fromEntries(ADDRESS_FIELDS.filter((k) => a[k] !== undefined).map((k) => [k, a[k]])));
  }
  return body;
}

/** Phone numbers a full-body PUT cannot send back (only `work` numbers fit its schema), by type. */
export function unsendablePhoneTypes(phoneNumbers: readonly { type?: string }[] | undefined): string[] {
  return [...new Set((phoneNumbers ?? []).map((p) => p.type ?? 'unknown').filter((type) => type !== 'work'))].sort(compareCodePoints);
}

/**
 * Changes one person with a full-body PUT: GET the person as they are now, change only what `change`
 * changes, PUT everything back. Returns the write's trackingId.
 */
export async function updatePerson(client: WebexClient, personId: string, change: (body: Record<string, unknown>) => void): Promise<string> {
  const path = `/v1/people/${encodeURIComponent(personId)}` as const;
  const { data } = await client.get(path, FullPersonSchema);
  const body = personPutBody(data);
  change(body);
  const { trackingId } = await client.put(path, body, FullPersonSchema);
  return trackingId;
}

/** Role id → name, from GET /v1/roles. */
export async function roleNames(client: WebexClient): Promise<Map<string, string>> {
  const { data } = await client.get('/v1/roles', RoleListSchema);
  return new Map(data.items.map((role) => [role.id, role.name]));
}

/**
 * A person's access as the plan recorded it: admin role names (sorted), login, last activity. Read from
 * the list endpoint by email (GET /v1/people?email=), which carries `lastActivity`; undefined when gone.
 */
export async function readPersonAccess(client: WebexClient, orgId: string | undefined, email: string, roles: ReadonlyMap<string, string>): Promise<(FieldValues & { personId: string }) | undefined> {
  const { data } = await client.get('/v1/people', PersonListSchema, { email, orgId });
  const person = data.items.find((p) => (p.emails ?? []).some((e) => e.toLowerCase() === email.toLowerCase()));
  if (person === undefined) return undefined;
  return {
    personId: person.id,
    // Only admin roles (those GET /v1/roles lists) are managed; any other role id is not ours to judge.
    roles: (person.roles ?? []).filter((id) => roles.has(id)).map((id) => roles.get(id)!).sort(compareCodePoints),
    loginEnabled: person.loginEnabled ?? true,
    lastActivity: person.lastActivity ?? null,
  };
}

/** Re-throws a Webex error with `secrets` masked in its message (e.g. a PIN echoed by Webex). */
export function withSecretsMasked(error: unknown, secrets: readonly string[]): unknown {
  if (!(error instanceof WebexApiError)) return error;
  let message = error.message;
  for (const secret of secrets) if (secret.length > 0) message = message.split(secret).join('***');
  return message === error.message ? error : new WebexApiError(message, error.status, error.method, error.path, error.trackingId);
}
