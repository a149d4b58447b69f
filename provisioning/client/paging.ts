import { z } from 'zod';
import { UnexpectedResponseError } from './errors';
import { ApiPath, Query, WebexClient } from './webex-client';

/** One page of a list: its items and the trackingId of the response that carried them. */
export interface ListPage<T> {
  readonly items: T[];
  readonly trackingId: string;
}

/** A guard against a server whose next link never ends; far beyond any real list. */
const MAX_PAGES = 100_000;

/**
 * Every page of a Webex list that pages with `Link: <…>; rel="next"`: the first request with `query`, then
 * each next URL verbatim until a response has no next link.
 */
export async function* linkPages<S extends z.ZodType<{ items: unknown[] }>>(
  client: WebexClient,
  path: ApiPath,
  schema: S,
  query?: Query,
): AsyncGenerator<ListPage<z.infer<S>['items'][number]>> {
  const seen = new Set<string>();
  let next: ApiPath | undefined = path;
  let first = true;
  while (next !== undefined) {
    if (seen.has(next) || seen.size >= MAX_PAGES) throw new UnexpectedResponseError(`GET ${path}: the Link header leads back to a page already read (${next}); the list does not end`);
    seen.add(next);
    const result: Awaited<ReturnType<typeof client.get<S>>> = await client.get(next, schema, first ? query : undefined);
    first = false;
    yield { items: result.data.items, trackingId: result.trackingId };
    next = result.next;
  }
}
