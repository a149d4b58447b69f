import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, parse, resolve } from 'node:path';
import { PlanError } from '../errors';

/** The file that marks a webex-iac (cdktf) project's root folder. */
export const PROJECT_FILE = 'cdktf.json';
/** Where the write-only state lives below the project root. */
export const STATE_DIR_IN_PROJECT = join('.webex-iac', 'state');

export interface StateDirInputs {
  readonly env?: NodeJS.ProcessEnv;
  /** The working folder; only a fallback, and the anchor when no manifest is named. */
  readonly cwd?: string;
  /** The manifests the command reads (`--manifest`); absent: the command works from `cwd`. */
  readonly manifests?: readonly string[];
}

/**
 * The one state folder of a run, found the same way by every command from every working folder, so that
 * a Terraform-driven apply (run in cdktf.out/stacks/<stack>) and a later plan from the repository root
 * agree on what was last enforced:
 * - `WEBEX_IAC_STATE_DIR`, when set (a relative path is taken from the project root);
 * - else `.webex-iac/state` in the project root: the nearest folder at or above each manifest (or the
 *   working folder, when no manifest is named) that holds cdktf.json;
 * - a manifest outside any project keeps its state beside it.
 * Manifests of different projects in one run are refused: their records would be split or mixed.
 */
export function resolveStateDir(inputs: StateDirInputs = {}): string {
  const env = inputs.env ?? process.env;
  const cwd = inputs.cwd ?? process.cwd();
  const anchors = inputs.manifests && inputs.manifests.length > 0 ? inputs.manifests.map((m) => resolve(cwd, m)) : [];
  const roots = anchors.length > 0 ? anchors.map((manifest) => projectRootOf(dirname(manifest)) ?? dirname(manifest)) : [projectRootOf(cwd) ?? cwd];
  const distinct = [...new Set(roots)];
  const configured = env.WEBEX_IAC_STATE_DIR?.trim();
  if (configured && isAbsolute(configured)) return resolve(configured);
  if (distinct.length > 1) {
    throw new PlanError(`the manifests belong to different projects (${distinct.join(', ')}), whose write-only state is kept apart; run them separately or set WEBEX_IAC_STATE_DIR to an absolute path`);
  }
  return resolve(distinct[0]!, configured ? configured : STATE_DIR_IN_PROJECT);
}

/** The nearest folder at or above `folder` that holds cdktf.json; undefined when none does. */
export function projectRootOf(folder: string): string | undefined {
  let current = resolve(folder);
  const { root } = parse(current);
  for (;;) {
    const marker = join(current, PROJECT_FILE);
    if (existsSync(marker) && statSync(marker).isFile()) return current;
    if (current === root) return undefined;
    current = dirname(current);
  }
}
