import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { fileSystemError, FileSystemError } from '../manifest/files/file-system-error';
import { readJsonText } from '../manifest/files/read-json-text';
import { dirname, join, basename } from 'node:path';
import { z } from 'zod';
import { canonicalJson, ManifestError, OrgSchema } from '../manifest';
import { WebexClient } from './client/webex-client';
import { observeOrgs } from './engine';
import { PlanError } from './errors';
import { jsonDifferences } from './json-differences';
import { ObservedOrg, ObserveOptions } from './observe';
import { observedHash } from './observed-hash';
import { Plan, PLAN_FORMAT_VERSION } from './plan';

export const SAVED_PLAN_KIND = 'webex-iac-plan';

/**
 * A plan saved with `plan --out`: the plan, the declaration it was made from, and everything it observed
 * (never a token or a PIN: neither is ever part of observed values). `apply plan.json` re-reads the same
 * targets and refuses the plan when anything observed has changed.
 */
export interface SavedPlan {
  readonly kind: typeof SAVED_PLAN_KIND;
  readonly formatVersion: typeof PLAN_FORMAT_VERSION;
  readonly toolVersion: string;
  readonly createdAt: string;
  readonly declared: z.infer<typeof OrgSchema>[];
  readonly observed: ObservedOrg[];
  readonly plan: Plan;
}

const ChangeShape = z.looseObject({
  org: z.string(),
  target: z.looseObject({ kind: z.string() }),
  setting: z.string(),
  action: z.string(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
});

const SavedPlanShape = z.object({
  kind: z.literal(SAVED_PLAN_KIND),
  formatVersion: z.literal(PLAN_FORMAT_VERSION),
  toolVersion: z.string(),
  createdAt: z.string(),
  declared: z.array(OrgSchema),
  observed: z.array(z.looseObject({ name: z.string() })),
  plan: z.looseObject({ formatVersion: z.literal(PLAN_FORMAT_VERSION), observedHash: z.string(), changes: z.array(ChangeShape) }),
});

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
    writeSync(fd, canonicalJson(saved));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

export function loadSavedPlan(file: string): SavedPlan {
  let data: unknown;
  try {
    data = JSON.parse(readJsonText(file, 'saved plan'));
  } catch (error) {
    if (error instanceof FileSystemError) throw new ManifestError(error.message);
    throw new ManifestError(`cannot read saved plan ${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = SavedPlanShape.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ManifestError(`${file} is not a webex-iac saved plan of format ${PLAN_FORMAT_VERSION}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const saved = parsed.data as unknown as SavedPlan;
  if (observedHash(saved.observed) !== saved.plan.observedHash) {
    throw new ManifestError(`${file} has been edited: its observed state no longer matches the hash recorded when it was planned`);
  }
  return saved;
}

/**
 * Re-reads every target of a saved plan; refuses, naming what changed, when the live org is not what
 * the plan was made from. Returns normally only when the plan can be applied exactly as reviewed.
 */
export async function assertPlanIsCurrent(client: WebexClient, saved: SavedPlan, options: ObserveOptions = {}): Promise<void> {
  const now = await observeOrgs(client, saved.declared, options);
  if (observedHash(now) === saved.plan.observedHash) return;
  const byName = (orgs: readonly ObservedOrg[]) => Object.fromEntries(orgs.map((o) => [o.name, o]));
  const changed = jsonDifferences(byName(saved.observed), byName(now));
  throw new PlanError(`the live org changed since this plan was made (${saved.createdAt}); nothing was written. Run plan again and review it. Changed: ${changed.join('; ')}`);
}
