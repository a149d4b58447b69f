import { planOrgs, WebexClient } from '../../provisioning';
import { loadOrgs } from '../load-orgs';
import { Selection } from '../selection';
import { PlanFormat, writePlan } from './plan-output';

export interface DriftOptions extends Selection {
  readonly manifest?: string[];
  readonly format: PlanFormat;
  readonly quiet?: boolean;
}

/**
 * Reads only, never writes: reports where the live org differs from the declaration. Exit 0 when it
 * matches, 2 on drift (1 on error), so a scheduled job can alert on it.
 */
export async function driftCommand(options: DriftOptions, client: WebexClient, out: NodeJS.WriteStream = process.stdout): Promise<number> {
  const plan = await planOrgs(client, loadOrgs(options.manifest, options));
  writePlan(plan, { format: options.format, quiet: options.quiet, mode: 'drift' }, out);
  return plan.changes.length > 0 ? 2 : 0;
}
