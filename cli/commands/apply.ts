import { createInterface } from 'node:readline/promises';
import { applyPlan, describeTarget, planOrgs, renderPlanText, WebexClient } from '../../provisioning';
import { loadOrgs } from '../load-orgs';
import { useColor } from '../output';

export interface ApplyOptions {
  readonly manifest?: string[];
  readonly org?: string;
  readonly autoApprove?: boolean;
}

/** Plans, shows the plan, asks (unless --auto-approve), applies and verifies every change. */
export async function applyCommand(options: ApplyOptions, client: WebexClient, out: NodeJS.WriteStream = process.stdout): Promise<number> {
  const orgs = loadOrgs(options.manifest, options.org);
  const plan = await planOrgs(client, orgs);
  const color = useColor(out);
  out.write(renderPlanText(plan, { color }));
  if (plan.changes.length === 0) return 0;
  if (!options.autoApprove) {
    if (!process.stdin.isTTY) throw new Error('apply needs --auto-approve when it cannot ask for confirmation (no terminal)');
    const prompt = createInterface({ input: process.stdin, output: out });
    const answer = await prompt.question('\nDo you want to perform these actions? Only "yes" will be accepted: ');
    prompt.close();
    if (answer.trim() !== 'yes') {
      out.write('Apply cancelled; nothing was written.\n');
      return 1;
    }
  }
  out.write('\n');
  const applied = await applyPlan(client, plan, {
    onApplied: ({ change, trackingId }) => out.write(`${describeTarget(change.target)}: ${change.setting} updated and verified (trackingId ${trackingId})\n`),
  });
  out.write(`\nApply complete! ${applied.length} changed, ${applied.length} verified by reading back.\n`);
  return 0;
}
