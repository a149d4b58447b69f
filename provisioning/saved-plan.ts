import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { canonicalJson, canonicalJsonChunks, ManifestError, Org } from '../manifest';
import { fileSystemError, FileSystemError } from '../manifest/files/file-system-error';
import { readJsonText } from '../manifest/files/read-json-text';
import { WebexClient } from './client/webex-client';
import { observeOrgs } from './engine';
import { jsonDifferences } from './json-differences';
import { neverPrintedField } from './never-printed';
import { ObservedOrg, ObserveOptions } from './observe';
import { Plan } from './plan';
import { PlanRefusedError, shownDifference } from './plan-refused';
import { planChanges } from './planner';
import { holdsPlannedValues } from './planned-values-held';
import { SAVED_PLAN_FORMAT_VERSION, SAVED_PLAN_KIND, SavedPlan, SavedPlanSchema } from './saved-plan-schema';
import { stateDirFrom } from './state/enforcement-state';

export { SAVED_PLAN_FORMAT_VERSION, SAVED_PLAN_KIND } from './saved-plan-schema';
export type { SavedPlan } from './saved-plan-schema';

/**
 * A plan saved with `plan --out`: the plan, the declaration and selection it was made from, when, and
 * everything it observed (never a token or a PIN). Loading it proves the plan is what the planner gives
 * for that declaration and observation; `apply` then checks the declaration against the checked-out code
 * and re-reads the org.
 */
export function savePlan(file: string, saved: SavedPlan): void {
  try {
    writePlanFile(file, saved);
  } catch (error) {
    throw fileSystemError('write the saved plan', file, error);
  }
}

function writePlanFile(file: string, saved: SavedPlan): void {
  // Write a temporary file and rename it: a reader never sees half a plan.
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const fd = openSync(temporary, 'w', 0o600);
  try {
    // Written as it is serialized, in pieces of about 64 KiB: a fleet's plan and observation are never one string.
    let pending = '';
    for (const piece of canonicalJsonChunks(saved)) {
      pending += piece;
      if (pending.length < 65_536) continue;
      writeSync(fd, pending);
      pending = '';
    }
    writeSync(fd, pending);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

/**
 * Reads a plan file and refuses it unless it is exactly what the planner gives for its own declaration
 * and observations (at the time and with the options it was made with): a hand-edited change, an added
 * field (a PIN, co-hosts, session types) or a forged summary is refused here, whatever the digest says.
 */
export function loadSavedPlan(file: string): SavedPlan {
  let data: unknown;
  try {
    data = JSON.parse(readJsonText(file, 'saved plan'));
  } catch (error) {
    if (error instanceof FileSystemError) throw new ManifestError(error.message);
    throw new ManifestError(`cannot read saved plan ${file}: not valid JSON (${(error as Error).message})`);
  }
  const envelope = (data !== null && typeof data === 'object' ? data : {}) as { kind?: unknown; formatVersion?: unknown };
  if (envelope.kind !== SAVED_PLAN_KIND) throw new ManifestError(`${file} is not a webex-iac saved plan (no "kind": "${SAVED_PLAN_KIND}")`);
  if (envelope.formatVersion !== SAVED_PLAN_FORMAT_VERSION) {
    throw new PlanRefusedError('format', `${file} is a saved plan of format ${JSON.stringify(envelope.formatVersion ?? null)}; this webex-iac applies format ${SAVED_PLAN_FORMAT_VERSION} only: plan again (webex-iac plan --out ${basename(file)})`);
  }
  const secret = neverPrintedField(data);
  if (secret !== undefined) {
    throw new PlanRefusedError('edited', `${file} has been edited: it holds a value at ${secret}, a field webex-iac never stores; nothing was written. Plan again.`);
  }
  const parsed = SavedPlanSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PlanRefusedError('edited', `${file} is not a valid saved plan of format ${SAVED_PLAN_FORMAT_VERSION}: ${issue.path.join('.') || '(root)'}: ${issue.message}; plan again`);
  }
  const saved = parsed.data;
  const differences = jsonDifferences(comparable(saved.plan), comparable(rederive(file, saved)));
  if (differences.length > 0) {
    throw new PlanRefusedError(
      'edited',
      `${file} has been edited: it is not the plan that its own declaration and observations give; nothing was written. Plan again.`,
      differences.map((d) => shownDifference(d, 'plan', (path, planned, now) => `${path} is ${planned} in the file; the declaration gives ${now}`)),
    );
  }
  return saved;
}

/** The plan the planner makes from the file's declaration and observations, as it made it then. */
function rederive(file: string, saved: SavedPlan): Plan {
  try {
    return planChanges(saved.declared as Org[], saved.observed as ObservedOrg[], { now: new Date(saved.createdAt), reenforce: saved.reenforce, ...(saved.baseline ? { baseline: saved.baseline } : {}) });
  } catch (error) {
    throw new PlanRefusedError('edited', `${file} has been edited: its declaration and observations do not make a plan (${(error as Error).message}); nothing was written. Plan again.`);
  }
}

/** JSON as stored: absent and undefined fields alike, so a loaded plan and a planned one compare equal. */
function comparable(value: unknown): unknown {
  return JSON.parse(canonicalJson(value));
}

/** What re-reading the org found for a saved plan. */
export type PlanCurrency = 'current' | 'already-applied';

/**
 * Re-reads every target of a saved plan. `current`: the org is as observed, apply the plan. `already-applied`:
 * it changed, but every value the plan would write is already there (the plan was applied). Otherwise
 * refuses, naming what changed, before anything is written.
 */
export async function checkPlanIsCurrent(client: WebexClient, saved: SavedPlan, options: ObserveOptions = {}): Promise<PlanCurrency> {
  const declared = saved.declared as Org[];
  const now = await observeOrgs(client, declared, options);
  const byName = (orgs: readonly ObservedOrg[]) => Object.fromEntries(orgs.map((o) => [o.name, comparable(o)]));
  const differences = jsonDifferences(byName(saved.observed as ObservedOrg[]), byName(now));
  if (differences.length === 0) return 'current';
  if (await holdsPlannedValues(client, saved.plan as Plan, options.stateDir ?? stateDirFrom())) return 'already-applied';
  throw new PlanRefusedError(
    'stale',
    `the live org changed since this plan was made (${saved.createdAt}); nothing was written. Plan again and review it. ${differences.length} changed:`,
    differences.map((d) => shownDifference(d, '', (path, planned, live) => `${path} was ${planned}, is now ${live}`)),
  );
}
