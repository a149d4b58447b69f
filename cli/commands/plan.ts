import { planOrgs, renderPlanJson, renderPlanText, WebexClient } from '../../provisioning';
import { loadOrgs } from '../load-orgs';
import { useColor } from '../output';

export interface PlanOptions {
  readonly manifest?: string[];
  readonly org?: string;
  readonly format: 'text' | 'json';
  readonly detailedExitcode?: boolean;
}

/** Prints the plan; returns the exit code (2 = changes, with --detailed-exitcode). */
export async function planCommand(options: PlanOptions, client: WebexClient, out: NodeJS.WriteStream = process.stdout): Promise<number> {
  const orgs = loadOrgs(options.manifest, options.org);
  const plan = await planOrgs(client, orgs);
  out.write(options.format === 'json' ? renderPlanJson(plan) : renderPlanText(plan, { color: useColor(out) }));
  return options.detailedExitcode && plan.changes.length > 0 ? 2 : 0;
}
