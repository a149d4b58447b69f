import { AttestationStatus, Change, Finding } from './plan';

/** What the planners of each kind of control add to a plan; the planner assembles them. */
export interface PlanParts {
  readonly changes: Change[];
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
}
