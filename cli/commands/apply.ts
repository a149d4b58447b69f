import { createInterface } from 'node:readline/promises';
import { applyPlan, assertPlanIsCurrent, describeTarget, loadSavedPlan, Plan, planOrgs, renderPlanText, summaryLine, WebexClient } from '../../provisioning';
import { loadOrgs } from '../load-orgs';
import { useColor } from '../output';
import { Selection } from '../selection';

export interface ApplyOptions extends Selection {
  /** A plan saved with `plan --out`: apply exactly it, or refuse when the org changed since. */
  readonly planFile?: string;
  readonly manifest?: string[];
  readonly autoApprove?: boolean;
  readonly quiet?: boolean;
}

/** Plans (or loads a saved plan), shows it, asks unless --auto-approve, applies and verifies every change. */
export async function applyCommand(options: ApplyOptions, client: WebexClient, out: NodeJS.WriteStream = process.stdout): Promise<number> {
  const plan = await planToApply(options, client);
  const color = useColor(out);
  if (!options.quiet) out.write(renderPlanText(plan, { color }));
  if (plan.changes.length === 0) {
    if (options.quiet) out.write(`${summaryLine(plan)}\n`);
    return 0;
  }
  if (!options.autoApprove && !(await confirmed(out))) {
    out.write('Apply cancelled; nothing was written.\n');
    return 1;
  }
  if (!options.quiet) out.write('\n');
  const applied = await applyPlan(client, plan, {
    onApplied: ({ change, trackingId }) => {
      if (!options.quiet) out.write(`${describeTarget(change.target)}: ${change.setting} updated and verified (trackingId ${trackingId})\n`);
    },
  });
  out.write(`${options.quiet ? '' : '\n'}Apply complete! ${applied.length} changed, ${applied.length} verified by reading back.\n`);
  return 0;
}

async function planToApply(options: ApplyOptions, client: WebexClient): Promise<Plan> {
  if (!options.planFile) return planOrgs(client, loadOrgs(options.manifest, options));
  if (options.manifest?.length || options.org || options.site || options.shard) {
    throw new Error('a saved plan is applied exactly as saved: --manifest, --org, --site and --shard cannot be combined with it');
  }
  const saved = loadSavedPlan(options.planFile);
  await assertPlanIsCurrent(client, saved);
  return saved.plan;
}

async function confirmed(out: NodeJS.WriteStream): Promise<boolean> {
  if (!process.stdin.isTTY) throw new Error('apply needs --auto-approve when it cannot ask for confirmation (no terminal)');
  const prompt = createInterface({ input: process.stdin, output: out });
  const answer = await prompt.question('\nDo you want to perform these actions? Only "yes" will be accepted: ');
  prompt.close();
  return answer.trim() === 'yes';
}
