import { z } from 'zod';
import { OrgSchema } from '../manifest';
import type { Untrusted } from '../manifest/text';
import { SessionTypeSchema } from './client/schemas/session-types';
import { ObservedOrg } from './observe';
import { AttestationStatus, Change, ExceptionStatus, Finding, Plan, PLAN_FORMAT_VERSION } from './plan';
import { PlanBaselineSchema } from './plan-baseline';
import { EnforcementRecordSchema } from './state/enforcement-state';

export const SAVED_PLAN_KIND = 'webex-iac-plan';

/**
 * The format of a plan file (`plan --out`). 2: the file carries the selection and the planning options,
 * and `apply` re-derives the plan from it; 3: and the baseline each change's origin is judged against.
 * A file of an older format is refused (plan again).
 */
export const SAVED_PLAN_FORMAT_VERSION = 3;

/**
 * The schema of a plan file: every object strict (an unknown field is refused, not ignored), so the
 * renderers and the applier can rely on every field being there and nothing else being there.
 */
export const FieldValueSchema = z.union([z.boolean(), z.number(), z.string(), z.array(z.string()), z.null()]);
export const FieldValuesSchema = z.record(z.string(), FieldValueSchema);
export const ImpactSchema = z.enum(['weakens', 'strengthens', 'neutral']);

/**
 * A string whose text came from Webex (or an edited file): typed `Untrusted`, so that renderers must
 * escape it. At run time a plain string schema (a transform would hide it from JSON Schema generation).
 */
const UntrustedTextSchema = z.string() as unknown as z.ZodType<Untrusted, string>;

export const TargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('site'), siteUrl: z.string() }),
  z.strictObject({ kind: z.literal('person'), email: UntrustedTextSchema, siteUrl: z.string().optional(), personId: z.string().optional(), orgId: z.string().optional() }),
  z.strictObject({ kind: z.literal('org'), orgId: z.string() }),
]);

export const ChangeSchema = z.strictObject({
  org: z.string(),
  target: TargetSchema,
  setting: z.string(),
  action: z.enum(['update', 'enforce', 'revoke', 'deactivate']),
  path: z.string(),
  before: FieldValuesSchema,
  after: FieldValuesSchema,
  unchangedFields: z.number(),
  notes: z.array(z.string()),
  writeOnly: z.literal(true).optional(),
  plannedFrom: FieldValuesSchema.optional(),
  valueRules: z.record(z.string(), z.enum(['declared', 'floor', 'exact', 'dependency'])).optional(),
  fieldImpacts: z.record(z.string(), ImpactSchema),
  impact: ImpactSchema,
  /** Never in a saved plan (see Change.attribution): a file that carries one was edited. */
  attribution: z.never().optional(),
  origin: z.enum(['declaration', 'drift', 'unknown']),
  fieldOrigins: z.record(z.string(), z.enum(['declaration', 'drift'])).optional(),
  liveImpact: ImpactSchema,
});

export const FindingSchema = z.strictObject({
  org: z.string(),
  kind: z.enum(['unexpected-admin', 'too-many-full-admins', 'inactive-account', 'activity-unknown', 'mfa-off', 'not-a-host']),
  target: TargetSchema,
  setting: z.string(),
  detail: UntrustedTextSchema,
  path: z.string(),
});

export const AttestationStatusSchema = z.strictObject({
  org: z.string(),
  control: z.string(),
  title: z.string(),
  status: z.enum(['valid', 'expiring', 'expired', 'missing']),
  attestedBy: z.string().optional(),
  attestedOn: z.string().optional(),
  expires: z.string().optional(),
  reference: z.string().optional(),
  details: FieldValuesSchema.optional(),
  required: z.boolean(),
  path: z.string(),
});

export const ExceptionStatusSchema = z.strictObject({
  org: z.string(),
  ruleId: z.string(),
  reason: z.string(),
  owner: z.string(),
  expires: z.string(),
  appliesTo: z.string().optional(),
  path: z.string(),
  status: z.enum(['active', 'expiring', 'expired']),
});

const count = z.number().int().nonnegative();

export const UnknownTargetSchema = z.strictObject({ org: z.string(), target: TargetSchema, setting: z.string(), reason: UntrustedTextSchema });

/** A plan with unknown targets is never saved (cli/commands/plan.ts): a saved plan lists none. */
const NoUnknownTargetsSchema = z.array(UnknownTargetSchema).max(0, 'a saved plan cannot have targets that could not be read');

/** The plan's counts; `unknown` is the count of unknown targets (at most 0 in a saved plan). */
export function planSummarySchema(unknown: z.ZodNumber) {
  return z.strictObject({
    changes: count,
    weakening: count,
    drift: count,
    driftWeakening: count,
    weakerThanDeclared: count,
    originUnknown: count,
    fields: count,
    unchangedSettings: count,
    actions: z.strictObject({ update: count, enforce: count, revoke: count, deactivate: count }),
    findings: count,
    unknown,
    attestations: z.strictObject({ valid: count, expiring: count, expired: count, missing: count }),
  });
}

