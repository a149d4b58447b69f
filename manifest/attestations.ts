import { z } from 'zod';
import { checkNoRepeats, constructPath, isoDate, siteUrl } from './primitives';

/**
 * Manual attestations: HIPAA controls that Webex exposes no API for. webex-iac cannot read or write
 * them; a person attests that they are in place (who, when, a reference to the evidence, until when),
 * and every plan shows each one as valid, expiring, expired or missing, never as applied.
 */

/** HIPAA's documentation retention: 6 years (45 CFR 164.316(b)(2)(i)). */
export const HIPAA_RETENTION_DAYS = 2190;

/** Control Hub's idle timeout range, in minutes (10 minutes to 12 hours). */
export const IDLE_TIMEOUT_MINUTES = { min: 10, max: 720 } as const;

const retentionDays = z
  .number()
  .int()
  .min(HIPAA_RETENTION_DAYS, `at least ${HIPAA_RETENTION_DAYS} days (6 years, 45 CFR 164.316(b)(2))`)
  .max(36500);

/** The details each control records, beside who attested, when, the reference and the expiry. */
export const ATTESTATION_DETAILS = {
  messageRetention: z.object({ retentionDays }).strict(),
  recordingRetention: z.object({ retentionDays }).strict(),
  idleTimeout: z.object({ idleTimeoutMinutes: z.number().int().min(IDLE_TIMEOUT_MINUTES.min).max(IDLE_TIMEOUT_MINUTES.max) }).strict(),
  ssoEnforcement: z.object({ identityProvider: z.string().min(1) }).strict(),
  siteLobbyPolicy: z.object({ unauthenticatedUsers: z.enum(['lobby', 'blocked']) }).strict(),
  recordingAccess: z.object({ accessRestrictedTo: z.string().min(1), downloadAllowed: z.boolean() }).strict(),
  dataResidency: z.object({ region: z.string().min(1) }).strict(),
  businessAssociateAgreement: z
    .object({ plan: z.string().min(1), productsCovered: z.array(z.string().min(1)).min(1), signedOn: isoDate })
    .strict()
    .superRefine((value, ctx) => checkNoRepeats(value.productsCovered, ['productsCovered'], ctx, 'productsCovered')),
  aiAssistantCoverage: z.object({ status: z.enum(['disabled', 'covered-by-baa']) }).strict(),
  siteEndToEndEncryption: z
    .object({ siteUrls: z.array(siteUrl).min(1) })
    .strict()
    .superRefine((value, ctx) => checkNoRepeats(value.siteUrls, ['siteUrls'], ctx, 'siteUrls')),
} as const;

export type AttestationControl = keyof typeof ATTESTATION_DETAILS;
export const ATTESTATION_CONTROLS = Object.keys(ATTESTATION_DETAILS) as AttestationControl[];

/** The detail fields an attestation of `control` records. */
export function attestationDetailFields(control: AttestationControl): string[] {
  return Object.keys((ATTESTATION_DETAILS[control] as unknown as z.ZodObject).shape);
}

/**
 * Checks the details of an attestation of `control`: the parsed details, or the first field at fault
 * and what is allowed there (for a construct's error message).
 */
export function checkAttestationDetails(control: AttestationControl, details: Record<string, unknown>): { ok: true; details: Record<string, unknown> } | { ok: false; field: string; allowed: string } {
  const parsed = (ATTESTATION_DETAILS[control] as unknown as z.ZodObject).safeParse(details);
  if (parsed.success) return { ok: true, details: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, field: String(issue.path[0] ?? ''), allowed: describeRule(issue) };
}

