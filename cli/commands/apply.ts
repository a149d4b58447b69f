import { createInterface } from 'node:readline/promises';
import { applySummary, assertPlanIsCurrent, describeApplied, loadSavedPlan, Plan, planOrgs, renderPlanText, RunProgress, summaryLine, WebexClient } from '../../provisioning';
import { applyPlanWithEvidence, EvidenceRecorder } from '../../provisioning/evidence';
import { loadOrgs } from '../load-orgs';
import { useColor } from '../output';
import { Selection } from '../selection';

export interface ApplyOptions extends Selection {
  /** A plan saved with `plan --out`: apply exactly it, or refuse when the org changed since. */
  readonly planFile?: string;
  readonly manifest?: string[];
  readonly autoApprove?: boolean;
  readonly quiet?: boolean;
  /** Enforce the write-only settings even when webex-iac last enforced the same values. */
  readonly reenforce?: boolean;
  /** Folder of the write-only state files (WEBEX_IAC_STATE_DIR). */
  readonly stateDir?: string;
  /** Where reading, re-reading and writing report progress (the CLI's progress display on stderr). */
  readonly progress?: RunProgress;
  /** Called before asking for confirmation, so that a progress display lets go of the terminal. */
  readonly beforePrompt?: () => void;
}

/** Plans (or loads a saved plan), shows it, asks unless --auto-approve, applies and verifies every change. */
export async function applyCommand(options: ApplyOptions, client: WebexClient, out: NodeJS.WriteStream = process.stdout, evidence?: EvidenceRecorder): Promise<number> {
  const plan = await planToApply(options, client);
  await evidence?.recordPlan(client, plan);
  const color = useColor(out);
  if (!options.quiet) out.write(renderPlanText(plan, { color }));
  if (plan.changes.length === 0) {
    if (options.quiet) out.write(`${summaryLine(plan)}\n`);
    return 0;
  }
  if (!options.autoApprove) options.beforePrompt?.();
  if (!options.autoApprove && !(await confirmed(out))) {
    out.write('Apply cancelled; nothing was written.\n');
    return 1;
  }
  if (!options.quiet) out.write('\n');
  const applied = await applyPlanWithEvidence(client, plan, evidence, {
    stateDir: options.stateDir,
    progress: options.progress,
    onApplied: (result) => {
      if (!options.quiet) out.write(`${describeApplied(result)}\n`);
    },
  });
  out.write(`${options.quiet ? '' : '\n'}${applySummary(applied)}\n`);
  return 0;
}

async function planToApply(options: ApplyOptions, client: WebexClient): Promise<Plan> {
  if (!options.planFile) return planOrgs(client, loadOrgs(options.manifest, options), { stateDir: options.stateDir, reenforce: options.reenforce, progress: options.progress });
  if (options.manifest?.length || options.org || options.site || options.shard) {
    throw new Error('a saved plan is applied exactly as saved: --manifest, --org, --site and --shard cannot be combined with it');
  }
  const saved = loadSavedPlan(options.planFile);
  await assertPlanIsCurrent(client, saved, { stateDir: options.stateDir, progress: options.progress });
  return saved.plan;
}

async function confirmed(out: NodeJS.WriteStream): Promise<boolean> {
  if (!process.stdin.isTTY) throw new Error('apply needs --auto-approve when it cannot ask for confirmation (no terminal)');
  const prompt = createInterface({ input: process.stdin, output: out });
  const answer = await prompt.question('\nDo you want to perform these actions? Only "yes" will be accepted: ');
  prompt.close();
  return answer.trim() === 'yes';
}
