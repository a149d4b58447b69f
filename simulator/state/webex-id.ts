/** Kinds of Webex resource whose ids the simulator issues. */
export type WebexIdKind = 'ORGANIZATION' | 'PEOPLE' | 'ROLE' | 'LICENSE';

/**
 * A Webex resource id: `ciscospark://us/<KIND>/<uuid>` in unpadded base64url, as in Cisco's examples
 * (e.g. `Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFi…`).
 */
export function webexId(kind: WebexIdKind, uuid: string): string {
  return Buffer.from(`ciscospark://us/${kind}/${uuid}`, 'utf8').toString('base64url');
}
