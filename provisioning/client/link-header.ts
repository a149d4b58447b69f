import type { ApiPath } from './webex-client';

/**
 * The `rel="next"` target of an RFC 8288 `Link` header, as a path on the client's own host. Webex says to
 * follow that URL verbatim (developer.webex.com/docs/basics), so its query is kept as sent. A next page on
 * another host is an Error, never followed: the request would carry the token there.
 */
export function nextPagePath(link: string | undefined, origin: string): ApiPath | Error | undefined {
  if (!link) return undefined;
  for (const [, target, params] of link.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))/i.exec(params ?? '');
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (!relations.includes('next')) continue;
    let url: URL;
    try {
      url = new URL(target ?? '', origin);
    } catch {
      return new Error(`the Link header's next page is not a URL: ${JSON.stringify(target)}`);
    }
    if (url.origin !== origin) return new Error(`the Link header's next page is on another host (${url.origin}); not followed`);
    const path = `${url.pathname}${url.search}`;
    if (!path.startsWith('/v1/') && !path.startsWith('/identity/')) return new Error(`the Link header's next page is outside the API (${url.pathname}); not followed`);
    return path as ApiPath;
  }
  return undefined;
}
