import { resolve } from 'node:path';
import { observeOrgs, planChanges, RunProgress, SAVED_PLAN_FORMAT_VERSION, SAVED_PLAN_KIND, savePlan, WebexClient, withoutAttribution } from '../../provisioning';
import { attributedPlan, EvidenceRecorder } from '../../provisioning/evidence';
import { planBaseline, readBaselineOrgs } from '../baseline';
import { loadOrgs } from '../load-orgs';
import { Selection } from '../selection';
import { VERSION } from '../version';
import { PlanFormat, UnknownTargetsError, writePlan } from './plan-output';

export interface PlanOptions extends Selection {
  readonly manifest?: string[];
  /** `--baseline`: the manifest(s) of the target branch, to tell the changes under review from drift. */
  readonly baseline?: string[];
  readonly format: PlanFormat;
  readonly detailedExitcode?: boolean;
  readonly denyWeakening?: boolean;
  readonly out?: string;
  readonly quiet?: boolean;
  /** Enforce the write-only settings even when webex-iac last enforced the same values. */
  readonly reenforce?: boolean;
  /** Folder of the write-only state files (WEBEX_IAC_STATE_DIR). */
  readonly stateDir?: string;
  /** Where reading reports progress (the CLI's progress display on stderr). */
  readonly progress?: RunProgress;
}

/**
 * Prints the plan and optionally saves it for `apply plan.json`. Exit code: 0, or 2 for changes with
 * --detailed-exitcode; 1 when any target could not be read (whatever the flags); --deny-weakening turns
 * any weakening change into a failure (for branch protection).
 */
export async function planCommand(options: PlanOptions, client: WebexClient, out: NodeJS.WriteStream = process.stdout, evidence?: EvidenceRecorder): Promise<number> {
  const orgs = loadOrgs(options.manifest, options);
  const now = new Date();
  // The baseline file is the user's input too: refused before anything is read from Webex.
  const baselineOrgs = readBaselineOrgs(options.baseline);
  const observed = await observeOrgs(client, orgs, { stateDir: options.stateDir, now, progress: options.progress });
  const baseline = planBaseline(baselineOrgs, options.stateDir, observed);
  const planned = planChanges(orgs, observed, { now, reenforce: options.reenforce, ...(baseline ? { baseline } : {}) });
  // Shown and recorded with who made each drift; saved without (apply re-derives the plan, attributions are no part of it).
  const plan = await attributedPlan(client, planned, observed, evidence, now);
  await writePlan(plan, { format: options.format, quiet: options.quiet, mode: 'plan' }, out);
  await evidence?.recordPlan(client, plan, { declared: orgs });
  // A target that could not be read is never "no changes": the plan fails, and is not saved for apply.
  if (plan.unknown.length > 0) throw new UnknownTargetsError(plan.unknown.length, options.out);
  if (options.out) {
    // Everything the plan was made from, so that apply can make it again and compare: the declaration and its
    // selection, the observation, the time and the options.
    const selection = { ...(options.org === undefined ? {} : { org: options.org }), ...(options.site === undefined ? {} : { site: options.site }), ...(options.shard === undefined ? {} : { shard: options.shard }) };
    savePlan(resolve(options.out), { kind: SAVED_PLAN_KIND, formatVersion: SAVED_PLAN_FORMAT_VERSION, toolVersion: VERSION, createdAt: now.toISOString(), selection, reenforce: options.reenforce ?? false, ...(baseline ? { baseline } : {}), declared: orgs, observed, plan: withoutAttribution(planned) });
    if (!options.quiet && options.format === 'text') out.write(`\nSaved this plan to ${options.out}. Apply exactly it with: webex-iac apply ${options.out}\n`);
  }
  if (options.denyWeakening && plan.summary.weakening > 0) {
    throw new Error(`${plan.summary.weakening} change(s) weaken security and --deny-weakening is set`);
  }
  return options.detailedExitcode && plan.changes.length > 0 ? 2 : 0;
}

