import type { WebexClient } from './client/webex-client';

/**
 * Fan-out of fleet work (per-host reads, per-target writes): how many work items are started at once.
 * It does not bound HTTP: every request waits in its token's scheduler (client/request-scheduler.ts),
 * which owns the ceiling, the pace and the pauses after a 429. The fan-out only has to keep that
 * scheduler supplied, so it is a few times its ceiling; items are cheap while they wait.
 */

/** Work items started at once when the caller names no number. */
export const DEFAULT_CONCURRENCY = 64;

/** Work items to start at once for `client`: enough to keep its scheduler's window full. */
export function taskFanOut(client: WebexClient): number {
  return Math.max(DEFAULT_CONCURRENCY, 4 * client.scheduler.ceiling);
}

/**
 * Runs `task` for every item of `source` with at most `limit` tasks at a time. Items are pulled from the
 * source only when a worker is free, so an async source (people pages) streams: the next page is not
 * requested before the items already fetched are being worked on. After the first failure no new task
 * starts; tasks already running finish, then the first error is thrown.
 */
export async function forEachConcurrent<T>(
  source: Iterable<T> | AsyncIterable<T>,
  task: (item: T, index: number) => Promise<void>,
  limit: number = DEFAULT_CONCURRENCY,
): Promise<void> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`concurrency must be a positive integer, received: ${limit}`);
  const iterator = Symbol.asyncIterator in source ? (source as AsyncIterable<T>)[Symbol.asyncIterator]() : toAsync((source as Iterable<T>)[Symbol.iterator]());
  let failed: { error: unknown } | undefined;
  let index = 0;
  // One pull at a time, numbered in the order the source yields: workers share the iterator safely.
  let chain: Promise<unknown> = Promise.resolve();
  const next = (): Promise<{ item: IteratorResult<T>; position: number }> => {
    const pulled = chain.then(async () => ({ item: await iterator.next(), position: index++ }));
    chain = pulled.catch(() => undefined);
    return pulled;
  };
  const worker = async (): Promise<void> => {
    while (failed === undefined) {
      const { item, position } = await next();
      if (item.done) return;
      try {
        await task(item.value, position);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  const workers = Array.from({ length: limit }, () =>
    worker().catch((error: unknown) => {
      failed ??= { error };
    }),
  );
  await Promise.all(workers);
  if (failed !== undefined) {
    await iterator.return?.();
    throw failed.error;
  }
}

/** Every item of `items` mapped by `task` with bounded concurrency, results in input order. */
export async function mapConcurrent<T, R>(items: readonly T[], task: (item: T, index: number) => Promise<R>, limit: number = DEFAULT_CONCURRENCY): Promise<R[]> {
  const results = new Array<R>(items.length);
  await forEachConcurrent(items, async (item, i) => {
    results[i] = await task(item, i);
  }, limit);
  return results;
}

function toAsync<T>(iterator: Iterator<T>): AsyncIterator<T> {
  return { next: async () => iterator.next() };
}
