/**
 * The org id that identity and SCIM endpoints take. Cisco's spec: `orgId` of /identity/... is the
 * "Webex Identity assigned organization identifier", a UUID (e.g. 82adacf4-453f-4e2b-a406-2939fddcaad2),
 * while /v1 returns `ciscospark://us/ORGANIZATION/<uuid>` encoded in base64. An id that does not decode
 * that way is passed through unchanged.
 */
export function identityOrgId(orgId: string): string {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(orgId)) return orgId;
  const decoded = Buffer.from(orgId.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  const match = /^ciscospark:\/\/[a-z0-9-]+\/ORGANIZATION\/([0-9a-f-]{36})$/i.exec(decoded);
  return match ? match[1]! : orgId;
}
