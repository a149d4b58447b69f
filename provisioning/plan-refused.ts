import { PlanError } from './errors';
import { JsonDifference } from './json-differences';
import { shownValue } from './never-printed';

/** Why a saved plan is not applied. */
export type RefusalReason = 'stale' | 'edited' | 'declaration' | 'format';

/** Differences named in the message; the rest are counted (all of them in `--format json`). */
const SHOWN = 3;
/** A shown value longer than this is cut: the message stays a few lines whatever differs. */
const LONGEST_VALUE = 100;

/** A difference as a person reads it; values of never-printed fields are `***`. */
export interface ShownDifference {
  readonly path: string;
  /** The value the plan was made from (or holds). */
  readonly planned?: string;
  /** The value now: read from Webex, derived from the declaration, or declared by the checked-out code. */
  readonly now?: string;
  /** One line for a person. */
  readonly text: string;
}

/**
 * A saved plan that is refused before anything is written. The message is at most five lines: what
 * happened, the first differences, and how many more; `differences` has them all (`--format json`).
 */
export class PlanRefusedError extends PlanError {
  readonly differences: ShownDifference[];

  constructor(
    readonly reason: RefusalReason,
    headline: string,
    differences: readonly ShownDifference[] = [],
  ) {
    super(summarize(headline, differences));
    this.differences = [...differences];
  }
}

/**
 * A difference between what a plan holds (`before`) and what is so now (`after`), in words: `describe`
 * gets both values already shown (JSON, cut, `***` for a never-printed field).
 */
export function shownDifference(d: JsonDifference, prefix: string, describe: (path: string, planned: string, now: string) => string): ShownDifference {
  const path = prefix ? `${prefix}.${d.path}` : d.path;
  const planned = cut(shownValue(path, d.before));
  const now = cut(shownValue(path, d.after));
  return { path, planned, now, text: describe(path, planned, now) };
}

function cut(text: string): string {
  return text.length > LONGEST_VALUE ? `${text.slice(0, LONGEST_VALUE - 1)}…` : text;
}

function summarize(headline: string, differences: readonly ShownDifference[]): string {
  const lines = [headline, ...differences.slice(0, SHOWN).map((d) => `  ${d.text}`)];
  const more = differences.length - SHOWN;
  if (more > 0) lines.push(`  and ${more} more (all ${differences.length}: add --format json)`);
  return lines.join('\n');
}
