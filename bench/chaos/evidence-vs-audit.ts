import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyLog } from '../../provisioning/evidence';
import type { SimulatorSnapshot } from '../../simulator';

/** What the evidence log says of one write (by the TrackingID the client sent with it). */
export type WriteClaim = 'applied' | 'unknown' | 'failed';

export interface EvidenceVerdict {
  /** Writes the simulator served (its admin audit trail) that the evidence does not record as applied or outcome-unknown. */
  readonly unrecorded: string[];
  /** Writes the evidence records as applied that never reached the simulator (or were not served). */
  readonly phantom: string[];
  /** Problems of the log itself: a broken hash chain, a line that is not JSON. */
  readonly log: string[];
  /** How many writes the evidence recorded, by claim. */
  readonly claims: Record<WriteClaim, number>;
}

/**
 * Holds the evidence log of one run against the simulator's admin audit trail, which lists every write
 * the simulator served with the TrackingID the client sent. Every served write must be in the log as
 * applied or as outcome-unknown; no write recorded as applied may be missing from the trail.
 *
 * The log's format for per-write outcomes may grow: any object in a record that carries a `trackingId`
 * counts, and its claim is read from `outcome`/`status`/`result` (`unknown…` is outcome-unknown;
 * `fail…`, `notApplied`, `rejected` is failed; anything else, or none in an `apply` record's changes, is
 * applied). A TrackingID recorded more than once takes its strongest claim (applied, then unknown).
 */
export function judgeEvidence(evidenceDir: string, audit: SimulatorSnapshot['adminAudit']): EvidenceVerdict {
  const log: string[] = [];
  const claims = new Map<string, WriteClaim>();
  for (const file of jsonlFiles(evidenceDir)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trim() === '') return;
        let record: unknown;
        try {
          record = JSON.parse(line);
        } catch {
          log.push(`${file}:${i + 1}: not JSON`);
          return;
        }
        const kind = (record as { kind?: unknown }).kind;
        collectClaims(record, kind === 'apply', false, claims);
      });
  }
  if (existsSync(evidenceDir)) {
    const verified = verifyLog(evidenceDir);
    for (const org of verified.orgs) {
      if (org.error) log.push(`${org.folder}: ${org.error.message}${org.error.line ? ` (line ${org.error.line})` : ''}`);
    }
  }

  const served = new Set(audit.map((event) => event.data.trackingId));
  const unrecorded = audit
    .filter((event) => {
      const claim = claims.get(event.data.trackingId);
      return claim !== 'applied' && claim !== 'unknown';
    })
    .map((event) => `${event.data.actionText} (${event.data.targetType} ${event.data.targetName}, trackingId ${event.data.trackingId}): served, evidence says ${claims.get(event.data.trackingId) ?? 'nothing'}`);
  const phantom = [...claims].filter(([id, claim]) => claim === 'applied' && !served.has(id)).map(([id]) => `trackingId ${id}: recorded as applied, never served`);
  const counts: Record<WriteClaim, number> = { applied: 0, unknown: 0, failed: 0 };
  for (const claim of claims.values()) counts[claim]++;
  return { unrecorded, phantom, log, claims: counts };
}

const STRENGTH: Record<WriteClaim, number> = { applied: 3, unknown: 2, failed: 1 };

function collectClaims(value: unknown, inApply: boolean, inChanges: boolean, claims: Map<string, WriteClaim>): void {
  if (Array.isArray(value)) {
    value.forEach((item) => collectClaims(item, inApply, inChanges, claims));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const object = value as Record<string, unknown>;
  if (typeof object.trackingId === 'string') {
    const claim = claimOf(object, inApply && inChanges);
    // A change written in several requests (a host's personal room and scheduling options) lists each TrackingID.
    for (const id of claim === undefined ? [] : object.trackingId.split(/[\s,]+/).filter(Boolean)) {
      const known = claims.get(id);
      if (known === undefined || STRENGTH[claim!] > STRENGTH[known]) claims.set(id, claim!);
    }
  }
  for (const [key, child] of Object.entries(object)) {
    if (key === 'before' || key === 'after') continue;
    collectClaims(child, inApply, key === 'changes' || inChanges, claims);
  }
}

function claimOf(object: Record<string, unknown>, appliedByDefault: boolean): WriteClaim | undefined {
  const stated = [object.outcome, object.status, object.result].find((v): v is string => typeof v === 'string');
  if (stated === undefined) return appliedByDefault ? 'applied' : undefined;
  if (/unknown/i.test(stated)) return 'unknown';
  if (/fail|not.?applied|reject|error/i.test(stated)) return 'failed';
  return 'applied';
}

function jsonlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsonlFiles(path);
    return entry.isFile() && entry.name.endsWith('.jsonl') ? [path] : [];
  });
}
