import { PasswordPolicy } from '../../manifest';
import { PASSWORD_POLICY_SCHEMA_URN, PasswordPolicyResponseSchema } from '../client/schemas/identity';
import { WebexClient } from '../client/webex-client';
import { identityOrgId } from '../people/identity-org-id';
import { FieldValues } from '../plan';
import { WriteOnlyHandler, WriteOnlyResult } from './write-only-handler';

/** Manifest field → Webex field of the PATCH body (all strings there). */
const WEBEX_FIELDS: Readonly<Record<string, string>> = {
  minimumLength: 'minimumLength',
  minimumNumeric: 'minimumNumeric',
  minimumCapAlpha: 'minimumCapAlpha',
  minimumLowAlpha: 'minimumLowAlpha',
  minimumSpecial: 'minimumSpecial',
  historyCount: 'historyCount',
  maxPasswordAgeDays: 'maxPasswordAge',
};

/**
 * The org password policy: PATCH https://webexapis.com/identity/organizations/{orgId}/passwordPolicy
 * (WEBEX-API.md §2.6). Every value is sent as a string, as Cisco's body wants; there is no GET.
 */
export const passwordPolicyHandler: WriteOnlyHandler<PasswordPolicy> = {
  setting: 'passwordPolicy',

  desired(declared: PasswordPolicy): FieldValues {
    const values: FieldValues = {};
    for (const field of Object.keys(WEBEX_FIELDS)) values[field] = declared[field as keyof PasswordPolicy] as number;
    if (declared.notAcceptableStrings !== undefined) values.notAcceptableStrings = [...declared.notAcceptableStrings];
    return values;
  },

  async write(client: WebexClient, orgId: string, values: FieldValues): Promise<WriteOnlyResult> {
    const body: Record<string, unknown> = { schemas: [PASSWORD_POLICY_SCHEMA_URN] };
    for (const [field, webex] of Object.entries(WEBEX_FIELDS)) body[webex] = String(values[field]);
    if (Array.isArray(values.notAcceptableStrings)) body.notAcceptableStrings = values.notAcceptableStrings.join(',');
    const path = `/identity/organizations/${encodeURIComponent(identityOrgId(orgId))}/passwordPolicy` as const;
    const { data, trackingId } = await client.patch(path, body, PasswordPolicyResponseSchema);
    const echoed: FieldValues = {};
    for (const [field, webex] of Object.entries(WEBEX_FIELDS)) {
      const value = data[webex as keyof typeof data];
      if (value !== undefined) echoed[field] = /^\d+$/.test(value) ? Number(value) : value;
    }
    if (data.notAcceptableStrings !== undefined) echoed.notAcceptableStrings = data.notAcceptableStrings.split(',').filter((s) => s !== '');
    return { trackingId, echoed };
  },
};