/** A zod issue worded as what is allowed. */
function describeRule(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type':
      return issue.expected === 'array' ? 'a list' : `a ${issue.expected}`;
    case 'too_small':
      if (issue.message.startsWith('at least')) return issue.message;
      return issue.origin === 'array' ? `a list of at least ${String(issue.minimum)} item(s)` : `at least ${String(issue.minimum)}`;
    case 'too_big':
      return `at most ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

/** What each attestation covers, for plans and reports, with the HIPAA sections it evidences. */
export const ATTESTATION_CATALOG: Readonly<Record<AttestationControl, { readonly title: string; readonly hipaa: string }>> = {
  messageRetention: { title: 'Message retention of at least 6 years', hipaa: '164.316(b)(2)(i), 164.312(c)(1)' },
  recordingRetention: { title: 'Meeting recording retention of at least 6 years', hipaa: '164.316(b)(2)(i), 164.312(c)(1)' },
  idleTimeout: { title: 'Idle timeout / automatic logoff', hipaa: '164.312(a)(2)(iii)' },
  ssoEnforcement: { title: 'Single sign-on enforced through the identity provider', hipaa: '164.312(d)' },
  siteLobbyPolicy: { title: 'Site lobby policy for unauthenticated users', hipaa: '164.312(a)(1)' },
  recordingAccess: { title: 'Recording access and download policy', hipaa: '164.312(a)(1), 164.308(a)(4)' },
  dataResidency: { title: 'Data residency', hipaa: '164.308(b)(1), 164.314(a)' },
  businessAssociateAgreement: { title: 'Business Associate Agreement with Cisco', hipaa: '164.308(b)(1), 164.314(a)' },
  aiAssistantCoverage: { title: 'AI Assistant on the sites, transcription and summaries covered by the BAA or disabled (each host\'s AI Assistant default is an automated per-host control, WBX.HOST.4v1)', hipaa: '164.308(b)(1), 164.502(e)' },
  siteEndToEndEncryption: { title: 'End-to-end encryption enabled on the Meetings sites', hipaa: '164.312(e)(1), 164.312(a)(2)(iv)' },
};

function attestationSchema<D extends z.ZodType>(details: D) {
  return z
    .object({
      attestedBy: z.string().min(1).describe('Who attests: a name or email of an accountable person.'),
      attestedOn: isoDate.describe('When they attested (YYYY-MM-DD).'),
      reference: z.string().min(1).describe('Where the evidence is: a ticket, document or screenshot archive.'),
      expires: isoDate.describe('When the attestation must be renewed (YYYY-MM-DD).'),
      details,
    })
    .strict()
    .superRefine((value, ctx) => {
      if (value.expires <= value.attestedOn) ctx.addIssue({ code: 'custom', path: ['expires'], message: `expires must be after attestedOn (${value.attestedOn})` });
    });
}

export const AttestationRecordSchemas = {
  messageRetention: attestationSchema(ATTESTATION_DETAILS.messageRetention),
  recordingRetention: attestationSchema(ATTESTATION_DETAILS.recordingRetention),
  idleTimeout: attestationSchema(ATTESTATION_DETAILS.idleTimeout),
  ssoEnforcement: attestationSchema(ATTESTATION_DETAILS.ssoEnforcement),
  siteLobbyPolicy: attestationSchema(ATTESTATION_DETAILS.siteLobbyPolicy),
  recordingAccess: attestationSchema(ATTESTATION_DETAILS.recordingAccess),
  dataResidency: attestationSchema(ATTESTATION_DETAILS.dataResidency),
  businessAssociateAgreement: attestationSchema(ATTESTATION_DETAILS.businessAssociateAgreement),
  aiAssistantCoverage: attestationSchema(ATTESTATION_DETAILS.aiAssistantCoverage),
  siteEndToEndEncryption: attestationSchema(ATTESTATION_DETAILS.siteEndToEndEncryption),
} as const;

/**
 * The attestations of one org: which controls must be attested (`required`; a required control with
 * no record is "missing"), and the records, one optional key per control.
 */
export const AttestationsSchema = z
  .object({
    path: constructPath,
    required: z.array(z.enum(ATTESTATION_CONTROLS as [AttestationControl, ...AttestationControl[]])),
    ...Object.fromEntries(Object.entries(AttestationRecordSchemas).map(([key, schema]) => [key, schema.optional()])),
  } as { path: typeof constructPath; required: z.ZodArray<z.ZodEnum<{ [K in AttestationControl]: K }>> } & { [K in AttestationControl]: z.ZodOptional<(typeof AttestationRecordSchemas)[K]> })
  .strict()
  .superRefine((value, ctx) => checkNoRepeats(value.required, ['required'], ctx, 'required'));
export type Attestations = z.infer<typeof AttestationsSchema>;
export type AttestationRecord<K extends AttestationControl = AttestationControl> = NonNullable<Attestations[K]>;
export type AttestationDetails<K extends AttestationControl = AttestationControl> = AttestationRecord<K>['details'];
