import { Construct } from 'constructs';
import { ValidationError } from '../../constructs/errors';
import type { FieldValue } from '../../provisioning';
import type { ObjectNode } from './source-node';

/** Something the engineer must know about the imported declaration: printed, and written as a comment. */
export interface ImportNote {
  /** `warning`: a value the declaration cannot express, or a host or site left unmanaged; `note`: the rest. */
  readonly level: 'warning' | 'note';
  /** The control it is about (manifest setting key). */
  readonly control: string;
  readonly siteUrl?: string;
  /** One line. */
  readonly message: string;
}

/** What the generator declares for one per-site control of the HipaaBaseline. */
export interface SiteControlDeclaration {
  /** The org-wide props (`meetingSecurity`, `hostLobby`, `endToEndEncryption`); absent when the defaults fit. */
  readonly orgWide?: ObjectNode;
  /** Per-site overrides, by siteUrl. */
  readonly overrides: ReadonlyMap<string, ObjectNode>;
  /** Sites where the control cannot reproduce what exists, with the reason (`unmanagedSiteControls`). */
  readonly unmanaged: ReadonlyMap<string, string>;
  /** Hosts the control leaves alone, by site (for the summary). */
  readonly exemptHosts: ReadonlyMap<string, number>;
  /** Hosts the control manages, by site (for the summary). */
  readonly managedHosts: ReadonlyMap<string, number>;
  readonly notes: readonly ImportNote[];
}

/**
 * The scope the constructs' resolve functions report errors against while the generator asks them
 * whether a value can be declared; it never reaches the generated program.
 */
export const PROBE_SCOPE = new Construct(undefined as unknown as Construct, 'webex-iac-import');

/** What `attempt` returns, or the constructs' reason for refusing the value. */
export function tryDeclare<T>(attempt: () => T): { ok: true; value: T } | { ok: false; reason: string } {
  try {
    return { ok: true, value: attempt() };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** A value as a reader of the generated file would write it. */
export function describeValue(value: FieldValue | readonly string[] | undefined): string {
  if (value === undefined || value === null) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : value.join(', ');
  return String(value);
}

/** `// HIPAA default: …` when `value` is not the HIPAA-safe default. */
export function hipaaNote(value: unknown, safe: unknown): string | undefined {
  if (sameJson(value, safe)) return undefined;
  return `HIPAA default: ${describeValue(safe as FieldValue)}`;
}

/** Equal as JSON, lists compared as sets (as the handlers compare them). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = [...new Set(a.map((v) => JSON.stringify(v)))].sort();
    const right = [...new Set(b.map((v) => JSON.stringify(v)))].sort();
    return left.length === right.length && left.every((v, i) => v === right[i]);
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameJson(a[k], b[k]));
  }
  return a === b;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}


/** The item of `items` that `score` ranks highest; ties go to the first in `items`' order. */
export function best<T>(items: readonly T[], score: (item: T) => readonly number[]): T | undefined {
  let winner: T | undefined;
  let winnerScore: readonly number[] = [];
  for (const item of items) {
    const s = score(item);
    if (winner === undefined || beats(s, winnerScore)) {
      winner = item;
      winnerScore = s;
    }
  }
  return winner;
}

function beats(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return false;
}

/** `n host(s)` style counts. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
