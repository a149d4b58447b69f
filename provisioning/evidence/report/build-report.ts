import { join } from 'node:path';
import { orgFolders } from '../evidence-paths';
import { EvidenceLog, StoredRecord } from '../evidence-log';
import { ControlObservation, EvidenceActor, EvidenceChange, EvidenceRecord } from '../record';
import { OrgChainStatus, verifyLog } from '../verify-log';
import {
  AttestationReport,
  AuditSummary,
  ChangeReport,
  ControlReport,
  EvidenceReport,
  ExceptionReport,
  OrgReport,
  REPORT_FORMAT_VERSION,
  ReportEvent,
  RETENTION_STATEMENT,
  ValidityStatus,
} from './report-model';
import { compareCodePoints } from '../../../manifest';

export interface ReportOptions {
  readonly dir: string;
  readonly toolVersion: string;
  /** Only this org (display name). */
  readonly org?: string;
  /** Changes, decisions and events from this time on (controls consider all history up to `to`). */
  readonly from?: Date;
  /** Up to this time; default now. */
  readonly to?: Date;
  readonly now?: Date;
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

/** Reads and verifies the log, and builds the report of each org (or of `--org`). */
export function buildReport(options: ReportOptions): EvidenceReport {
  const now = options.now ?? new Date();
  const to = options.to ?? now;
  const verified = verifyLog(options.dir);
  const log = new EvidenceLog({ dir: options.dir, toolVersion: options.toolVersion });
  const all = log.readAll();
  const orgs: OrgReport[] = [];
  for (const folder of orgFolders(options.dir)) {
    const stored = all.get(folder) ?? [];
    const name = stored[0]?.record.org;
    if (!name || (options.org !== undefined && name !== options.org)) continue;
    const chain = verified.orgs.find((o) => o.folder === folder)!;
    orgs.push(orgReport(name, folder, stored, chain, options.from, to));
  }
  if (options.org !== undefined && orgs.length === 0) {
    const known = [...all.values()].map((s) => s[0]?.record.org).filter(Boolean).map((n) => JSON.stringify(n));
    throw new Error(`--org ${JSON.stringify(options.org)} has no evidence in ${options.dir}; orgs with evidence: ${known.join(', ') || 'none'}`);
  }
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    generatedAt: now.toISOString(),
    toolVersion: options.toolVersion,
    dir: options.dir,
    period: { ...(options.from ? { from: options.from.toISOString() } : {}), to: to.toISOString() },
    retention: RETENTION_STATEMENT,
    chainIntact: verified.intact && orgs.every((o) => o.chain.intact),
    orgs,
  };
}

function orgReport(org: string, folder: string, stored: StoredRecord[], chain: OrgChainStatus, from: Date | undefined, to: Date): OrgReport {
  const upTo = stored.map((s) => s.record).filter((r) => Date.parse(r.time) <= to.getTime());
  const inPeriod = upTo.filter((r) => from === undefined || Date.parse(r.time) >= from.getTime());
  const recordsInPeriod: Record<string, number> = {};
  for (const r of inPeriod) recordsInPeriod[r.kind] = (recordsInPeriod[r.kind] ?? 0) + 1;
  const attested = attestations(inPeriod, to);
  const latestPlan = [...upTo].reverse().find((r) => r.kind === 'plan' || r.kind === 'drift');
  return {
    org,
    folder,
    chain: {
      intact: chain.error === undefined,
      records: chain.records,
      files: chain.files.length,
      ...(chain.firstTime ? { firstTime: chain.firstTime } : {}),
      ...(chain.lastTime ? { lastTime: chain.lastTime } : {}),
      ...(chain.error ? { error: { ...chain.error, file: relativeTo(chain, folder) } } : {}),
      warnings: chain.warnings,
    },
    recordsInPeriod,
    controls: controls(upTo),
    changes: changes(inPeriod),
    attestations: attested,
    attestationsMissing: asStrings(latestPlan?.details?.attestationsMissing),
    exceptions: exceptions(inPeriod, to),
    audit: audit(inPeriod),
    otherRecords: inPeriod.filter((r) => !KINDS_WITH_SECTIONS.has(r.kind)).map((r) => ({ ...event(r), command: r.command, ...(r.details ? { details: r.details } : {}) })),
  };
}

