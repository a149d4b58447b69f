import { Mfa } from '../../manifest';
import { AUTHENTICATION_CONFIG_SCHEMA_URN, AuthenticationConfigResponseSchema } from '../client/schemas/identity';
import { WebexClient } from '../client/webex-client';
import { identityOrgId } from '../people/identity-org-id';
import { FieldValues } from '../plan';
import { WriteOnlyHandler, WriteOnlyResult } from './write-only-handler';

/**
 * Org-wide MFA: PATCH https://webexapis.com/identity/organizations/{orgId}/authenticationConfig with
 * `{schemas, mfaEnabled}` only (WEBEX-API.md §2.7), so that the other authentication settings stay as
 * they are. There is no GET. The per-user MFA report is read separately (see observe-org-settings.ts).
 */
export const mfaHandler: WriteOnlyHandler<Mfa> = {
  setting: 'mfa',

  desired: (declared: Mfa): FieldValues => ({ mfaEnabled: declared.mfaEnabled }),

  async write(client: WebexClient, orgId: string, values: FieldValues): Promise<WriteOnlyResult> {
    const path = `/identity/organizations/${encodeURIComponent(identityOrgId(orgId))}/authenticationConfig` as const;
    const { data, trackingId } = await client.patch(path, { schemas: [AUTHENTICATION_CONFIG_SCHEMA_URN], mfaEnabled: values.mfaEnabled }, AuthenticationConfigResponseSchema);
    return { trackingId, echoed: data.mfaEnabled === undefined ? {} : { mfaEnabled: data.mfaEnabled } };
  },
};
