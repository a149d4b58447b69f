import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { makeDirectory } from '../../manifest/files/make-directory';

/** The lock folder inside an org's evidence folder (proper-lockfile creates it with mkdir, atomic on every file system). */
export const LOCK_NAME = '.lock';

/** A holder that died leaves its lock behind; after this long without a heartbeat it is taken over. */
const STALE_MS = 10_000;

/** Waiting for other writers: up to ~3 minutes, with jittered backoff so parallel CI jobs do not march in step. */
const RETRIES = { retries: 900, factor: 1.2, minTimeout: 5, maxTimeout: 250, randomize: true };

/** In-process queue per folder, so concurrent appends of one process wait their turn without polling the file lock. */
const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `fn` while holding the org folder's lock, across processes (proper-lockfile) and within this
 * process (a promise queue). Reading the last hash and appending happen inside, so two runs can neither
 * interleave half-lines nor both chain to the same record.
 */
export async function withOrgLock<T>(orgDir: string, fn: () => T | Promise<T>): Promise<T> {
  const previous = queues.get(orgDir) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => withFileLock(orgDir, fn));
  const tail = run.catch(() => undefined);
  queues.set(orgDir, tail);
  void tail.then(() => {
    if (queues.get(orgDir) === tail) queues.delete(orgDir);
  });
  return run;
}

async function withFileLock<T>(orgDir: string, fn: () => T | Promise<T>): Promise<T> {
  makeDirectory(orgDir, 'the evidence folder');
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lock(orgDir, {
      lockfilePath: join(orgDir, LOCK_NAME),
      realpath: false,
      stale: STALE_MS,
      retries: RETRIES,
      onCompromised: (error) => {
        compromised = error;
      },
    });
  } catch (error) {
    throw new Error(`could not lock the evidence folder ${orgDir}: ${(error as Error).message}`);
  }
  try {
    const result = await fn();
    if (compromised) throw new Error(`the lock on ${orgDir} was lost while writing (${compromised.message}); run webex-iac evidence verify`);
    return result;
  } finally {
    await release().catch(() => undefined);
  }
}
