import { z } from 'zod';

/**
 * The evidence report as data: built from the log by build-report.ts, rendered by the HTML and markdown
 * renderers; its JSON form is this object as is, described by the JSON Schema generated from these zod
 * schemas (evidence-report.schema.json, committed). Versioned so an auditor's tooling can rely on it.
 */
export const REPORT_FORMAT_VERSION = 2;

export const RETENTION_STATEMENT =
  'This evidence log is documentation required by 45 CFR 164.316(b): keep it, with its hash chain intact, for six years from the date of its creation or the date when it last was in effect, whichever is later (164.316(b)(2)(i)).';

const ControlStatusSchema = z.enum(['compliant', 'non-compliant', 'error', 'not-verified']);
export type ControlStatus = z.infer<typeof ControlStatusSchema>;

/** `not-evidence`: the reference is a placeholder (DEMO, TODO, example): it proves nothing, whatever its expiry. */
const ValidityStatusSchema = z.enum(['valid', 'expiring', 'expired', 'no-expiry', 'not-evidence']);
export type ValidityStatus = z.infer<typeof ValidityStatusSchema>;

const RuleStatusSchema = z.enum(['pass', 'fail', 'excepted', 'not-verifiable', 'not-applicable', 'error']);
export type RuleStatus = z.infer<typeof RuleStatusSchema>;

const ReportEventSchema = z.object({
  time: z.string(),
  kind: z.string(),
  /** The evidence record's id. */
  record: z.string(),
  /** Who, as a readable label (person email, CI user and system, or local user). */
  actor: z.string(),
});
export type ReportEvent = z.infer<typeof ReportEventSchema>;

const LinkSchema = z.object({ label: z.string(), url: z.string() });
export type ReportLink = z.infer<typeof LinkSchema>;

const CitationSchema = z.object({ section: z.string(), edition: z.enum(['in-force', 'proposed']), title: z.string(), designation: z.string() });

/** A policy rule as the newest `assess` up to the end of the period judged it. */
const RuleReportSchema = z.object({
  ruleId: z.string(),
  title: z.string(),
  level: z.string(),
  citations: z.array(CitationSchema),
  status: RuleStatusSchema,
  /** Non-passing findings of that assess. */
  findings: z.number().int(),
  lastAssessed: ReportEventSchema,
  /** The newest assess in which the rule passed (or was excepted). */
  lastPassed: ReportEventSchema.optional(),
  /** Construct paths the rule judged, which tie it to the settings below. */
  paths: z.array(z.string()),
});
export type RuleReport = z.infer<typeof RuleReportSchema>;

/** A managed setting as the newest apply or drift saw it. */
const ControlReportSchema = z.object({
  control: z.string(),
  target: z.string(),
  path: z.string().optional(),
  /** Rule ids whose assess judged this setting's declaration (by construct path). */
  ruleIds: z.array(z.string()),
  status: ControlStatusSchema,
  note: z.string().optional(),
  lastObserved: ReportEventSchema,
  /** The newest record that verified it compliant against the live org (a read, or a write read back). */
  lastVerifiedCompliant: ReportEventSchema.optional(),
});
export type ControlReport = z.infer<typeof ControlReportSchema>;

const FieldChangeSchema = z.object({ field: z.string(), before: z.string(), after: z.string(), count: z.number().int() });

/** All writes of one control on one target in the period: a site's meeting security is one group, per-host writes one group per site. */
const ChangeGroupSchema = z.object({
  control: z.string(),
  target: z.string(),
  /** Hosts written, for per-host controls. */
  hosts: z.number().int().optional(),
  writes: z.number().int(),
  verified: z.number().int(),
  first: z.string(),
  last: z.string(),
  /** Each distinct field change with how many writes made it. */
  fields: z.array(FieldChangeSchema),
  actors: z.array(z.string()),
  /** The reviewed pull/merge requests, CI runs and commits the applies came from. */
  approvals: z.array(LinkSchema),
  records: z.array(z.string()),
  /** The writes' Webex trackingIds: the same ids appear in the admin audit events webex-iac caused. */
  trackingIds: z.array(z.string()),
});
export type ChangeGroup = z.infer<typeof ChangeGroupSchema>;

const AttestationReportSchema = ReportEventSchema.extend({
  control: z.string(),
  attestedBy: z.string().optional(),
  attestedOn: z.string().optional(),
  reference: z.string().optional(),
  expires: z.string().optional(),
  status: ValidityStatusSchema,
});
export type AttestationReport = z.infer<typeof AttestationReportSchema>;

const ExceptionReportSchema = ReportEventSchema.extend({
  ruleId: z.string().optional(),
  reason: z.string().optional(),
  owner: z.string().optional(),
  expires: z.string().optional(),
  decision: z.string().optional(),
  status: ValidityStatusSchema,
});
export type ExceptionReport = z.infer<typeof ExceptionReportSchema>;

