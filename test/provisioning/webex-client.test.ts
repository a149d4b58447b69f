import { z } from 'zod';
import { ClientConfigError, UnexpectedResponseError, WebexApiError, WebexClient, WriteOutcomeUnknownError } from '../../provisioning';
import { parseBaseUrl } from '../../provisioning/client/base-url';
import { startScriptedServer } from '../helpers/scripted-server';

const TOKEN = 'test-token-7f3c9d2e1b';
const Ok = z.object({ ok: z.boolean() });

function clientFor(url: string, waits: number[] = [], maxRetries = 3): WebexClient {
  return new WebexClient({ baseUrl: url, token: TOKEN, maxRetries, sleep: async (ms) => void waits.push(ms) });
}

describe('base URL', () => {
  test('defaults to https://webexapis.com', () => {
    expect(parseBaseUrl(undefined).origin).toBe('https://webexapis.com');
  });

  test('accepts plain http only on loopback', () => {
    expect(parseBaseUrl('http://127.0.0.1:8080').origin).toBe('http://127.0.0.1:8080');
    expect(parseBaseUrl('http://localhost:8080').origin).toBe('http://localhost:8080');
    expect(parseBaseUrl('http://[::1]:8080').origin).toBe('http://[::1]:8080');
  });

  test('fails for plain http to another host', () => {
    expect(() => parseBaseUrl('http://webexapis.com')).toThrow(/must use https:\/\/ .*received: http:\/\/webexapis.com/);
    expect(() => parseBaseUrl('http://10.0.0.5')).toThrow(ClientConfigError);
  });

  test('fails for a path, credentials or garbage', () => {
    expect(() => parseBaseUrl('https://webexapis.com/v1')).toThrow(/without a path/);
    expect(() => parseBaseUrl('https://user:pw@webexapis.com')).toThrow(/credentials/);
    expect(() => parseBaseUrl('not a url')).toThrow(/absolute URL/);
  });
});

describe('WebexClient', () => {
  test('fails without a token', () => {
    expect(() => new WebexClient({ token: '' })).toThrow(/WEBEX_TOKEN is not set/);
    expect(() => new WebexClient({ token: 'Bearer abc' })).toThrow(/bare access token/);
  });

  test('sends the bearer token, a TrackingID and JSON, and parses the answer', async () => {
    const server = await startScriptedServer([{ status: 200, body: { ok: true }, headers: { TrackingID: 'SERVER_1' } }]);
    try {
      const result = await clientFor(server.url).patch('/v1/things', { a: 1 }, Ok, { siteUrl: 'x.webex.com' });
      expect(result).toEqual({ data: { ok: true }, trackingId: 'SERVER_1' });
      const [request] = server.received;
      expect(request!.method).toBe('PATCH');
      expect(request!.url).toBe('/v1/things?siteUrl=x.webex.com');
      expect(request!.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(request!.headers.trackingid).toMatch(/^WEBEX_IAC_[0-9a-f-]{36}$/);
      expect(request!.headers['content-type']).toBe('application/json');
      expect(request!.body).toEqual({ a: 1 });
    } finally {
      await server.close();
    }
  });

  test('retries 429 honouring Retry-After, then succeeds', async () => {
    const server = await startScriptedServer([
      { status: 429, headers: { 'Retry-After': '2' }, body: { message: 'slow down', trackingId: 'T1' } },
      { status: 429, headers: { 'Retry-After': '1' }, body: { message: 'slow down', trackingId: 'T2' } },
      { status: 200, body: { ok: true } },
    ]);
    const waits: number[] = [];
    try {
      await expect(clientFor(server.url, waits).get('/v1/things', Ok)).resolves.toMatchObject({ data: { ok: true } });
      expect(waits).toEqual([2000, 1000]);
      expect(server.received).toHaveLength(3);
    } finally {
      await server.close();
    }
  });

  test('retries a write after 429 and 503, which mean it was not processed', async () => {
    const server = await startScriptedServer([
      { status: 503, headers: { 'Retry-After': '1' } },
      { status: 429 },
      { status: 200, body: { ok: true } },
    ]);
    const waits: number[] = [];
    try {
      await clientFor(server.url, waits).put('/v1/things', {}, Ok);
      expect(waits).toEqual([1000, 5000]);
    } finally {
      await server.close();
    }
  });

  test('fails with a clear error after a bounded number of retries', async () => {
    const throttled = { status: 429, headers: { 'Retry-After': '1' }, body: { message: 'Too many requests', trackingId: 'WX_9' } };
    const server = await startScriptedServer([throttled, throttled, throttled]);
    try {
      const error = await clientFor(server.url, [], 2).get('/v1/things', Ok).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebexApiError);
      expect((error as Error).message).toBe('GET /v1/things answered 429: Too many requests (gave up after 3 attempts) (trackingId WX_9)');
      expect(server.received).toHaveLength(3);
    } finally {
      await server.close();
    }
  });

  test('shows Webex message, error descriptions and trackingId, and never the token', async () => {
    const server = await startScriptedServer([
      { status: 400, body: { message: `bad value ${TOKEN}`, errors: [{ description: 'minLength must be at most 12' }], trackingId: 'WX_400' } },
    ]);
    try {
      const error = (await clientFor(server.url).patch('/v1/things', {}, Ok).catch((e: unknown) => e)) as WebexApiError;
      expect(error.message).toBe('PATCH /v1/things answered 400: bad value ***; minLength must be at most 12 (trackingId WX_400)');
      expect(error.status).toBe(400);
      expect(error.trackingId).toBe('WX_400');
      expect(JSON.stringify(error)).not.toContain(TOKEN);
    } finally {
      await server.close();
    }
  });

  test('does not retry other client errors', async () => {
    const server = await startScriptedServer([{ status: 403, body: { message: 'missing scope', trackingId: 'WX_403' } }]);
    try {
      await expect(clientFor(server.url).get('/v1/things', Ok)).rejects.toThrow(/answered 403: missing scope/);
      expect(server.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  test('never replays a write whose connection dropped', async () => {
    const server = await startScriptedServer([{ status: 0, drop: true }, { status: 200, body: { ok: true } }]);
    try {
      const error = await clientFor(server.url).patch('/v1/things', { a: 1 }, Ok).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WriteOutcomeUnknownError);
      expect((error as Error).message).toMatch(/outcome is unknown, so it was not replayed/);
      expect(server.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  test('retries a read whose connection dropped', async () => {
    const server = await startScriptedServer([{ status: 0, drop: true }, { status: 200, body: { ok: true } }]);
    try {
      await expect(clientFor(server.url).get('/v1/things', Ok)).resolves.toMatchObject({ data: { ok: true } });
      expect(server.received).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  test('rejects a success body that does not match the expected schema', async () => {
    const server = await startScriptedServer([{ status: 200, body: { ok: 'yes' } }]);
    try {
      await expect(clientFor(server.url).get('/v1/things', Ok)).rejects.toThrow(UnexpectedResponseError);
    } finally {
      await server.close();
    }
  });
});
