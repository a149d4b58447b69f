import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Every write request that may reach Webex, as the client sends it: one per attempt (a retry is a new
 * request with a TrackingID of its own). The evidence journal watches them so that the log names every
 * write Webex may have served, the auxiliary ones (the default-site switches around a site PATCH, an
 * undo) as well as the change itself.
 */
export interface WriteRequest {
  readonly method: string;
  /** Path and query, e.g. `/v1/meetingPreferences/sites?defaultSite=true`. */
  readonly path: string;
  /** The TrackingID the client sends with it (Webex's admin audit trail lists writes by it). */
  readonly trackingId: string;
  /** Why it is sent, when it is not the change's own write: e.g. `default-site switch`. */
  readonly purpose?: string;
}

/** What became of one request, as the client saw its answer. */
export type WriteRequestOutcome = 'applied' | 'failed' | 'unknown';

export interface WriteWatcher {
  /**
   * Called before the request is sent; the client waits for it, so that a record of the request exists
   * before Webex can serve it (a kill right after the send still leaves it named). Throwing stops the
   * request: nothing is sent.
   */
  sending(request: WriteRequest): Promise<void>;
  /** Called once the request's outcome is known: `applied` (2xx understood), `failed` (refused, not applied), `unknown`. */
  settled(request: WriteRequest, outcome: WriteRequestOutcome, detail?: string): void;
}

interface Scope {
  readonly watcher?: WriteWatcher;
  readonly purpose?: string;
}

const scopes = new AsyncLocalStorage<Scope>();

/** Runs `work` with `watcher` told of every write request the client sends for it. */
export function watchWrites<T>(watcher: WriteWatcher | undefined, work: () => Promise<T>): Promise<T> {
  if (watcher === undefined) return work();
  return scopes.run({ watcher }, work);
}

/** Runs `work` with its write requests labelled `purpose` (for the record: what an auxiliary write is for). */
export function writesFor<T>(purpose: string, work: () => Promise<T>): Promise<T> {
  const scope = scopes.getStore();
  if (scope?.watcher === undefined) return work();
  return scopes.run({ ...scope, purpose }, work);
}

/** The watcher and purpose of the work running now, if any. */
export function currentWriteScope(): Scope | undefined {
  return scopes.getStore();
}

/** Tells several watchers of the same requests; `sending` waits for all of them. */
export function bothWatchers(first: WriteWatcher, second: WriteWatcher | undefined): WriteWatcher {
  if (second === undefined) return first;
  return {
    sending: async (request) => {
      await Promise.all([first.sending(request), second.sending(request)]);
    },
    settled: (request, outcome, detail) => {
      first.settled(request, outcome, detail);
      second.settled(request, outcome, detail);
    },
  };
}