export const PlanSchema = z.strictObject({
  formatVersion: z.literal(PLAN_FORMAT_VERSION),
  orgs: z.array(z.string()),
  baseline: z.enum(['applied', 'manifest', 'none']),
  changes: z.array(ChangeSchema),
  findings: z.array(FindingSchema),
  unknown: NoUnknownTargetsSchema,
  attestations: z.array(AttestationStatusSchema),
  exceptions: z.array(ExceptionStatusSchema),
  summary: planSummarySchema(count.max(0)),
  observedHash: z.string().regex(/^[0-9a-f]{64}$/),
});

const AuditExplanationSchema = z.strictObject({
  actorName: z.string(),
  actorEmail: z.string(),
  actorId: z.string(),
  at: z.string(),
  trackingId: z.string(),
  category: z.string(),
  description: z.string(),
});

const WriteOnlyAuditSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('changed'), event: AuditExplanationSchema }),
  z.strictObject({ state: z.literal('not-covered'), reachDays: z.number().int().positive() }),
  z.strictObject({ state: z.literal('unchanged') }),
]);

const ObservedHostSettingSchema = z.strictObject({
  site: z.strictObject({ sessionTypes: z.array(SessionTypeSchema.strict()).optional() }),
  hosts: z.array(z.strictObject({ email: z.string(), personId: z.string(), values: FieldValuesSchema })),
  converged: z.strictObject({ count, digest: z.string() }).optional(),
  notHosts: z.array(z.string()),
});

export const ObservedOrgSchema = z.strictObject({
  name: z.string(),
  orgId: z.string(),
  sites: z.record(z.string(), z.record(z.string(), FieldValuesSchema)),
  hosts: z.record(z.string(), z.record(z.string(), ObservedHostSettingSchema)).optional(),
  inactive: z.array(z.strictObject({ email: z.string(), personId: z.string(), lastActivity: z.string().nullable(), unsendablePhoneTypes: z.array(z.string()) })).optional(),
  org: z
    .strictObject({
      enforced: z.record(z.string(), EnforcementRecordSchema.nullable()).optional(),
      writeOnlyAudit: z.record(z.string(), WriteOnlyAuditSchema).optional(),
      admins: z.array(z.strictObject({ email: z.string(), personId: z.string(), roles: z.array(z.string()), unsendablePhoneTypes: z.array(z.string()) })).optional(),
      mfaUsers: z.strictObject({ exposed: z.boolean(), withoutMfa: z.array(z.string()) }).optional(),
    })
    .optional(),
  actor: z.strictObject({ id: z.string(), email: z.string() }).optional(),
  unknown: NoUnknownTargetsSchema.optional(),
});

/** The `--org`, `--site` and `--shard` a plan was made with: apply narrows the checked-out declaration the same way. */
const SelectionSchema = z.strictObject({
  org: z.string().optional(),
  site: z.string().optional(),
  shard: z.strictObject({ index: z.number().int().positive(), count: z.number().int().positive() }).optional(),
});

export const SavedPlanSchema = z.strictObject({
  kind: z.literal(SAVED_PLAN_KIND),
  formatVersion: z.literal(SAVED_PLAN_FORMAT_VERSION),
  toolVersion: z.string(),
  /** When the plan was made: the `now` inactivity and attestation expiry were judged at, so re-deriving it gives the same plan. */
  createdAt: z.iso.datetime(),
  selection: SelectionSchema,
  /** `plan --reenforce`. */
  reenforce: z.boolean(),
  /** What the origin of each change was judged against (absent: none); re-deriving the plan judges it again. */
  baseline: PlanBaselineSchema.optional(),
  declared: z.array(OrgSchema),
  observed: z.array(ObservedOrgSchema),
  plan: PlanSchema,
});

export type SavedPlan = z.infer<typeof SavedPlanSchema>;

/**
 * Compile-time guard: the schema names exactly the fields of the plan types. A field added to a plan
 * type without adding it here (or the reverse) fails `tsc`, so a saved plan can never silently drop it.
 */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
const sameFields: [
  SameKeys<Plan, z.infer<typeof PlanSchema>>,
  SameKeys<Change, z.infer<typeof ChangeSchema>>,
  SameKeys<Finding, z.infer<typeof FindingSchema>>,
  SameKeys<AttestationStatus, z.infer<typeof AttestationStatusSchema>>,
  SameKeys<ExceptionStatus, z.infer<typeof ExceptionStatusSchema>>,
  SameKeys<Plan['summary'], z.infer<typeof PlanSchema>['summary']>,
  SameKeys<ObservedOrg, z.infer<typeof ObservedOrgSchema>>,
] = [true, true, true, true, true, true, true];
void sameFields;
