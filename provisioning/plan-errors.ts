import { PlanError } from './errors';

/**
 * The errors a plan raises about one declared entry, in manifest vocabulary: which entry (its construct
 * path and manifest key, the names a person who wrote or reads the manifest knows), what failed, and how
 * to fix it. Never a construct prop name: the manifest may be hand-written.
 */
export function entryError(entry: { readonly path: string; readonly key: string; readonly where: string }, failed: string, fix: string): PlanError {
  return new PlanError(`${entry.path} (${entry.key} of ${entry.where}): ${failed}; ${fix}`);
}

/** A declared entry whose live values were not read: nothing is planned rather than a guess. */
export function notObserved(entry: { readonly path: string; readonly key: string; readonly where: string }): PlanError {
  return entryError(entry, 'was not read, so nothing can be planned for it', 'plan again from a fresh read (webex-iac plan); if it persists, the observation does not match the manifest');
}
