import { z } from 'zod';
import { canonicalJson } from '../manifest';
import type { ChangeGroup } from './change-groups';
import { PLAN_FORMAT_VERSION } from './plan';
import { ChangeSchema, FieldValuesSchema, ImpactSchema, PlanSchema, planSummarySchema, UnknownTargetSchema } from './saved-plan-schema';

/** Where `npm run schema` writes the JSON Schema of `plan --format json`, relative to the repository root (shipped in the package). */
export const PLAN_JSON_SCHEMA_FILE = 'provisioning/webex-plan.schema.json';

/** The schema's `$id`, and the `$schema` every JSON plan names: versioned with the plan's formatVersion. */
export const PLAN_JSON_SCHEMA_ID = `urn:webex-iac:plan:v${PLAN_FORMAT_VERSION}`;

/** One group of the same change on many targets, as `plan --format json` prints it: its targets are `changes`, positions in `changes`. */
export const PlanJsonGroupSchema = z.strictObject({
  org: z.string(),
  scope: z.enum(['org', 'site', 'hosts', 'people']),
  siteUrl: z.string().optional(),
  setting: z.string(),
  action: ChangeSchema.shape.action,
  impact: ImpactSchema,
  writeOnly: z.literal(true).optional(),
  path: z.string(),
  before: FieldValuesSchema,
  after: FieldValuesSchema,
  fieldImpacts: z.record(z.string(), ImpactSchema),
  valueRules: ChangeSchema.shape.valueRules,
  unchangedFields: z.number(),
  notes: z.array(z.string()),
  origin: ChangeSchema.shape.origin,
  fieldOrigins: ChangeSchema.shape.fieldOrigins,
  liveImpact: ImpactSchema,
  changes: z.array(z.number().int().nonnegative()),
  targetCount: z.number().int().positive(),
});

/**
 * `plan --format json` (and `drift`, `show`): the plan, with the targets that could not be read (a saved
 * plan has none), the groups, and `$schema` naming this schema. The source of truth of the published
 * JSON Schema (PLAN_JSON_SCHEMA_FILE), which a test keeps in step and checks real plans against.
 */
/** Who made a drift, from the admin audit log (provisioning/audit/attribution.ts). */
const AttributionSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('audit-event'),
    since: z.string(),
    byToken: z.boolean(),
    event: z.strictObject({ actorName: z.string(), actorEmail: z.string(), actorId: z.string(), at: z.string(), trackingId: z.string(), category: z.string(), description: z.string() }),
  }),
  z.strictObject({ status: z.literal('no-audit-event'), since: z.string() }),
  z.strictObject({ status: z.literal('unknown'), since: z.string(), reason: z.string() }),
]);

const SINCE_STATUS = z.enum(['new', 'still', 'resolved', 'regressed']);

/** `drift`, per org: each drift or finding compared with the last run of the same scope (provisioning/evidence/since-last-run.ts). */
const SinceLastRunSchema = z.record(
  z.string(),
  z.strictObject({
    previousRun: z.strictObject({ id: z.string(), time: z.string() }).nullable(),
    summary: z.strictObject({ new: z.number().int().nonnegative(), still: z.number().int().nonnegative(), resolved: z.number().int().nonnegative(), regressed: z.number().int().nonnegative() }),
    items: z.array(
      z.strictObject({
        kind: z.enum(['drift', 'finding']),
        control: z.string(),
        target: z.string(),
        detail: z.string(),
        path: z.string().optional(),
        impact: z.string().optional(),
        status: SINCE_STATUS,
        since: z.string(),
        unread: z.literal(true).optional(),
      }),
    ),
  }),
);

export const PlanJsonSchema = PlanSchema.extend({
  $schema: z.literal(PLAN_JSON_SCHEMA_ID),
  /** `attribution` (who made a drift, from the admin audit log) is shown in plan and drift output, never saved. */
  changes: z.array(ChangeSchema.extend({ attribution: AttributionSchema.optional() })),
  unknown: z.array(UnknownTargetSchema),
  summary: planSummarySchema(z.number().int().nonnegative()),
  groups: z.array(PlanJsonGroupSchema),
  /** `drift` only: what is new, still there, resolved or regressed since the last drift run (provisioning/evidence). */
  sinceLastRun: SinceLastRunSchema.optional(),
});

/** The JSON Schema (draft 2020-12) of a JSON plan, generated from PlanJsonSchema. */
export function planJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(PlanJsonSchema, { target: 'draft-2020-12', io: 'output' });
  return {
    ...generated,
    $id: PLAN_JSON_SCHEMA_ID,
    title: 'webex-iac plan',
    description:
      `What \`webex-iac plan --format json\` (and \`drift\`, \`show\`) prints, formatVersion ${PLAN_FORMAT_VERSION}: every change per target, ` +
      'its security impact and origin (from this declaration, drift, unknown), findings, targets that could not be read, attestations, ' +
      'policy exceptions, groups of the same change on many targets, and the counts. Strict (no field it does not name): it describes exactly ' +
      'the output of the webex-iac release it ships with; a later release of the same formatVersion may add fields and ships its own. ' +
      'Generated from provisioning/plan-json-schema.ts by `npm run schema`: do not edit.',
  };
}

/** The committed file's exact text: canonical JSON (sorted keys, two-space indent, trailing newline). */
export function renderPlanJsonSchema(): string {
  return canonicalJson(planJsonSchema());
}

/** Compile-time guard: a group's JSON has exactly the fields of ChangeGroup, without `targets`, with `targetCount`. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
const sameFields: SameKeys<Omit<ChangeGroup, 'targets'> & { targetCount: number }, z.infer<typeof PlanJsonGroupSchema>> = true;
void sameFields;
