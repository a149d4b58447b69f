import { type FieldShape, validBody } from '../http/body-shape';
import { badRequest, notFound } from '../http/webex-error';
import type { Route, RouteRequest } from '../http/route';
import {
  AUTHENTICATION_CONFIG_SCHEMA,
  type AuthenticationConfig,
  PASSWORD_POLICY_SCHEMA,
  type PasswordPolicy,
} from '../state/identity-settings';
import type { OrganizationRecord } from '../state/organization';
import { recordAdminWrite } from './record-admin-write';

const ORGANIZATIONS_RW = ['identity:organizations_rw'];
const COUNT: FieldShape = { kind: 'integer-string', min: 0, max: 256 };

/**
 * The password policy PATCH body (`PasswordPolicyObject`, webex-admin.json, and WEBEX-API.md §2.6): every
 * value a string; all but notAcceptableStrings required; ranges from the field descriptions.
 */
const PASSWORD_POLICY_SHAPE: FieldShape = {
  kind: 'object',
  fields: {
    schemas: { kind: 'string-list', unique: true },
    minimumNumeric: COUNT,
    minimumCapAlpha: COUNT,
    minimumLowAlpha: COUNT,
    minimumSpecial: COUNT,
    minimumLength: { kind: 'integer-string', min: 8, max: 256 },
    historyCount: { kind: 'integer-string', min: 1, max: 5 },
    maxPasswordAge: { kind: 'integer-string', min: 90, max: 1825 },
    notAcceptableStrings: { kind: 'string' },
  },
  required: ['schemas', 'minimumNumeric', 'minimumCapAlpha', 'minimumLowAlpha', 'minimumSpecial', 'minimumLength', 'historyCount', 'maxPasswordAge'],
};

/**
 * The authentication config PATCH body (WEBEX-API.md §2.7: `AuthenticationConfigPatchObject` of the
 * later spec, which adds mfaEnabled). The Lockout* fields appear only in the response.
 */
const AUTHENTICATION_CONFIG_SHAPE: FieldShape = {
  kind: 'object',
  fields: {
    schemas: { kind: 'string-list', unique: true },
    mfaEnabled: { kind: 'boolean' },
    RememberMyLoginId: { kind: 'boolean' },
    RememberMyLoginIdDuration: { kind: 'integer', min: 1, max: 120 },
    LockoutDuration: { kind: 'read-only' },
    LockoutDurationMultiplier: { kind: 'read-only' },
    LockoutFailureCount: { kind: 'read-only' },
    LockoutFailureDuration: { kind: 'read-only' },
  },
  required: ['schemas'],
};

/**
 * PATCH /identity/organizations/{orgId}/passwordPolicy (write-only: there is no GET). `orgId` is the
 * identity org id (the UUID inside the Webex org id). notAcceptableStrings left out stays as it was.
 * Answers the policy's fields (`PasswordPolicyResponse`, which has no `schemas`).
 */
export const updatePasswordPolicy: Route = {
  method: 'PATCH',
  path: '/identity/organizations/{orgId}/passwordPolicy',
  scopes: ORGANIZATIONS_RW,
  contentType: 'application/json',
  handle(request) {
    const org = identityOrganization(request);
    const { schemas, ...update } = validBody<PasswordPolicy & { schemas: string[] }>(request.body, PASSWORD_POLICY_SHAPE);
    requireSchema(schemas, PASSWORD_POLICY_SCHEMA);
    const policy: PasswordPolicy = {
      minimumNumeric: update.minimumNumeric,
      minimumCapAlpha: update.minimumCapAlpha,
      minimumLowAlpha: update.minimumLowAlpha,
      minimumSpecial: update.minimumSpecial,
      minimumLength: update.minimumLength,
      historyCount: update.historyCount,
      maxPasswordAge: update.maxPasswordAge,
      notAcceptableStrings: update.notAcceptableStrings ?? org.passwordPolicy.notAcceptableStrings,
    };
    request.state.setPasswordPolicy(org, policy);
    recordOrgWrite(request, org, 'Password policy updated', 'the password policy');
    return { status: 200, body: { ...policy } };
  },
};

/**
 * PATCH /identity/organizations/{orgId}/authenticationConfig (write-only: there is no GET): merges the
 * fields sent and answers the whole config, Lockout* fields included (`AuthenticationConfigResponse`
 * plus mfaEnabled).
 */
export const updateAuthenticationConfig: Route = {
  method: 'PATCH',
  path: '/identity/organizations/{orgId}/authenticationConfig',
  scopes: ORGANIZATIONS_RW,
  contentType: 'application/json',
  handle(request) {
    const org = identityOrganization(request);
    const { schemas, ...update } = validBody<Partial<AuthenticationConfig> & { schemas: string[] }>(request.body, AUTHENTICATION_CONFIG_SHAPE);
    requireSchema(schemas, AUTHENTICATION_CONFIG_SCHEMA);
    const config: AuthenticationConfig = { ...org.authenticationConfig, ...update };
    request.state.setAuthenticationConfig(org, config);
    recordOrgWrite(request, org, 'Authentication settings updated', `the authentication settings (${Object.keys(update).join(', ') || 'nothing'})`);
    return {
      status: 200,
      body: {
        schemas: [AUTHENTICATION_CONFIG_SCHEMA],
        mfaEnabled: config.mfaEnabled,
        LockoutDuration: config.LockoutDuration,
        LockoutDurationMultiplier: config.LockoutDurationMultiplier,
        LockoutFailureCount: config.LockoutFailureCount,
        LockoutFailureDuration: config.LockoutFailureDuration,
        RememberMyLoginId: config.RememberMyLoginId,
        RememberMyLoginIdDuration: config.RememberMyLoginIdDuration,
      },
    };
  },
};

/** The org named in an identity path: by its identity UUID, as the identity APIs take it. */
export function identityOrganization({ state, params }: RouteRequest): OrganizationRecord {
  const org = state.organizationByIdentityId(params.orgId);
  if (org === undefined) {
    throw notFound(`Organization ${params.orgId} not found. Identity APIs take the organization's UUID, not its base64 Webex id.`);
  }
  return org;
}

function requireSchema(schemas: string[], required: string): void {
  if (!schemas.includes(required)) {
    throw badRequest([`schemas must contain ${required}.`]);
  }
}

function recordOrgWrite(request: RouteRequest, org: OrganizationRecord, description: string, what: string): void {
  const { organization } = org;
  recordAdminWrite(request, {
    eventCategory: 'ORG',
    eventDescription: description,
    actionText: `${request.caller.record.person.displayName} updated ${what} of organization ${organization.displayName}`,
    target: { id: organization.id, name: organization.displayName, type: 'ORG', orgId: organization.id },
  });
}