/** The chain error's file, shown relative to the evidence folder so a report reads the same anywhere. */
function relativeTo(chain: OrgChainStatus, folder: string): string {
  const file = chain.error!.file;
  const at = file.lastIndexOf(`${folder}/`);
  return at >= 0 ? file.slice(at) : join(folder, file);
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

/** Each control's newest observation, and the newest that verified it compliant, from apply, drift and assess records. */
function controls(records: EvidenceRecord[]): ControlReport[] {
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
      byKey.set(key, {
        control: c.control,
        target: c.target,
        ...(c.path ?? previous?.path ? { path: c.path ?? previous?.path } : {}),
        status: c.status,
        ...(c.note ? { note: c.note } : {}),
        lastObserved: at,
        ...(c.status === 'compliant' ? { lastVerifiedCompliant: at } : previous?.lastVerifiedCompliant ? { lastVerifiedCompliant: previous.lastVerifiedCompliant } : {}),
      });
    }
  }
  return [...byKey.values()].sort((a, b) => compareCodePoints(a.target, b.target) || compareCodePoints(a.control, b.control));
}

function changes(records: EvidenceRecord[]): ChangeReport[] {
  return records
    .filter((r) => r.kind === 'apply')
    .flatMap((r) =>
      ((r.changes ?? []) as EvidenceChange[]).map((c) => ({
        ...event(r),
        command: r.command,
        control: c.control,
        target: c.target,
        ...(c.path ? { path: c.path } : {}),
        before: c.before,
        after: c.after,
        ...(c.trackingId ? { trackingId: c.trackingId } : {}),
        ...(c.verified === undefined ? {} : { verified: c.verified }),
      })),
    );
}

function validity(expires: string | undefined, at: Date): ValidityStatus {
  if (!expires) return 'no-expiry';
  const end = Date.parse(expires.length === 10 ? `${expires}T23:59:59.999Z` : expires);
  if (Number.isNaN(end)) return 'no-expiry';
  if (end < at.getTime()) return 'expired';
  return end - at.getTime() <= EXPIRING_MS ? 'expiring' : 'valid';
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
      return {
        ...event(r),
        control: text(d.control) ?? 'unnamed',
        ...optional({ attestedBy: text(d.attestedBy) ?? text(d.owner), attestedOn: text(d.attestedOn), reference: text(d.reference), expires }),
        status: validity(expires, at),
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

function audit(records: EvidenceRecord[]): OrgReport['audit'] {
  const summary = (source: string): AuditSummary => {
    const events = records
      .filter((r) => r.kind === 'audit-event' && r.details?.source === source)
      .map((r) => (r.details?.event ?? {}) as { created?: string; data?: Record<string, unknown> })
      .sort((a, b) => compareCodePoints(String(a.created ?? ''), String(b.created ?? '')));
    const byCategory: Record<string, number> = {};
    for (const e of events) {
      const category = text(e.data?.eventCategory) ?? 'uncategorized';
      byCategory[category] = (byCategory[category] ?? 0) + 1;
    }
    return {
      total: events.length,
      byCategory,
      ...(events[0]?.created ? { first: events[0].created } : {}),
      ...(events[events.length - 1]?.created ? { last: events[events.length - 1]!.created } : {}),
      events: events.map((e) => optional({ created: e.created, actor: text(e.data?.actorEmail) ?? text(e.data?.actorName), category: text(e.data?.eventCategory), action: text(e.data?.actionText), trackingId: text(e.data?.trackingId) })),
    };
  };
  const collections = records.filter((r) => r.kind === 'audit-collection');
  const last = collections[collections.length - 1];
  return { ...(last ? { lastCollected: last.time } : {}), adminAudit: summary('admin-audit'), securityAudit: summary('security-audit') };
}
