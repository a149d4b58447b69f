import { z } from 'zod';
import type { Attribution } from '../audit/attribution';

/**
 * One evidence record: one line of an org's monthly JSON Lines file. The log is the documentation that
 * 45 CFR 164.316(b) requires to be kept six years, so the format is versioned and only ever grows.
 */
export const EVIDENCE_FORMAT_VERSION = 1;

/**
 * Kinds written today. The field is open (any string) so that later features slot in without a format
 * change; the report shows a kind it does not know in its "Other records" section.
 */
export type KnownEvidenceKind = 'plan' | 'apply' | 'drift' | 'assess' | 'attestation' | 'exception' | 'audit-event' | 'audit-collection';

/** Who ran the command: the token's person, the CI job, or the local user; each recorded as what it is. */
export interface EvidenceActor {
  /** The token's person (GET /v1/people/me). */
  readonly person?: { readonly id: string; readonly email: string };
  /** Why the token's person is unknown (one line, e.g. a 403), when it was asked for and not found. */
  readonly personUnavailable?: string;
  /** The CI identity from the CI's own environment variables. */
  readonly ci?: CiIdentity;
  /** Outside CI: the operating-system user and host that ran the command (as reported, unverified). */
  readonly local?: { readonly user: string; readonly host: string };
}

export interface CiIdentity {
  /** `github-actions`, `gitlab-ci`, or `ci` for another system that sets CI=true. */
  readonly system: string;
  readonly user?: string;
  readonly workflow?: string;
  readonly runId?: string;
  readonly job?: string;
  readonly repository?: string;
  /** The commit the job ran, so a record points at the code that declared the org. */
  readonly revision?: string;
  /** Links an auditor follows: the CI run, the commit, and the reviewed pull or merge request. */
  readonly runUrl?: string;
  readonly commitUrl?: string;
  readonly changeRequest?: { readonly kind: 'pull-request' | 'merge-request'; readonly number: string; readonly url?: string };
}

/** A control's state as one record saw it; any kind may carry a list of these in `details.controls`. */
export interface ControlObservation {
  /** The setting or rule, e.g. `meetingSecurity`. */
  readonly control: string;
  /** What it applies to, e.g. `site example.webex.com`, or `org`. */
  readonly target: string;
  /** The construct path that declared it. */
  readonly path?: string;
  /** `compliant` means verified against the live org by this record (a read, or a write read back). */
  readonly status: 'compliant' | 'non-compliant' | 'error' | 'not-verified';
  readonly note?: string;
}

/** One change, as planned or as written. Values are never secrets: the redactor runs over every record. */
export interface EvidenceChange {
  readonly control: string;
  readonly target: string;
  readonly path?: string;
  readonly before: Record<string, unknown>;
  readonly after: Record<string, unknown>;
  /** Webex trackingId of the write (apply only). */
  readonly trackingId?: string;
  /** True when the values were read back after the write and matched. */
  readonly verified?: boolean;
  /** The plan's security classification: `weakens`, `strengthens` or `neutral`. */
  readonly impact?: string;
  /** Plan and drift: who made the drift, from the admin audit log (provisioning/audit/attribution.ts). */
  readonly attribution?: Attribution;
}

/** What a caller appends; the log adds id, time, toolVersion, org, prev and hash. */
export interface EvidenceEntry {
  readonly kind: KnownEvidenceKind | (string & {});
  readonly actor: EvidenceActor;
  /** The command line that produced the record, e.g. `webex-iac apply --auto-approve`. */
  readonly command: string;
  readonly orgId?: string;
  readonly changes?: readonly EvidenceChange[];
  readonly details?: Record<string, unknown>;
}

export interface EvidenceRecord extends EvidenceEntry {
  readonly formatVersion: typeof EVIDENCE_FORMAT_VERSION;
  /** Random UUID. */
  readonly id: string;
  /** UTC, ISO 8601 with milliseconds; taken under the lock, so a file is in time order. */
  readonly time: string;
  readonly toolVersion: string;
  /** The org's declared display name. */
  readonly org: string;
  /** This record's 1-based line in its month file: a removed first line of a file is caught too. */
  readonly line: number;
  /** sha256 (hex) of the previous record's exact line, or of nothing: GENESIS for an org's first record. */
  readonly prev: string;
  /** sha256 (hex) of this line as written without its own `hash` field. */
  readonly hash: string;
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** The shape every line must have; `details` and `changes` stay open for kinds to come. */
export const EvidenceRecordSchema = z.looseObject({
  formatVersion: z.literal(EVIDENCE_FORMAT_VERSION),
  id: z.string().uuid(),
  time: z.string().datetime({ offset: false }),
  toolVersion: z.string(),
  org: z.string().min(1),
  orgId: z.string().optional(),
  actor: z.looseObject({}),
  command: z.string(),
  kind: z.string().min(1),
  changes: z.array(z.looseObject({ control: z.string(), target: z.string(), before: z.record(z.string(), z.unknown()), after: z.record(z.string(), z.unknown()) })).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  line: z.number().int().positive(),
  prev: sha256Hex,
  hash: sha256Hex,
});
