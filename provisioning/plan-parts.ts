import type { PlanBaseline } from './plan-baseline';
import { AttestationStatus, Change, Finding } from './plan';

/** A change as the planners of each control make it, before its origin is judged (change-origin.ts). */
export type DraftChange = Omit<Change, 'origin' | 'fieldOrigins' | 'liveImpact'>;

/** What the planners of each kind of control add to a plan; the planner assembles them. */
export interface PlanParts {
  readonly changes: DraftChange[];
  readonly findings: Finding[];
  readonly attestations: AttestationStatus[];
  /** Settings (per target) that were checked and already match. */
  unchangedSettings: number;
}

export interface PlanningOptions {
  /**
   * The time inactivity and attestation expiry are measured against. Not part of the observation, so a
   * saved plan's observed hash does not depend on when it was made.
   *
   * @default now
   */
  readonly now?: Date;
  /** Enforce every write-only setting even when webex-iac last enforced the same values. @default false */
  readonly reenforce?: boolean;
  /**
   * The declaration the origin of each change is judged against (the declaration last applied, or
   * `--baseline`); without one every origin is `unknown`.
   */
  readonly baseline?: PlanBaseline;
}
