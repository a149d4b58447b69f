import { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { compareCodePoints } from '../../../manifest';
import { citation, citationsOf, findRule, HIPAA_PACK, isProfileId, levelOf } from '../../../policies';
import { Checkpoint, newestCheckpoints, verifyCheckpoints } from '../checkpoints';
import { orgFolders } from '../evidence-paths';
import { EvidenceLog, StoredRecord } from '../evidence-log';
import { sha256Hex } from '../hash-chain';
import { readMonthFile } from '../month-file';
import { ControlObservation, EvidenceActor, EvidenceChange, EvidenceRecord } from '../record';
import { LogProblem, OrgChainStatus, verifyLog } from '../verify-log';
import { groupChanges } from './change-groups';
import { linksOf } from './report-links';
import {
  AttestationReport,
  AuditSummary,
  ControlReport,
  EvidenceReport,
  ExceptionReport,
  FileHead,
  OrgReport,
  RecordingsEvidence,
  REPORT_FORMAT_VERSION,
  ReportEvent,
  RETENTION_STATEMENT,
  RuleReport,
  RuleStatus,
  ValidityStatus,
} from './report-model';

export interface ReportOptions {
  readonly dir: string;
  readonly toolVersion: string;
  /** Only this org (display name). */
  readonly org?: string;
  /** Changes, decisions and events from this time on; default twelve months before `to`. */
  readonly from?: Date;
  /** Up to this time; default now. Controls and rules are as of this time (all history up to it). */
  readonly to?: Date;
  readonly now?: Date;
  /** Who runs the report (CI job or local user), as the log records actors. */
  readonly producer?: EvidenceActor;
  /** The HIPAA covered entity the orgs belong to; default each org's name. */
  readonly coveredEntity?: string;
  /** Public keys to verify signed checkpoints with; without them checkpoints are shown, unverified. */
  readonly publicKeys?: readonly KeyObject[];
}

/** Kinds with a section of their own; any other kind is listed under "Other records". */
const KINDS_WITH_SECTIONS = new Set(['plan', 'drift', 'assess', 'apply', 'attestation', 'exception', 'audit-event', 'audit-collection']);
/**
 * The kinds whose control observations decide a control's status: what was written and read back, and
 * what was read from the live org against the declaration being enforced. A plan is what a reviewer
 * saw of a proposed declaration (a pull request's main.ts): recorded and counted, never a status.
 */
export const STATUS_KINDS: ReadonlySet<string> = new Set(['apply', 'drift', 'assess']);
/** An attestation or exception this close to its expiry is flagged. */
const EXPIRING_MS = 30 * 24 * 60 * 60 * 1000;
/** A reference that names no real document: demo seeds, templates, to-dos. */
const PLACEHOLDER_REFERENCE = /\b(demo|placeholder|example|sample|todo|tbd|fixme|changeme|dummy|test[-_ ]?only)\b|xxx/i;

/** The default period: the twelve months before `to`. */
export function defaultFrom(to: Date): Date {
  const from = new Date(to.getTime());
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  return from;
}

/** Reads and verifies the log, and builds the report of each org (or of `--org`). */
export function buildReport(options: ReportOptions): EvidenceReport {
  const now = options.now ?? new Date();
  const to = options.to ?? now;
  const from = options.from ?? defaultFrom(to);
  const verified = verifyLog(options.dir);
  const signatures = options.publicKeys && options.publicKeys.length > 0 ? verifyCheckpoints(options.dir, options.publicKeys) : undefined;
  const checkpoints = signatures?.newest ?? newestCheckpoints(options.dir);
  const log = new EvidenceLog({ dir: options.dir, toolVersion: options.toolVersion });
  const all = log.readAll();
  const orgs: OrgReport[] = [];
  for (const folder of orgFolders(options.dir)) {
    const stored = all.get(folder) ?? [];
    const name = stored[0]?.record.org;
    if (!name || (options.org !== undefined && name !== options.org)) continue;
    const chain = verified.orgs.find((o) => o.folder === folder)!;
    const heads = fileHeads(options.dir, folder, chain, checkpoints, signatures !== undefined, signatures?.problems ?? []);
    orgs.push(orgReport({ org: name, folder, stored, chain, heads, from, to, coveredEntity: options.coveredEntity }));
  }
  if (options.org !== undefined && orgs.length === 0) {
    const known = [...all.values()].map((s) => s[0]?.record.org).filter(Boolean).map((n) => JSON.stringify(n));
    throw new Error(`--org ${JSON.stringify(options.org)} has no evidence in ${options.dir}; orgs with evidence: ${known.join(', ') || 'none'}`);
  }
  const producer = options.producer ?? {};
  const keyIds = [...new Set([...checkpoints.values()].map((c) => c.keyId))];
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    generatedAt: now.toISOString(),
    producer: { actor: actorLabel(producer), toolVersion: options.toolVersion, ...(producer.ci?.revision ? { revision: producer.ci.revision } : {}), links: linksOf(producer) },
    dir: options.dir,
    period: { from: from.toISOString(), to: to.toISOString() },
    retention: RETENTION_STATEMENT,
    chainIntact: verified.intact && orgs.every((o) => o.chain.intact),
    signatures: {
      checked: signatures !== undefined,
      intact: signatures !== undefined && signatures.problems.length === 0,
      ...(keyIds.length > 0 ? { keyId: keyIds.join(', ') } : {}),
      problems: signatures?.problems ?? [],
    },
    orgs,
  };
}

