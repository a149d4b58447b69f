/** An organization as `GET /v1/organizations` returns it (schema `Organization`, webex-admin.json). */
export interface Organization {
  id: string;
  displayName: string;
  created: string;
}
