import { Plan, renderPlanJson, renderPlanMarkdown, renderPlanText, summaryLine } from '../../provisioning';
import { useColor } from '../output';

export type PlanFormat = 'text' | 'json' | 'markdown';

export interface PlanOutputOptions {
  readonly format: PlanFormat;
  readonly quiet?: boolean;
  readonly mode: 'plan' | 'drift';
}

/** Writes a plan in the chosen format; `--quiet` reduces text output to its summary line. */
export function writePlan(plan: Plan, options: PlanOutputOptions, out: NodeJS.WriteStream): void {
  const color = useColor(out);
  switch (options.format) {
    case 'json':
      out.write(renderPlanJson(plan));
      return;
    case 'markdown':
      out.write(renderPlanMarkdown(plan, { title: `webex-iac ${options.mode}` }));
      return;
    default:
      out.write(options.quiet ? `${summaryLine(plan, { color, mode: options.mode })}\n` : renderPlanText(plan, { color, mode: options.mode }));
  }
}

/** A plan or drift with targets that could not be read: exit 1, after the plan (which lists them) was written. */
export class UnknownTargetsError extends Error {
  override readonly name = 'UnknownTargetsError';
  constructor(count: number, notSavedTo?: string) {
    super(`could not read ${count} ${count === 1 ? 'target' : 'targets'} (listed in the plan); their state is unknown${notSavedTo ? `, so the plan was not saved to ${notSavedTo}` : ''}`);
  }
}