function fileHeads(dir: string, folder: string, chain: OrgChainStatus, checkpoints: Map<string, Checkpoint>, checked: boolean, problems: readonly LogProblem[]): FileHead[] {
  return chain.files.map((path) => {
    const relative = `${folder}/${path.slice(path.lastIndexOf('/') + 1)}`;
    const { lines } = readMonthFile(join(dir, relative));
    const c = checkpoints.get(relative);
    const failed = problems.some((p) => p.file === relative || p.file.endsWith(relative.replace(/\.jsonl$/, '.json')));
    return {
      file: relative,
      records: lines.length,
      headSha256: lines.length > 0 ? sha256Hex(lines[lines.length - 1]!) : '',
      ...(c ? { checkpoint: { line: c.line, sha256: c.sha256, signedAt: c.signedAt, keyId: c.keyId, ...(checked ? { verified: !failed } : {}) } } : {}),
    };
  });
}

interface OrgInput {
  readonly org: string;
  readonly folder: string;
  readonly stored: StoredRecord[];
  readonly chain: OrgChainStatus;
  readonly heads: FileHead[];
  readonly from: Date;
  readonly to: Date;
  readonly coveredEntity?: string;
}

function orgReport(input: OrgInput): OrgReport {
  const { org, folder, chain, from, to } = input;
  const upTo = input.stored.map((s) => s.record).filter((r) => Date.parse(r.time) <= to.getTime());
  const inPeriod = upTo.filter((r) => Date.parse(r.time) >= from.getTime());
  const recordsInPeriod: Record<string, number> = {};
  for (const r of inPeriod) recordsInPeriod[r.kind] = (recordsInPeriod[r.kind] ?? 0) + 1;
  const latestPlan = [...upTo].reverse().find((r) => r.kind === 'plan' || r.kind === 'drift');
  const latestAssess = [...upTo].reverse().find((r) => r.kind === 'assess');
  const orgId = [...upTo].reverse().find((r) => r.orgId)?.orgId;
  const rules = ruleReports(upTo);
  const applied = new Set(upTo.flatMap((r) => (r.kind === 'apply' ? ((r.changes ?? []) as EvidenceChange[]).map((c) => c.trackingId).filter((t): t is string => !!t) : [])));
  return {
    org,
    ...(orgId ? { orgId } : {}),
    coveredEntity: input.coveredEntity ?? org,
    folder,
    sites: sitesOf(upTo),
    ...(typeof latestAssess?.details?.profile === 'string' ? { profile: latestAssess.details.profile } : {}),
    chain: {
      intact: chain.error === undefined,
      records: chain.records,
      files: input.heads,
      ...(chain.firstTime ? { firstTime: chain.firstTime } : {}),
      ...(chain.lastTime ? { lastTime: chain.lastTime } : {}),
      ...(chain.error ? { error: { ...chain.error, file: relativeTo(chain.error.file, folder) } } : {}),
      warnings: chain.warnings.map((w) => ({ ...w, file: relativeTo(w.file, folder) })),
    },
    recordsInPeriod,
    rules,
    controls: controls(upTo, rules),
    changes: groupChanges(inPeriod.filter((r) => r.kind === 'apply').map((r) => ({ record: r, event: event(r) }))),
    attestations: attestations(inPeriod, to),
    attestationsMissing: asStrings(latestPlan?.details?.attestationsMissing),
    exceptions: exceptions(inPeriod, to),
    audit: audit(inPeriod, applied),
    recordings: latestAssess ? recordingsEvidence(latestAssess) : [],
    otherRecords: inPeriod.filter((r) => !KINDS_WITH_SECTIONS.has(r.kind)).map((r) => ({ ...event(r), command: r.command, ...(r.details ? { details: r.details } : {}) })),
  };
}

