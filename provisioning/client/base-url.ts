import { isIP } from 'node:net';
import { ClientConfigError } from './errors';

export const DEFAULT_BASE_URL = 'https://webexapis.com';

/**
 * Checks WEBEX_BASE_URL. The token travels in every request, so plain http:// is refused unless the
 * server is on this machine (the simulator); the URL is the host root, the client adds /v1 or /identity.
 */
export function parseBaseUrl(raw: string | undefined): URL {
  const value = raw === undefined || raw.trim() === '' ? DEFAULT_BASE_URL : raw.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ClientConfigError(`WEBEX_BASE_URL must be an absolute URL such as ${DEFAULT_BASE_URL}, received: ${JSON.stringify(value)}`);
  }
  if (url.username || url.password) {
    throw new ClientConfigError('WEBEX_BASE_URL must not carry credentials; put the token in WEBEX_TOKEN');
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new ClientConfigError(`WEBEX_BASE_URL must use https:// (http:// is allowed only for loopback such as 127.0.0.1), received: ${url.origin}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ClientConfigError(`WEBEX_BASE_URL must use https://, received: ${url.protocol}`);
  }
  if (url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new ClientConfigError(`WEBEX_BASE_URL must be the host root without a path (the client adds /v1 or /identity), received: ${url.origin}${url.pathname}`);
  }
  return url;
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1';
  return false;
}
