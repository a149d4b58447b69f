import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lock } from 'proper-lockfile';
import { z } from 'zod';

/**
 * The token user's default Meetings site is one value shared by every process using that user's token,
 * and the commonSettings PATCH may follow it. Every webex-iac run that writes site settings therefore
 * takes this lock, per user and Webex host, across processes: one file lock in a folder of the machine
 * (not of the project, so two checkouts exclude each other too). Beside it, a holder record says who
 * holds it and whether the default site is switched right now, so a run that finds a dead holder's
 * switch puts the default back before anything else.
 */

/** The lock of a holder that stopped without releasing it (killed) is taken over after this long. */
const STALE_MS = 10_000;
/** How long a run waits for another run's site write before refusing. */
export const DEFAULT_LOCK_WAIT_MS = 5 * 60_000;

const HolderSchema = z.object({
  pid: z.number(),
  host: z.string(),
  since: z.string(),
  user: z.string(),
  baseUrl: z.string(),
  /** Set while the default site is switched away from `from`; cleared once it is back. */
  switched: z.object({ from: z.string(), to: z.string() }).optional(),
});
export type LockHolder = z.infer<typeof HolderSchema>;

export interface DefaultSiteLockKey {
  readonly baseUrl: string;
  /** The token's person id (GET /v1/people/me): the default site is per user. */
  readonly personId: string;
  /** For messages only. */
  readonly user: string;
}

export interface DefaultSiteLockOptions {
  /** @default WEBEX_IAC_LOCK_DIR, else webex-iac-locks-<uid> in the system's temp folder */
  readonly dir?: string;
  /** @default DEFAULT_LOCK_WAIT_MS */
  readonly waitMs?: number;
}

/** What a holder may do with the record beside its lock. */
export interface HeldDefaultSiteLock {
  /** A switch left behind by a holder that died; the caller puts the default back first. */
  readonly leftSwitched?: { from: string; to: string };
  /** Records, before the switch is sent, that the default is about to move from `from` to `to`. */
  switching(from: string, to: string): void;
  /** Records that the default site is back where it was. */
  restored(): void;
}

export class DefaultSiteLockError extends Error {
  override readonly name = 'DefaultSiteLockError';
}

/** The lock folder: WEBEX_IAC_LOCK_DIR, else one per OS user in the system's temp folder. */
export function lockDirFrom(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.WEBEX_IAC_LOCK_DIR?.trim();
  if (configured) return resolve(configured);
  const uid = typeof process.getuid === 'function' ? String(process.getuid()) : 'user';
  return join(tmpdir(), `webex-iac-locks-${uid}`);
}

/**
 * Switches left behind at `baseUrl` by runs that stopped mid-write (killed, or their restore failed), as
 * the holder records beside the locks say, without taking any lock: the cheap check an apply makes first.
 */
export function leftSwitches(baseUrl: string, options: DefaultSiteLockOptions = {}): { user: string; from: string; to: string }[] {
  const dir = options.dir ?? lockDirFrom();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /^default-site-[0-9a-f]{32}\.holder\.json$/.test(name))
    .map((name) => readHolder(join(dir, name)))
    .filter((holder): holder is LockHolder & { switched: { from: string; to: string } } => holder?.baseUrl === baseUrl && holder.switched !== undefined)
    .map((holder) => ({ user: holder.user, ...holder.switched }));
}

