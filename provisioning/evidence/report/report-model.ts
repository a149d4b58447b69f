import { LogProblem } from '../verify-log';

/**
 * The evidence report as data: built from the log by build-report.ts, formatted by the renderers (JSON is
 * this object as is). Versioned so an auditor's tooling can rely on it.
 */
export const REPORT_FORMAT_VERSION = 1;

export const RETENTION_STATEMENT =
  'This evidence log is documentation required by 45 CFR 164.316(b): keep it, with its hash chain intact, for six years from the date of its creation or the date when it last was in effect, whichever is later (164.316(b)(2)(i)).';

export type ControlStatus = 'compliant' | 'non-compliant' | 'error' | 'not-verified';

export interface ReportEvent {
  readonly time: string;
  readonly kind: string;
  readonly record: string;
  /** Who, as a readable label (person email, CI user and system, or local user). */
  readonly actor: string;
}

export interface ControlReport {
  readonly control: string;
  readonly target: string;
  readonly path?: string;
  /** The state in the newest record that observed it. */
  readonly status: ControlStatus;
  readonly note?: string;
  readonly lastObserved: ReportEvent;
  /** The newest record that verified it compliant against the live org (a read, or a write read back). */
  readonly lastVerifiedCompliant?: ReportEvent;
}

export interface ChangeReport extends ReportEvent {
  readonly command: string;
  readonly control: string;
  readonly target: string;
  readonly path?: string;
  readonly before: Record<string, unknown>;
  readonly after: Record<string, unknown>;
  readonly trackingId?: string;
  readonly verified?: boolean;
}

export type ValidityStatus = 'valid' | 'expiring' | 'expired' | 'no-expiry';

export interface AttestationReport extends ReportEvent {
  readonly control: string;
  readonly attestedBy?: string;
  readonly attestedOn?: string;
  readonly reference?: string;
  readonly expires?: string;
  readonly status: ValidityStatus;
}

export interface ExceptionReport extends ReportEvent {
  readonly ruleId?: string;
  readonly reason?: string;
  readonly owner?: string;
  readonly expires?: string;
  readonly decision?: string;
  readonly status: ValidityStatus;
}

export interface AuditEventLine {
  readonly created?: string;
  readonly actor?: string;
  readonly category?: string;
  readonly action?: string;
  readonly trackingId?: string;
}

export interface AuditSummary {
  readonly total: number;
  readonly byCategory: Record<string, number>;
  readonly first?: string;
  readonly last?: string;
  /** Each event, oldest first (admin audit: who changed what, also outside this tool). */
  readonly events: AuditEventLine[];
}

export interface OrgReport {
  readonly org: string;
  readonly folder: string;
  readonly chain: {
    readonly intact: boolean;
    readonly records: number;
    readonly files: number;
    readonly firstTime?: string;
    readonly lastTime?: string;
    readonly error?: LogProblem;
    readonly warnings: LogProblem[];
  };
  readonly recordsInPeriod: Record<string, number>;
  readonly controls: ControlReport[];
  readonly changes: ChangeReport[];
  readonly attestations: AttestationReport[];
  readonly attestationsMissing: string[];
  readonly exceptions: ExceptionReport[];
  readonly audit: {
    readonly lastCollected?: string;
    readonly adminAudit: AuditSummary;
    readonly securityAudit: AuditSummary;
  };
  /** Records of kinds this report has no section for yet, so nothing in the log goes unseen. */
  readonly otherRecords: (ReportEvent & { readonly command: string; readonly details?: Record<string, unknown> })[];
}

export interface EvidenceReport {
  readonly formatVersion: typeof REPORT_FORMAT_VERSION;
  readonly generatedAt: string;
  readonly toolVersion: string;
  readonly dir: string;
  readonly period: { readonly from?: string; readonly to: string };
  readonly retention: string;
  readonly chainIntact: boolean;
  readonly orgs: OrgReport[];
}
