import { asData, untrusted } from '../manifest/text';
import { RequestDeadlineError, UnexpectedResponseError } from './client/errors';
import type { ObservedOrg } from './observe';
import type { UnknownTarget } from './plan';

/**
 * Why a record could not be understood, when that is what `error` says: a body outside Cisco's spec,
 * empty or not JSON, or too large. Such a target becomes *unknown* (listed, never counted as converged)
 * and the read goes on. Any other error (no token, no scope, no network, a missed deadline) is about the
 * whole run and still aborts it: undefined.
 */
export function unreadableReason(error: unknown): string | undefined {
  if (error instanceof UnexpectedResponseError && !(error instanceof RequestDeadlineError)) return error.message;
  return undefined;
}

/** Whether the read of `setting` on the site (site-wide, or its hosts' site context) was unknown. */
export function isUnknownSiteSetting(live: ObservedOrg, siteUrl: string, setting: string): boolean {
  return (live.unknown ?? []).some((u) => u.setting === setting && u.target.kind === 'site' && u.target.siteUrl === siteUrl);
}

/** Collects the unknown targets of one org's read. */
export class UnknownTargets {
  private readonly list: UnknownTarget[] = [];

  constructor(private readonly org: string) {}

  add(target: UnknownTarget['target'], setting: string, reason: string): void {
    this.list.push({ org: this.org, target, setting, reason: untrusted(reason) });
  }

  /**
   * Runs a read of one target; a record it cannot understand makes the target unknown (undefined is
   * returned), anything else is rethrown.
   */
  async read<T>(target: UnknownTarget['target'], setting: string, read: () => Promise<T>): Promise<T | undefined> {
    try {
      return await read();
    } catch (error) {
      const reason = unreadableReason(error);
      if (reason === undefined) throw error;
      this.add(target, setting, reason);
      return undefined;
    }
  }

  /** In a stable order (reads run concurrently), so that the same org gives the same observation. */
  sorted(): UnknownTarget[] {
    const key = (u: UnknownTarget) => `${u.target.kind}\u0000${'siteUrl' in u.target ? u.target.siteUrl ?? '' : ''}\u0000${'email' in u.target ? asData(u.target.email) : ''}\u0000${u.setting}`;
    return [...this.list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
}
