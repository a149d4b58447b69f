import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import {
  AdminAccessSchema,
  AttestationsSchema,
  HostLobbySchema,
  HostSelectionSchema,
  InactiveAccountsSchema,
  MANIFEST_FORMAT_VERSION,
  ManifestSchema,
  MeetingSecuritySchema,
  PasswordCriteriaSchema,
  PasswordPolicySchema,
} from './schema';

/** Lists that must not repeat items (zod checks them in superRefine, which JSON Schema cannot see). */
const UNIQUE_LISTS: readonly unknown[] = [
  PasswordCriteriaSchema.shape.disallowValues,
  MeetingSecuritySchema.shape.exactFields,
  HostLobbySchema.shape.exactFields,
  HostSelectionSchema.shape.emails,
  HostSelectionSchema.shape.emailDomains,
  HostSelectionSchema.shape.exemptEmails,
  PasswordPolicySchema.shape.notAcceptableStrings,
  AdminAccessSchema.shape.allowedAdmins,
  InactiveAccountsSchema.shape.exemptEmails,
  AttestationsSchema.shape.required,
];

/** Where `npm run schema` writes the JSON Schema, relative to the repository root. */
export const MANIFEST_JSON_SCHEMA_FILE = 'manifest/webex-manifest.schema.json';

export const MANIFEST_JSON_SCHEMA_ID = `urn:webex-iac:webex-manifest:v${MANIFEST_FORMAT_VERSION}`;

/**
 * The JSON Schema (draft 2020-12) of webex-manifest.json, generated from the zod schema, which stays the
 * source of truth. Webex's cross-field rules on meeting security are added as `if`/`then` and
 * `uniqueItems`; the uniqueness of org names and of siteUrls within an org, the password policy's sum of
 * minimums, attestation dates in order and lists of unique objects cannot be expressed in JSON Schema and
 * are checked by webex-iac only (manifest/load.ts).
 */
export function manifestJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ManifestSchema, {
    target: 'draft-2020-12',
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === MeetingSecuritySchema) {
        jsonSchema.allOf = [
          {
            description: 'audioBeforeHost cannot be true while joinBeforeHost is false',
            if: { properties: { audioBeforeHost: { const: true } }, required: ['audioBeforeHost'] },
            then: { properties: { joinBeforeHost: { const: true } } },
          },
          {
            description: 'passwordCriteria requires requireStrongPassword to be true',
            if: { properties: { requireStrongPassword: { const: false } }, required: ['requireStrongPassword'] },
            then: { properties: { passwordCriteria: false } },
          },
        ];
      }
      if (zodSchema === HostSelectionSchema) {
        jsonSchema.not = { description: 'select hosts by emails or by emailDomains, not both', properties: { emails: true, emailDomains: true }, required: ['emails', 'emailDomains'] };
      }
      if (UNIQUE_LISTS.includes(zodSchema)) {
        jsonSchema.uniqueItems = true;
      }
    },
  });
  return {
    ...generated,
    $id: MANIFEST_JSON_SCHEMA_ID,
    title: 'webex-iac manifest',
    description:
      `The desired state of HIPAA-hardened Webex orgs (webex-manifest.json), formatVersion ${MANIFEST_FORMAT_VERSION}. ` +
      'Written by `webex-iac synth` beside cdk.tf.json, or by hand; read by webex-iac check, plan and apply. ' +
      'Generated from manifest/schema.ts by `npm run schema`: do not edit. Also checked by webex-iac, not here: org names are unique, siteUrls are unique within an org, ' +
      'a password policy\'s minimumLength is at least the sum of its character minimums, an attestation expires after it was made, and dates exist in the calendar.',
  };
}

/** The committed file's exact text: canonical JSON (sorted keys, two-space indent, trailing newline). */
export function renderManifestJsonSchema(): string {
  return canonicalJson(manifestJsonSchema());
}
