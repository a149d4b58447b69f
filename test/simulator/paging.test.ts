import { type Page, paginate } from '../../simulator/http/paging';
import { WebexError } from '../../simulator/http/webex-error';

const LIMITS = { defaultMax: 3, maxLimit: 4 };
const ITEMS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const url = (pathAndQuery: string) => new URL(`http://127.0.0.1:4000${pathAndQuery}`);

/** The WebexError `run` throws. */
function thrownBy(run: () => unknown): WebexError {
  try {
    run();
  } catch (error) {
    if (error instanceof WebexError) {
      return error;
    }
    throw error;
  }
  throw new Error('Expected a WebexError, but nothing was thrown.');
}

/** The URL of a Link header's rel="next", per RFC 5988. */
function nextUrl(link: string | undefined): URL {
  const match = /^<([^>]+)>; rel="next"$/.exec(link ?? '');
  if (match === null) {
    throw new Error(`No rel="next" link in ${link}`);
  }
  return new URL(match[1]);
}

describe('paginate', () => {
  test('serves the default page size and links the next page', () => {
    const page = paginate(ITEMS, url('/v1/people'), LIMITS);
    expect(page.items).toEqual(['a', 'b', 'c']);
    expect(nextUrl(page.link).pathname).toBe('/v1/people');
  });

  test('walks every item exactly once by following rel="next" verbatim, keeping other parameters', () => {
    const seen: string[] = [];
    let next: URL | undefined = url('/v1/people?max=2&displayName=Dr');
    while (next !== undefined) {
      const page: Page<string> = paginate(ITEMS, next, LIMITS);
      seen.push(...page.items);
      next = page.link === undefined ? undefined : nextUrl(page.link);
      if (next !== undefined) {
        expect(next.searchParams.get('max')).toBe('2');
        expect(next.searchParams.get('displayName')).toBe('Dr');
      }
    }
    expect(seen).toEqual(ITEMS);
  });

  test('caps max at the endpoint limit silently', () => {
    expect(paginate(ITEMS, url('/v1/people?max=1000'), LIMITS).items).toHaveLength(4);
  });

  test('sends no Link header on the last page, or when everything fits', () => {
    expect(paginate(ITEMS, url('/v1/people?max=4'), { defaultMax: 3, maxLimit: 10 }).link).toBeDefined();
    expect(paginate(ITEMS, url('/v1/people?max=7'), { defaultMax: 3, maxLimit: 10 }).link).toBeUndefined();
    expect(paginate([], url('/v1/people'), LIMITS)).toEqual({ items: [] });
  });

  test.each(['0', '-1', '2.5', 'ten', ''])('fails with 400 for max=%j', (max) => {
    const error = thrownBy(() => paginate(ITEMS, url(`/v1/people?max=${max}`), LIMITS));
    expect(error.status).toBe(400);
    expect(error.descriptions).toEqual([expect.stringMatching(/^Query parameter max must be a positive integer/)]);
  });

  test('fails with 400 for a cursor it did not issue', () => {
    const error = thrownBy(() => paginate(ITEMS, url('/v1/people?cursor=bm90LWEtY3Vyc29y'), LIMITS));
    expect(error.status).toBe(400);
    expect(error.descriptions).toEqual([expect.stringMatching(/cursor/)]);
  });
});
