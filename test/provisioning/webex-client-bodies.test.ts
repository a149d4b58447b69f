import { z } from 'zod';
import { UnexpectedResponseError, WebexClient, WriteOutcomeUnknownError } from '../../provisioning';
import { startRawServer } from '../helpers/raw-server';

const TOKEN = 'test-token-bodies-51c2';
/** Every field optional, like Webex's settings: `{}` satisfies it, so an unreadable body must never become `{}`. */
const Settings = z.object({ joinBeforeHost: z.boolean().optional(), unlistAllMeetings: z.boolean().optional() });

const client = (url: string) => new WebexClient({ baseUrl: url, token: TOKEN, maxRetries: 2, sleep: async () => undefined });

/** Bodies a 2xx must never be read from: a proxy's login page, nothing at all, a document cut short. */
const UNREADABLE: { name: string; contentType?: string; body: string; reason: RegExp }[] = [
  { name: 'an HTML 200 page', contentType: 'text/html; charset=utf-8', body: '<html><body>Please sign in to the proxy</body></html>', reason: /a body that is not JSON \(content type text\/html; charset=utf-8, 53 bytes\)/ },
  { name: 'an empty 200', contentType: 'application/json', body: '', reason: /an empty body \(content type application\/json\) where a JSON body is expected/ },
  { name: 'an empty 200 without a content type', body: '', reason: /an empty body \(content type none\)/ },
  { name: 'truncated JSON', contentType: 'application/json;charset=UTF-8', body: '{"joinBeforeHost": false, "unlistAll', reason: /a body that is not valid JSON \(content type application\/json;charset=UTF-8, 36 bytes: / },
];

async function serving(body: string, contentType: string | undefined, run: (url: string, requests: { method: string }[]) => Promise<void>): Promise<void> {
  const server = await startRawServer((_req, res) => {
    res.writeHead(200, { ...(contentType ? { 'Content-Type': contentType } : {}), TrackingID: 'ROUTER_7' });
    res.end(body);
  });
  try {
    await run(server.url, server.requests);
  } finally {
    await server.close();
  }
}

describe('a 2xx whose body cannot be read is an error, never an empty object', () => {
  test.each(UNREADABLE)('a read answered with $name fails naming method, path, status, content type and trackingId', async ({ body, contentType, reason }) => {
    await serving(body, contentType, async (url, requests) => {
      const error = await client(url).get('/v1/admin/meeting/config/commonSettings', Settings, { siteUrl: 'a.webex.com' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnexpectedResponseError);
      const message = (error as Error).message;
      expect(message).toMatch(/^GET \/v1\/admin\/meeting\/config\/commonSettings\?siteUrl=a\.webex\.com answered 200 with /);
      expect(message).toMatch(reason);
      expect(message).toMatch(/\(trackingId ROUTER_7\)$/);
      expect(message).not.toContain('\n');
      expect(requests).toHaveLength(1);
    });
  });

  test.each(UNREADABLE)('a write answered with $name has an unknown outcome and is not resent', async ({ body, contentType, reason }) => {
    for (const method of ['PATCH', 'PUT'] as const) {
      await serving(body, contentType, async (url, requests) => {
        const call = method === 'PATCH' ? client(url).patch('/v1/things', { a: 1 }, Settings) : client(url).put('/v1/things', { a: 1 }, Settings);
        const error = await call.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WriteOutcomeUnknownError);
        const message = (error as Error).message;
        expect(message).toMatch(new RegExp(`^${method} /v1/things answered 200 with `));
        expect(message).toMatch(reason);
        expect(message).toMatch(/its outcome is unknown, so it was not replayed \(trackingId ROUTER_7\)$/);
        expect(requests).toHaveLength(1);
      });
    }
  });

  test('a POST answered with an HTML page has an unknown outcome too', async () => {
    await serving('<html></html>', 'text/html', async (url, requests) => {
      await expect(client(url).request('POST', '/v1/things', Settings, { body: {} })).rejects.toThrow(WriteOutcomeUnknownError);
      expect(requests).toHaveLength(1);
    });
  });

  test('a write answered with JSON that Cisco\'s spec does not allow has an unknown outcome', async () => {
    await serving('{"joinBeforeHost": "maybe"}', 'application/json', async (url) => {
      await expect(client(url).patch('/v1/things', {}, Settings)).rejects.toThrow(/^PATCH \/v1\/things answered 200 with a body Cisco's spec does not allow \(joinBeforeHost: .*its outcome is unknown/);
    });
  });

  test('a 204 has no body by definition: accepted where the operation returns none, an error where it promises one', async () => {
    const server = await startRawServer((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    try {
      await expect(client(server.url).put('/v1/things', {}, z.undefined())).resolves.toMatchObject({ data: undefined });
      await expect(client(server.url).get('/v1/things', Settings)).rejects.toThrow(/^GET \/v1\/things answered 204 with a body Cisco's spec does not allow/);
    } finally {
      await server.close();
    }
  });

  test('JSON media types with a suffix (application/scim+json) are JSON', async () => {
    await serving('{"joinBeforeHost": false}', 'application/scim+json;charset=utf-8', async (url) => {
      await expect(client(url).get('/identity/things', Settings)).resolves.toMatchObject({ data: { joinBeforeHost: false } });
    });
  });
});
