import { UnknownTargetsError } from './plan-output';
import { createInterface } from 'node:readline/promises';
import { canonicalJsonChunks, Org } from '../../manifest';
import { inertJsonChunks } from '../../manifest/text';
import { AppliedChange, applySummary, checkPlanIsCurrent, describeApplied, loadSavedPlan, observeOrgs, Plan, planChanges, PlanRefusedError, planTextChunks, recordAppliedDeclaration, RunProgress, stateDirFrom, summaryLine, WebexClient } from '../../provisioning';
import { ApplyJournal, applyPlanWithEvidence, EvidenceRecorder, repairDefaultSiteWithEvidence } from '../../provisioning/evidence';
import type { DefaultSiteRepair } from '../../provisioning/settings/default-site-repair';
import { planBaseline } from '../baseline';
import { loadOrgs } from '../load-orgs';
import { useColor } from '../output';
import { writeStreaming } from '../write-streaming';
import { assertDeclarationIsCheckedOut } from '../saved-declaration';
import { Selection } from '../selection';

export type ApplyFormat = 'text' | 'json';

export interface ApplyOptions extends Selection {
  /** A plan saved with `plan --out`: apply exactly it, or refuse when the org changed since. */
  readonly planFile?: string;
  /** The declaration: what to plan now, or what a saved plan must have been planned from. */
  readonly manifest?: string[];
  readonly autoApprove?: boolean;
  readonly quiet?: boolean;
  /** `json`: one JSON document on stdout (the outcome, the plan, what was applied, or every difference of a refused plan). */
  readonly format?: ApplyFormat;
  /** Enforce the write-only settings even when webex-iac last enforced the same values. */
  readonly reenforce?: boolean;
  /** Folder of the write-only state files (WEBEX_IAC_STATE_DIR). */
  readonly stateDir?: string;
  /** Where reading, re-reading and writing report progress (the CLI's progress display on stderr). */
  readonly progress?: RunProgress;
  /** Called before asking for confirmation, so that a progress display lets go of the terminal. */
  readonly beforePrompt?: () => void;
  /** Receives the apply's evidence journal before the first write (the CLI's signal handling records what is in flight). */
  readonly onJournal?: (journal: ApplyJournal) => void;
}

export const ALREADY_APPLIED = 'this plan was already applied; the org holds the planned values';

/** Plans (or loads a saved plan), shows it, asks unless --auto-approve, applies and verifies every change. */
export async function applyCommand(options: ApplyOptions, client: WebexClient, out: NodeJS.WriteStream = process.stdout, evidence?: EvidenceRecorder): Promise<number> {
  const json = options.format === 'json';
  // One JSON document, written as it is serialized: a fleet's plan and outcome are never one string.
  // Inert like plan JSON: bidi, C1 and zero-width characters from Webex written as \u escapes.
  const report = (outcome: string, fields: Record<string, unknown> = {}) => writeStreaming(out, inertJsonChunks(canonicalJsonChunks({ outcome, ...fields })));
  let planned: { plan: Plan; alreadyApplied: boolean; declared: DeclaredOrgs };
  try {
    planned = await planToApply(options, client);
  } catch (error) {
    if (json && error instanceof PlanRefusedError) await report(error.reason, { error: error.message.split('\n')[0], differences: error.differences });
    throw error;
  }
  // An earlier run that died mid-write may have left the token user's default site switched: put it
  // back now, also when this run has nothing to write (a failure here fails the command, loudly).
  const repair = await repairDefaultSiteWithEvidence(client, planned.plan, evidence);
  if (repair) process.stderr.write(`${repairMessage(repair)}\n`);
  const { plan, declared } = planned;
  if (planned.alreadyApplied) {
    if (json) await report('already-applied');
    else out.write(`${ALREADY_APPLIED}\n`);
    return 0;
  }
  await evidence?.recordPlan(client, plan);
  const color = useColor(out);
  // A saved plan applied without a prompt was reviewed already (`webex-iac show` renders it): as
  // Terraform does with a saved plan, say what runs rather than printing it again.
  const reviewed = options.planFile !== undefined && options.autoApprove === true;
  if (!options.quiet && !json) await writeStreaming(out, reviewed ? [`Applying the saved plan ${options.planFile} as reviewed (webex-iac show ${options.planFile} renders it): ${summaryLine(plan, { color })}\n`] : planTextChunks(plan, { color }));
  // What could not be read is never converged: the readable changes are applied, and the command fails.
  const failIfUnknown = () => {
    if (plan.unknown.length > 0) throw new UnknownTargetsError(plan.unknown.length);
  };
  if (plan.changes.length === 0) {
    if (json) await report('no-changes', { plan });
    else if (options.quiet) out.write(`${summaryLine(plan)}\n`);
    recordApplied(options, plan, declared);
    failIfUnknown();
    return 0;
  }
  if (!options.autoApprove) options.beforePrompt?.();
  if (!options.autoApprove && !(await confirmed(json ? process.stderr : out))) {
    if (json) await report('cancelled', { plan });
    else out.write('Apply cancelled; nothing was written.\n');
    return 1;
  }
  if (!options.quiet && !json) out.write('\n');
  const applied = await applyPlanWithEvidence(client, plan, evidence, {
    stateDir: options.stateDir,
    progress: options.progress,
    onJournal: options.onJournal,
    onApplied: (result) => {
      if (!options.quiet && !json) out.write(`${describeApplied(result)}\n`);
    },
  });
  if (json) await report('applied', { plan, applied: applied.map(appliedJson) });
  else out.write(`${options.quiet ? '' : '\n'}${applySummary(applied)}\n`);
  recordApplied(options, plan, declared);
  failIfUnknown();
  return 0;
}

