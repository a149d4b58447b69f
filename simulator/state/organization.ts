import type { AuthenticationConfig, PasswordPolicy } from './identity-settings';

/** An organization as `GET /v1/organizations` returns it (schema `Organization`, webex-admin.json). */
export interface Organization {
  id: string;
  displayName: string;
  created: string;
}

/** An organization and the org-wide state no People or Meetings endpoint returns. */
export interface OrganizationRecord {
  organization: Organization;
  /** License ids the org holds; `PUT /v1/people/{personId}` may assign only these. */
  licenseIds: string[];
  /** Write-only over the API (PATCH …/passwordPolicy). */
  passwordPolicy: PasswordPolicy;
  /** Write-only over the API (PATCH …/authenticationConfig). */
  authenticationConfig: AuthenticationConfig;
}
