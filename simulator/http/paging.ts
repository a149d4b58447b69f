import { badRequest } from './webex-error';

/** An endpoint's page sizes: used when `max` is absent, and the silent cap above which `max` is cut. */
export interface PagingLimits {
  defaultMax: number;
  maxLimit: number;
}

export interface Page<T> {
  items: T[];
  /** The `Link` header value, present only when more items follow. */
  link?: string;
}

/** Opaque position marker carried by the next-page URL, as Webex's own `cursor` is. */
const CURSOR_PARAM = 'cursor';

/**
 * Cuts one page out of `items` the way Webex pages lists (developer.webex.com/docs/basics): `max` sets
 * the page size, a `max` above the endpoint's limit is capped silently, and an RFC 5988
 * `Link: <url>; rel="next"` header points to the rest. Clients must follow that URL verbatim, so every
 * other query parameter of the request is carried over unchanged.
 *
 * @param requestUrl the absolute URL of the request being answered
 */
export function paginate<T>(items: readonly T[], requestUrl: URL, limits: PagingLimits): Page<T> {
  const pageSize = Math.min(readMax(requestUrl.searchParams, limits.defaultMax), limits.maxLimit);
  const offset = readCursor(requestUrl.searchParams);
  const page = items.slice(offset, offset + pageSize);
  const nextOffset = offset + page.length;
  if (nextOffset >= items.length) {
    return { items: page };
  }
  const next = new URL(requestUrl.href);
  next.searchParams.set(CURSOR_PARAM, encodeCursor(nextOffset));
  return { items: page, link: `<${next.href}>; rel="next"` };
}

function readMax(query: URLSearchParams, defaultMax: number): number {
  const raw = query.get('max');
  if (raw === null) {
    return defaultMax;
  }
  const max = Number(raw);
  if (!/^\d+$/.test(raw) || max < 1) {
    throw badRequest([`Query parameter max must be a positive integer; received ${JSON.stringify(raw)}.`]);
  }
  return max;
}

function readCursor(query: URLSearchParams): number {
  const raw = query.get(CURSOR_PARAM);
  if (raw === null) {
    return 0;
  }
  const match = /^offset:(\d+)$/.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  if (match === null) {
    throw badRequest([`Query parameter ${CURSOR_PARAM} is not a cursor this server issued.`]);
  }
  return Number(match[1]);
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');
}

/** The response headers of a page: `Link` when more items follow. */
export function pageHeaders(page: Page<unknown>): Record<string, string> {
  return page.link === undefined ? {} : { Link: page.link };
}