const AuditEventLineSchema = z.object({
  created: z.string().optional(),
  actor: z.string().optional(),
  category: z.string().optional(),
  action: z.string().optional(),
  trackingId: z.string().optional(),
  /** True when the trackingId is one of webex-iac's own writes; false: a change made outside webex-iac. */
  byWebexIac: z.boolean(),
});
export type AuditEventLine = z.infer<typeof AuditEventLineSchema>;

const AuditSummarySchema = z.object({
  total: z.number().int(),
  byCategory: z.record(z.string(), z.number().int()),
  first: z.string().optional(),
  last: z.string().optional(),
  /** Admin audit: the events not made by webex-iac (who changed what outside it), oldest first. */
  events: z.array(AuditEventLineSchema),
});
export type AuditSummary = z.infer<typeof AuditSummarySchema>;

/**
 * One site's recordings removed before six years, as the newest assess read them from the admin
 * recordings list (deleted: in the recycle bin; purged: gone). No topic and no link: they may name a
 * patient or open the recording.
 */
const RecordingsEvidenceSchema = z.object({
  siteUrl: z.string(),
  assessed: ReportEventSchema,
  /** Recordings created from `since` until `until` were read, in `windows` windows of at most 30 days per status. */
  since: z.string().optional(),
  until: z.string().optional(),
  windows: z.number().int().optional(),
  removed: z.array(z.object({ id: z.string(), status: z.string(), createTime: z.string(), hostEmail: z.string().optional() })),
  /** Why the list could not be read: then nothing above is evidence. */
  error: z.string().optional(),
});
export type RecordingsEvidence = z.infer<typeof RecordingsEvidenceSchema>;

const ProblemSchema = z.object({ file: z.string(), line: z.number().int().optional(), message: z.string() });

/** One log file: its records and the sha256 of its last line, and the newest signed checkpoint covering it. */
const FileHeadSchema = z.object({
  file: z.string(),
  records: z.number().int(),
  headSha256: z.string(),
  checkpoint: z.object({ line: z.number().int(), sha256: z.string(), signedAt: z.string(), keyId: z.string(), verified: z.boolean().optional() }).optional(),
});
export type FileHead = z.infer<typeof FileHeadSchema>;

const OrgReportSchema = z.object({
  org: z.string(),
  orgId: z.string().optional(),
  coveredEntity: z.string(),
  folder: z.string(),
  sites: z.array(z.string()),
  /** The policy profile of the newest assess. */
  profile: z.string().optional(),
  chain: z.object({
    intact: z.boolean(),
    records: z.number().int(),
    files: z.array(FileHeadSchema),
    firstTime: z.string().optional(),
    lastTime: z.string().optional(),
    error: ProblemSchema.optional(),
    warnings: z.array(ProblemSchema),
  }),
  recordsInPeriod: z.record(z.string(), z.number().int()),
  rules: z.array(RuleReportSchema),
  controls: z.array(ControlReportSchema),
  changes: z.array(ChangeGroupSchema),
  attestations: z.array(AttestationReportSchema),
  attestationsMissing: z.array(z.string()),
  exceptions: z.array(ExceptionReportSchema),
  audit: z.object({ lastCollected: z.string().optional(), adminAudit: AuditSummarySchema, securityAudit: AuditSummarySchema }),
  /** Recordings removed before six years, per site, from the newest assess (none: never assessed). */
  recordings: z.array(RecordingsEvidenceSchema),
  /** Records of kinds this report has no section for yet, so nothing in the log goes unseen. */
  otherRecords: z.array(ReportEventSchema.extend({ command: z.string(), details: z.record(z.string(), z.unknown()).optional() })),
});
export type OrgReport = z.infer<typeof OrgReportSchema>;

const ProducerSchema = z.object({
  /** Who ran `evidence report`. */
  actor: z.string(),
  toolVersion: z.string(),
  revision: z.string().optional(),
  links: z.array(LinkSchema),
});
export type ReportProducer = z.infer<typeof ProducerSchema>;

export const EvidenceReportSchema = z.object({
  formatVersion: z.literal(REPORT_FORMAT_VERSION),
  generatedAt: z.string(),
  producer: ProducerSchema,
  dir: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  retention: z.string(),
  chainIntact: z.boolean(),
  /** Signed checkpoints: whether a public key was given and every checkpoint verified against it. */
  signatures: z.object({ checked: z.boolean(), intact: z.boolean(), keyId: z.string().optional(), problems: z.array(ProblemSchema) }),
  orgs: z.array(OrgReportSchema),
});
export type EvidenceReport = z.infer<typeof EvidenceReportSchema>;

/** The published JSON Schema of `evidence report --format json`. */
export function evidenceReportJsonSchema(): unknown {
  return { title: 'webex-iac evidence report', ...z.toJSONSchema(EvidenceReportSchema) };
}