/** The declared orgs of an apply, with the org id each was read as. */
type DeclaredOrgs = readonly { readonly org: Org; readonly orgId: string }[];

/**
 * Records each org's declaration as the one last applied (the baseline of later plans: drift.ts), once
 * every change was written and verified; an org with a target that could not be read is not recorded.
 */
function recordApplied(options: ApplyOptions, plan: Plan, declared: DeclaredOrgs): void {
  for (const { org, orgId } of declared) {
    if (plan.unknown.some((u) => u.org === org.name)) continue;
    try {
      recordAppliedDeclaration(options.stateDir ?? stateDirFrom(), org, orgId);
    } catch (error) {
      // The writes are done and in the evidence log; a record left behind would mislabel drift: say so and fail.
      throw new Error(`the changes of org ${JSON.stringify(org.name)} were applied, but the declaration applied could not be recorded (${(error as Error).message}); until it is, plans label drift against the previous record: fix the state folder and run apply again`);
    }
  }
}

async function planToApply(options: ApplyOptions, client: WebexClient): Promise<{ plan: Plan; alreadyApplied: boolean; declared: DeclaredOrgs }> {
  if (!options.planFile) {
    const orgs = loadOrgs(options.manifest, options);
    const now = new Date();
    const observed = await observeOrgs(client, orgs, { stateDir: options.stateDir, now, progress: options.progress });
    const baseline = planBaseline(undefined, options.stateDir, observed);
    const plan = planChanges(orgs, observed, { now, reenforce: options.reenforce, ...(baseline ? { baseline } : {}) });
    return { plan, alreadyApplied: false, declared: withOrgIds(orgs, observed) };
  }
  if (options.org || options.site || options.shard || options.reenforce) {
    throw new Error('a saved plan is applied exactly as saved: --org, --site, --shard and --reenforce cannot be combined with it (--manifest names the declaration to check it against)');
  }
  const saved = loadSavedPlan(options.planFile);
  assertDeclarationIsCheckedOut(saved, options.planFile, options.manifest);
  const currency = await checkPlanIsCurrent(client, saved, { stateDir: options.stateDir, progress: options.progress });
  return { plan: saved.plan as Plan, alreadyApplied: currency === 'already-applied', declared: withOrgIds(saved.declared as Org[], saved.observed) };
}

function withOrgIds(orgs: readonly Org[], observed: readonly { readonly name: string; readonly orgId: string }[]): DeclaredOrgs {
  return orgs.flatMap((org) => {
    const orgId = observed.find((o) => o.name === org.name)?.orgId;
    return orgId === undefined ? [] : [{ org, orgId }];
  });
}

/** One line on stderr: what an earlier run left and what this one did (site URLs are Webex's: quoted). */
function repairMessage(repair: DefaultSiteRepair): string {
  const quote = (text: string | undefined) => JSON.stringify(text ?? 'none');
  if (repair.outcome === 'restored') return `An earlier run left the default Meetings site of ${quote(repair.user)} on ${quote(repair.to)}; it was put back to ${quote(repair.from)} (recorded in the evidence).`;
  if (repair.now === repair.from) return `An earlier run marked the default Meetings site of ${quote(repair.user)} as switched to ${quote(repair.to)}; it is back on ${quote(repair.from)} already.`;
  return `An earlier run marked the default Meetings site of ${quote(repair.user)} as switched from ${quote(repair.from)} to ${quote(repair.to)}; it is ${quote(repair.now)} now, someone else's choice, and was left as it is.`;
}

/** What one applied change is in `--format json`: where, what, Webex's trackingId and the values read back. */
function appliedJson(applied: AppliedChange): Record<string, unknown> {
  const { org, target, setting, action } = applied.change;
  return { org, target, setting, action, trackingId: applied.trackingId, readBack: applied.readBack, ...(applied.unverifiedFields ? { unverifiedFields: applied.unverifiedFields } : {}) };
}

async function confirmed(out: NodeJS.WriteStream): Promise<boolean> {
  if (!process.stdin.isTTY) throw new Error('apply needs --auto-approve when it cannot ask for confirmation (no terminal)');
  const prompt = createInterface({ input: process.stdin, output: out });
  const answer = await prompt.question('\nDo you want to perform these actions? Only "yes" will be accepted: ');
  prompt.close();
  return answer.trim() === 'yes';
}
