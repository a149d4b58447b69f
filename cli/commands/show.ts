import { resolve } from 'node:path';
import { loadSavedPlan } from '../../provisioning';
import { ExitCode } from '../output';
import { PlanFormat, writePlan } from './plan-output';

export interface ShowOptions {
  readonly format: PlanFormat;
  readonly quiet?: boolean;
  readonly denyWeakening?: boolean;
  readonly detailedExitcode?: boolean;
}

/**
 * Renders a saved plan without reading Webex: what a reviewer approved, in any format, and the gates CI
 * applies to it (`--deny-weakening`, `--detailed-exitcode`) judged on that very plan, not on a new one.
 * The file is validated as `apply` validates it, so an edited plan is refused here too.
 */
export async function showCommand(planFile: string, options: ShowOptions, out: NodeJS.WriteStream): Promise<number> {
  const saved = loadSavedPlan(resolve(planFile));
  await writePlan(saved.plan, { format: options.format, quiet: options.quiet, mode: 'plan' }, out);
  if (options.denyWeakening && saved.plan.summary.weakening > 0) {
    throw new Error(`${saved.plan.summary.weakening} change(s) in ${planFile} weaken security and --deny-weakening is set`);
  }
  if (options.detailedExitcode && saved.plan.changes.length > 0) throw new ExitCode(2);
  return 0;
}
