import { observeOrgs, planChanges, RunProgress, WebexClient } from '../../provisioning';
import { attributedPlan, compareDriftRuns, comparisonDetails, EvidenceRecorder, renderSinceMarkdown, renderSinceText, RunComparison, sinceJson } from '../../provisioning/evidence';
import { driftDetail, NotifyRequest, notifyRoom } from '../../provisioning/notify';
import { planBaseline, readBaselineOrgs } from '../baseline';
import { loadOrgs } from '../load-orgs';
import { terminalQuoted } from '../../manifest/text';
import { useColor } from '../output';
import { Selection } from '../selection';
import { PlanFormat, UnknownTargetsError, writePlan } from './plan-output';

export interface DriftOptions extends Selection {
  readonly manifest?: string[];
  /** `--baseline`: the manifest(s) the origin of each difference is judged against (default: the declaration last applied). */
  readonly baseline?: string[];
  readonly format: PlanFormat;
  readonly quiet?: boolean;
  /** Fail (exit 1) when any live value is weaker than declared. */
  readonly denyWeakening?: boolean;
  /** Folder of the write-only state files (WEBEX_IAC_STATE_DIR). */
  readonly stateDir?: string;
  /** Where reading reports progress (the CLI's progress display on stderr). */
  readonly progress?: RunProgress;
  /** `--notify-room`: tell this Webex space what is new since it was last told (see notifyRoom). */
  readonly notify?: NotifyTarget;
}

/** Where and how a run posts its news: the space, the bot's client, the environment (CI run link) and stderr. */
export interface NotifyTarget {
  readonly room: string;
  readonly bot: WebexClient;
  readonly env: NodeJS.ProcessEnv;
  readonly err: NodeJS.WritableStream;
}

/**
 * Reads only, never writes: reports where the live org differs from the declaration, each difference
 * labelled drift or not-yet-applied declaration against the declaration last applied (a live value
 * weaker than declared is weakening), and what is new, still there, resolved or regressed since the last
 * drift run recorded in the evidence log. Exit 0 when it matches, 2 on drift, 1 on error, when any target
 * could not be read, or with --deny-weakening when any live value is weaker than declared, so a
 * scheduled job can alert on it.
 */
export async function driftCommand(options: DriftOptions, client: WebexClient, out: NodeJS.WriteStream = process.stdout, evidence?: EvidenceRecorder, now: Date = new Date()): Promise<number> {
  const orgs = loadOrgs(options.manifest, options);
  // The baseline file is the user's input too: refused before anything is read from Webex.
  const baselineOrgs = readBaselineOrgs(options.baseline);
  const observed = await observeOrgs(client, orgs, { stateDir: options.stateDir, now, progress: options.progress });
  const baseline = planBaseline(baselineOrgs, options.stateDir, observed);
  // Each drift names who made it, from the admin audit log (an unreadable log makes the run fail).
  const plan = await attributedPlan(client, planChanges(orgs, observed, { now, ...(baseline ? { baseline } : {}) }), observed, evidence, now);
  // Compared before this run is recorded, so "the last run" is the one before it.
  const comparisons = evidence ? compareDriftRuns(evidence.log, plan, orgs, options, client.baseUrl, now) : new Map<string, RunComparison>();
  await evidence?.recordPlan(client, plan, { kind: 'drift', declared: orgs, details: comparisonDetails(comparisons) });
  await writePlan(plan, { format: options.format, quiet: options.quiet, mode: 'drift', ...(evidence ? { json: { sinceLastRun: sinceJson(comparisons) } } : {}) }, out);
  writeComparisons(comparisons, options, out);
  if (options.notify) {
    if (!evidence) throw new Error('--notify-room needs the evidence log, which tells what the space was already told');
    await notifyAndReport({ command: 'drift', room: options.notify.room, comparisons, detail: driftDetail(plan), env: options.notify.env }, evidence, options.notify, client);
  }
  if (plan.unknown.length > 0) throw new UnknownTargetsError(plan.unknown.length);
  if (options.denyWeakening && plan.summary.weakerThanDeclared > 0) {
    throw new Error(`${plan.summary.weakerThanDeclared} live value(s) are weaker than declared and --deny-weakening is set`);
  }
  return plan.changes.length > 0 ? 2 : 0;
}

/** Posts the run's news and says on stderr what was posted (stdout may be JSON); a failed post throws. */
export async function notifyAndReport(request: NotifyRequest, evidence: EvidenceRecorder, notify: NotifyTarget, client: WebexClient): Promise<void> {
  const outcome = await notifyRoom(request, evidence, notify.bot, client);
  notify.err.write(
    outcome.messageId === undefined
      ? 'Webex space: nothing new since it was last told; no message posted.\n'
      : `Webex space: posted one message (${outcome.opened} open, ${outcome.resolved} resolved${outcome.folded > 0 ? `, ${outcome.folded} told by count only` : ''}).\n`,
  );
}

/** After the plan in text and markdown (JSON carries them inside): each org's comparison, its summary line last. */
function writeComparisons(comparisons: ReadonlyMap<string, RunComparison>, options: DriftOptions, out: NodeJS.WriteStream): void {
  if (options.format === 'json') return;
  for (const [org, comparison] of comparisons) {
    if (options.format === 'markdown') out.write(`\n${renderSinceMarkdown(org, comparison)}`);
    else out.write(options.quiet ? `${comparisons.size > 1 ? `Org ${terminalQuoted(org)}: ` : ''}${renderSinceText(org, comparison).trimEnd().split('\n').pop()}\n` : `\n${renderSinceText(org, comparison, { color: useColor(out) })}`);
  }
}
