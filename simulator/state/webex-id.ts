/** Kinds of Webex resource whose ids the simulator issues. */
export type WebexIdKind = 'ORGANIZATION' | 'PEOPLE' | 'ROLE' | 'LICENSE' | 'ROOM' | 'MESSAGE';

/**
 * A Webex resource id: `ciscospark://us/<KIND>/<uuid>` in unpadded base64url, as in Cisco's examples
 * (e.g. `Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFi…`).
 */
export function webexId(kind: WebexIdKind, uuid: string): string {
  return Buffer.from(`ciscospark://us/${kind}/${uuid}`, 'utf8').toString('base64url');
}

/**
 * The UUID inside a Webex id: what the identity and SCIM APIs call the org or user id (their paths take
 * `0ae87ade-8c8a-…`, not the base64 id). Undefined when `id` is not a Webex id of that kind.
 */
export function uuidOf(kind: WebexIdKind, id: string): string | undefined {
  const match = new RegExp(`^ciscospark://us/${kind}/([^/]+)$`).exec(Buffer.from(id, 'base64url').toString('utf8'));
  return match === null ? undefined : match[1];
}

/**
 * A UUID made from counters, for seeds that need many stable ids: `tag` names the kind of thing,
 * `group` and `index` number it (e.g. org 2, user 42).
 */
export function counterUuid(tag: number, group: number, index: number): string {
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
  return `${hex(tag, 8)}-${hex(group, 4)}-4000-8000-${hex(index, 12)}`;
}
