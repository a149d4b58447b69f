import { Plan, planJsonChunks, planMarkdownChunks, planTextChunks, summaryLine } from '../../provisioning';
import { useColor } from '../output';
import { writeStreaming } from '../write-streaming';

export type PlanFormat = 'text' | 'json' | 'markdown';

export interface PlanOutputOptions {
  readonly format: PlanFormat;
  readonly quiet?: boolean;
  readonly mode: 'plan' | 'drift';
  /** Top-level members added to the JSON form (drift's `sinceLastRun`). */
  readonly json?: Record<string, unknown>;
}

/**
 * Writes a plan in the chosen format as it is rendered, waiting for a slow reader (write-streaming.ts);
 * `--quiet` reduces text output to its summary line.
 */
export async function writePlan(plan: Plan, options: PlanOutputOptions, out: NodeJS.WriteStream): Promise<void> {
  const color = useColor(out);
  switch (options.format) {
    case 'json':
      return writeStreaming(out, planJsonChunks(plan, options.json));
    case 'markdown':
      return writeStreaming(out, planMarkdownChunks(plan, { title: `webex-iac ${options.mode}` }));
    default:
      return writeStreaming(out, options.quiet ? [`${summaryLine(plan, { color, mode: options.mode })}\n`] : planTextChunks(plan, { color, mode: options.mode }));
  }
}

/** A plan or drift with targets that could not be read: exit 1, after the plan (which lists them) was written. */
export class UnknownTargetsError extends Error {
  override readonly name = 'UnknownTargetsError';
  constructor(count: number, notSavedTo?: string) {
    super(`could not read ${count} ${count === 1 ? 'target' : 'targets'} (listed in the plan); their state is unknown${notSavedTo ? `, so the plan was not saved to ${notSavedTo}` : ''}`);
  }
}