/**
 * The removed recordings an assess record holds (`details.recordings`, `details.recordingsUnread`), site by
 * site. The log is read as untrusted: anything not shaped as assess writes it is left out, never guessed.
 */
function recordingsEvidence(record: EvidenceRecord): RecordingsEvidence[] {
  const read = (record.details?.recordings ?? {}) as Record<string, unknown>;
  const unread = (record.details?.recordingsUnread ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const out: RecordingsEvidence[] = [];
  for (const siteUrl of [...new Set([...Object.keys(read), ...Object.keys(unread)])].sort(compareCodePoints)) {
    const view = read[siteUrl] as { since?: unknown; until?: unknown; windows?: unknown; removed?: unknown } | undefined;
    const removed = (Array.isArray(view?.removed) ? view.removed : []) as { id?: unknown; status?: unknown; createTime?: unknown; hostEmail?: unknown }[];
    out.push({
      siteUrl,
      assessed: event(record),
      ...(text(view?.since) ? { since: text(view?.since) } : {}),
      ...(text(view?.until) ? { until: text(view?.until) } : {}),
      ...(Number.isInteger(view?.windows) ? { windows: view!.windows as number } : {}),
      removed: removed
        .filter((r) => typeof r?.id === 'string' && typeof r.status === 'string' && typeof r.createTime === 'string')
        .map((r) => ({ id: r.id as string, status: r.status as string, createTime: r.createTime as string, ...(text(r.hostEmail) ? { hostEmail: text(r.hostEmail) } : {}) })),
      ...(text(unread[siteUrl]) ? { error: text(unread[siteUrl]) } : view === undefined ? { error: 'not read' } : {}),
    });
  }
  return out;
}

/** A file shown relative to the evidence folder, so a report reads the same anywhere. */
function relativeTo(file: string, folder: string): string {
  const at = file.lastIndexOf(`${folder}/`);
  return at >= 0 ? file.slice(at) : file;
}

function event(r: EvidenceRecord): ReportEvent {
  return { time: r.time, kind: r.kind, record: r.id, actor: actorLabel(r.actor) };
}

export function actorLabel(actor: EvidenceActor): string {
  const parts: string[] = [];
  if (actor.person) parts.push(actor.person.email);
  if (actor.ci) parts.push(`${actor.ci.user ? `${actor.ci.user} via ` : ''}${actor.ci.system}${actor.ci.runId ? ` run ${actor.ci.runId}` : ''}`);
  if (actor.local) parts.push(`${actor.local.user}@${actor.local.host}`);
  if (!actor.person && actor.personUnavailable) parts.push('token person unknown');
  return parts.join(', ') || 'unknown';
}

/** Sites the org's records name (controls and changes), sorted. */
function sitesOf(records: EvidenceRecord[]): string[] {
  const sites = new Set<string>();
  const add = (target: unknown) => {
    if (typeof target !== 'string') return;
    const match = /^site (\S+)$/.exec(target) ?? / on (\S+)$/.exec(target);
    if (match) sites.add(match[1]!);
  };
  for (const r of records) {
    for (const c of (Array.isArray(r.details?.controls) ? r.details.controls : []) as ControlObservation[]) add(c?.target);
    for (const c of (r.changes ?? []) as EvidenceChange[]) add(c.target);
  }
  return [...sites].sort(compareCodePoints);
}


interface AssessResult {
  ruleId?: unknown;
  level?: unknown;
  status?: unknown;
  findings?: unknown;
  paths?: unknown;
}

const RULE_STATUSES: readonly RuleStatus[] = ['pass', 'fail', 'excepted', 'not-verifiable', 'not-applicable', 'error'];

/** Each rule as the newest assess judged it, with its citations under that assess's profile and the newest pass. */
function ruleReports(records: EvidenceRecord[]): RuleReport[] {
  const byRule = new Map<string, RuleReport>();
  for (const r of records) {
    if (r.kind !== 'assess' || !Array.isArray(r.details?.results)) continue;
    const profile = typeof r.details.profile === 'string' && isProfileId(r.details.profile) ? r.details.profile : 'hipaa-current';
    for (const result of r.details.results as AssessResult[]) {
      if (typeof result?.ruleId !== 'string') continue;
      const rule = findRule(result.ruleId);
      const status: RuleStatus = RULE_STATUSES.includes(result.status as RuleStatus) ? (result.status as RuleStatus) : 'error';
      const at = event(r);
      const previous = byRule.get(result.ruleId);
      byRule.set(result.ruleId, {
        ruleId: result.ruleId,
        title: rule?.title ?? 'rule not in this version of the pack',
        level: typeof result.level === 'string' ? result.level : rule ? levelOf(rule, profile) : 'unknown',
        citations: rule ? citationsOf(rule, profile).map((ref) => citation(ref)) : [],
        status,
        findings: Array.isArray(result.findings) ? result.findings.length : 0,
        lastAssessed: at,
        ...(status === 'pass' || status === 'excepted' ? { lastPassed: at } : previous?.lastPassed ? { lastPassed: previous.lastPassed } : {}),
        paths: asStrings(result.paths),
      });
    }
  }
  return [...byRule.values()].sort((a, b) => rulesOrder(a.ruleId) - rulesOrder(b.ruleId) || compareCodePoints(a.ruleId, b.ruleId));
}

/** The pack's own order (by area, then number); rules the pack no longer has go last. */
function rulesOrder(ruleId: string): number {
  const index = HIPAA_PACK.findIndex((rule) => rule.id === ruleId);
  return index < 0 ? HIPAA_PACK.length : index;
}

/** Each setting's newest observation, and the newest that verified it compliant, from apply, drift and assess records. */
function controls(records: EvidenceRecord[], rules: readonly RuleReport[]): ControlReport[] {
  const byKey = new Map<string, ControlReport>();
  for (const r of records) {
    if (!STATUS_KINDS.has(r.kind)) continue;
    const observed = (r.details?.controls ?? []) as ControlObservation[];
    if (!Array.isArray(observed)) continue;
    for (const c of observed) {
      if (typeof c?.control !== 'string' || typeof c.target !== 'string') continue;
      const key = `${c.target}\u0000${c.control}`;
      const previous = byKey.get(key);
      const at = event(r);
      const path = c.path ?? previous?.path;
      byKey.set(key, {
        control: c.control,
        target: c.target,
        ...(path ? { path } : {}),
        ruleIds: path ? rules.filter((rule) => rule.paths.includes(path)).map((rule) => rule.ruleId) : [],
        status: c.status,
        ...(c.note ? { note: c.note } : {}),
        lastObserved: at,
        ...(c.status === 'compliant' ? { lastVerifiedCompliant: at } : previous?.lastVerifiedCompliant ? { lastVerifiedCompliant: previous.lastVerifiedCompliant } : {}),
      });
    }
  }
  return [...byKey.values()].sort((a, b) => compareCodePoints(a.target, b.target) || compareCodePoints(a.control, b.control));
}

function validity(expires: string | undefined, at: Date): ValidityStatus {
  if (!expires) return 'no-expiry';
  const end = Date.parse(expires.length === 10 ? `${expires}T23:59:59.999Z` : expires);
  if (Number.isNaN(end)) return 'no-expiry';
  if (end < at.getTime()) return 'expired';
  return end - at.getTime() <= EXPIRING_MS ? 'expiring' : 'valid';
}

/** Whether an attestation's reference is a placeholder rather than a document an auditor can ask for. */
export function isPlaceholderReference(reference: string | undefined): boolean {
  return reference === undefined || reference.trim() === '' || PLACEHOLDER_REFERENCE.test(reference);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function attestations(records: EvidenceRecord[], at: Date): AttestationReport[] {
  return records
    .filter((r) => r.kind === 'attestation')
    .map((r) => {
      const d = r.details ?? {};
      const expires = text(d.expires);
      const reference = text(d.reference);
      return {
        ...event(r),
        control: text(d.control) ?? 'unnamed',
        ...optional({ attestedBy: text(d.attestedBy) ?? text(d.owner), attestedOn: text(d.attestedOn), reference, expires }),
        status: isPlaceholderReference(reference) ? 'not-evidence' : validity(expires, at),
      };
    });
}

function exceptions(records: EvidenceRecord[], at: Date): ExceptionReport[] {
  return records
    .filter((r) => r.kind === 'exception')
    .map((r) => {
      const d = r.details ?? {};
      const expires = text(d.expires);
      return { ...event(r), ...optional({ ruleId: text(d.ruleId), reason: text(d.reason), owner: text(d.owner), expires, decision: text(d.decision) }), status: validity(expires, at) };
    });
}

function optional<T extends Record<string, string | undefined>>(fields: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, string>>;
}

/** Audit events in the period; the admin audit lists the events webex-iac did not cause (changes made outside it). */
function audit(records: EvidenceRecord[], ownTrackingIds: ReadonlySet<string>): OrgReport['audit'] {
  const summary = (source: string, listOutside: boolean): AuditSummary => {
    const events = records
      .filter((r) => r.kind === 'audit-event' && r.details?.source === source)
      .map((r) => (r.details?.event ?? {}) as { created?: string; data?: Record<string, unknown> })
      .sort((a, b) => compareCodePoints(String(a.created ?? ''), String(b.created ?? '')));
    const byCategory: Record<string, number> = {};
    for (const e of events) {
      const category = text(e.data?.eventCategory) ?? 'uncategorized';
      byCategory[category] = (byCategory[category] ?? 0) + 1;
    }
    const lines = events.map((e) => {
      const trackingId = text(e.data?.trackingId);
      return { ...optional({ created: text(e.created), actor: text(e.data?.actorEmail) ?? text(e.data?.actorName), category: text(e.data?.eventCategory), action: text(e.data?.actionText), trackingId }), byWebexIac: trackingId !== undefined && ownTrackingIds.has(trackingId) };
    });
    return {
      total: events.length,
      byCategory,
      ...(text(events[0]?.created) ? { first: events[0]!.created } : {}),
      ...(text(events[events.length - 1]?.created) ? { last: events[events.length - 1]!.created } : {}),
      events: listOutside ? lines.filter((l) => !l.byWebexIac) : [],
    };
  };
  const collections = records.filter((r) => r.kind === 'audit-collection');
  const last = collections[collections.length - 1];
  return { ...(last ? { lastCollected: last.time } : {}), adminAudit: summary('admin-audit', true), securityAudit: summary('security-audit', false) };
}