/** Runs `fn` holding the default-site lock of `key`; waits for another holder up to `waitMs`, then refuses. */
export async function withDefaultSiteLock<T>(key: DefaultSiteLockKey, fn: (held: HeldDefaultSiteLock) => Promise<T>, options: DefaultSiteLockOptions = {}): Promise<T> {
  const dir = options.dir ?? lockDirFrom();
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new DefaultSiteLockError(`cannot create the lock folder ${dir} (${(error as Error).message}); set WEBEX_IAC_LOCK_DIR to a writable folder`);
  }
  requirePrivateFolder(dir);
  const name = `default-site-${createHash('sha256').update(`${key.baseUrl}\n${key.personId}`).digest('hex').slice(0, 32)}`;
  const lockPath = join(dir, `${name}.lock`);
  const holderPath = join(dir, `${name}.holder.json`);
  const release = await acquire(lockPath, holderPath, key, options.waitMs ?? DEFAULT_LOCK_WAIT_MS);
  let compromised: Error | undefined;
  release.onCompromised((error) => (compromised = error));
  try {
    const left = readHolder(holderPath)?.switched;
    const mine: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), user: key.user, baseUrl: key.baseUrl, ...(left ? { switched: left } : {}) };
    writeHolder(holderPath, mine);
    const held: HeldDefaultSiteLock = {
      ...(left ? { leftSwitched: left } : {}),
      switching: (from, to) => writeHolder(holderPath, { ...mine, switched: { from, to } }),
      restored: () => writeHolder(holderPath, { ...mine, switched: undefined }),
    };
    const result = await fn(held);
    if (compromised) throw new DefaultSiteLockError(`the default-site lock ${lockPath} was lost during the write (${compromised.message}); check the default site of ${key.user}`);
    return result;
  } finally {
    // A switch still marked in the record (the default could not be put back) stays for the next holder to recover.
    if (readHolder(holderPath)?.switched === undefined) rmSync(holderPath, { force: true });
    await release.release();
  }
}

/** Locks this process holds right now, so that its own queued writes are not refused for waiting on each other. */
const heldHere = new Set<string>();

interface Release {
  release(): Promise<void>;
  onCompromised(handler: (error: Error) => void): void;
}

async function acquire(lockPath: string, holderPath: string, key: DefaultSiteLockKey, waitMs: number): Promise<Release> {
  const deadline = Date.now() + waitMs;
  let handler: (error: Error) => void = () => undefined;
  for (;;) {
    try {
      const release = await lock(lockPath, { lockfilePath: lockPath, realpath: false, stale: STALE_MS, retries: 0, onCompromised: (error) => handler(error) });
      heldHere.add(lockPath);
      return {
        release: async () => {
          await release().catch(() => undefined);
          heldHere.delete(lockPath);
        },
        onCompromised: (h) => (handler = h),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
        throw new DefaultSiteLockError(`cannot take the default-site lock ${lockPath}: ${(error as Error).message}`);
      }
    }
    // Writes of this same run queue here too (one per site): only another run's hold counts against the wait.
    if (Date.now() >= deadline && !heldHere.has(lockPath)) throw new DefaultSiteLockError(refusal(holderPath, lockPath, key, waitMs));
    // Jittered, so that CI jobs started together do not retry in step.
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
  }
}

function refusal(holderPath: string, lockPath: string, key: DefaultSiteLockKey, waitMs: number): string {
  const holder = readHolder(holderPath);
  const who = holder ? `since ${holder.since} (pid ${holder.pid} on ${holder.host})` : '(holder unknown)';
  return (
    `another webex-iac run holds the default-site lock of ${key.user} at ${key.baseUrl} ${who}; waited ${Math.round(waitMs / 1000)} s. ` +
    `Site settings are written through that user's default site, one write at a time: let that run finish, or remove ${lockPath} if it is gone`
  );
}

/**
 * The default folder is in the shared temp folder: refuse one that another user could have planted (a
 * link, someone else's, or writable by others), since the record in it decides where the default goes.
 */
function requirePrivateFolder(dir: string): void {
  const stat = lstatSync(dir);
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const problem = stat.isSymbolicLink()
    ? 'is a symbolic link'
    : !stat.isDirectory()
      ? 'is not a folder'
      : uid !== undefined && stat.uid !== uid
        ? `belongs to another user (uid ${stat.uid})`
        : (stat.mode & 0o002) !== 0
          ? 'is writable by other users'
          : undefined;
  if (problem !== undefined) {
    throw new DefaultSiteLockError(`the lock folder ${dir} ${problem}; remove it, or set WEBEX_IAC_LOCK_DIR to a folder of your own`);
  }
}

function readHolder(path: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = HolderSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function writeHolder(path: string, holder: LockHolder): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(holder)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}
