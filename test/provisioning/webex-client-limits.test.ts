import { z } from 'zod';
import { clientFromEnvironment, RequestDeadlineError, ResponseTooLargeError, WebexClient, WriteOutcomeUnknownError } from '../../provisioning';
import { requestDeadlineFromEnvironment, maxResponseBytesFromEnvironment } from '../../provisioning/client/request-limits';
import { startRawServer } from '../helpers/raw-server';

const TOKEN = 'test-token-limits-90ab';
const Any = z.object({ items: z.array(z.unknown()).optional() });

function client(url: string, options: { timeoutMs?: number; maxResponseBytes?: number } = {}): WebexClient {
  return new WebexClient({ baseUrl: url, token: TOKEN, maxRetries: 3, sleep: async () => undefined, timeoutMs: 300, ...options });
}

/** Answers 200 at once, then one byte of a JSON body per second: each byte resets any idle timer. */
function dripper() {
  const timers = new Set<NodeJS.Timeout>();
  const server = startRawServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const body = '{"items": []}                                        ';
    let sent = 0;
    const timer = setInterval(() => {
      if (res.destroyed || sent >= body.length) {
        clearInterval(timer);
        timers.delete(timer);
        if (!res.destroyed) res.end();
        return;
      }
      res.write(body[sent++]);
    }, 1000);
    timers.add(timer);
    res.write(body[sent++]);
  });
  return { server, stop: () => timers.forEach((t) => clearInterval(t)) };
}

describe('every request has an overall deadline', () => {
  test('a server that drips one byte a second fails a read within the deadline, with one line', async () => {
    const { server: started, stop } = dripper();
    const server = await started;
    try {
      const error = await client(server.url).get('/v1/people', Any).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestDeadlineError);
      expect((error as Error).message).toMatch(/^GET \/v1\/people answered 200 with a body that did not arrive in full within the 300 ms deadline \(WEBEX_IAC_REQUEST_TIMEOUT\) \(trackingId WEBEX_IAC_[0-9a-f-]+\)$/);
      expect(server.requests).toHaveLength(1);
    } finally {
      stop();
      await server.close();
    }
  });

  test('a server that never answers fails a read once, not once per retry', async () => {
    const server = await startRawServer(() => undefined);
    try {
      const error = await client(server.url).get('/v1/people', Any).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestDeadlineError);
      expect((error as Error).message).toMatch(/^GET \/v1\/people failed: no answer within the 300 ms deadline \(WEBEX_IAC_REQUEST_TIMEOUT\)/);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  test('a write that gets no answer within the deadline has an unknown outcome and is not resent', async () => {
    const server = await startRawServer(() => undefined);
    try {
      const error = await client(server.url).patch('/v1/things', { a: 1 }, Any).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WriteOutcomeUnknownError);
      expect((error as Error).message).toMatch(/^PATCH \/v1\/things was sent but no answer came back \(no answer within the 300 ms deadline\); its outcome is unknown/);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  test('a write whose answer drips has an unknown outcome', async () => {
    const { server: started, stop } = dripper();
    const server = await started;
    try {
      await expect(client(server.url).put('/v1/things', {}, Any)).rejects.toThrow(/^PUT \/v1\/things answered 200 with a body that did not arrive in full within the 300 ms deadline.*its outcome is unknown/);
      expect(server.requests).toHaveLength(1);
    } finally {
      stop();
      await server.close();
    }
  });
});

describe('response bodies are capped', () => {
  const big = `{"items": [${Array.from({ length: 2000 }, () => '"xxxxxxxxxxxxxxxx"').join(',')}]}`;

  test('a body whose Content-Length passes the cap is refused before it is read, and never fetched again', async () => {
    const server = await startRawServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(big)) });
      res.end(big);
    });
    try {
      const error = await client(server.url, { maxResponseBytes: 4096 }).get('/v1/people', Any).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect((error as Error).message).toMatch(/^GET \/v1\/people answered 200 with a body larger than the 4 KiB limit \(37\.1 KiB or more; WEBEX_IAC_MAX_RESPONSE_MIB\) \(trackingId /);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  test('a chunked body is cut off once it passes the cap, and never fetched again', async () => {
    const server = await startRawServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      for (let i = 0; i < big.length; i += 1000) res.write(big.slice(i, i + 1000));
      res.end();
    });
    try {
      await expect(client(server.url, { maxResponseBytes: 4096 }).get('/v1/people', Any)).rejects.toThrow(ResponseTooLargeError);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  test('an oversized answer to a write has an unknown outcome and is not resent', async () => {
    const server = await startRawServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(big);
    });
    try {
      await expect(client(server.url, { maxResponseBytes: 4096 }).patch('/v1/things', {}, Any)).rejects.toThrow(/^PATCH \/v1\/things answered 200 with a body larger than the 4 KiB limit.*its outcome is unknown/);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  test('an oversized error answer is not retried either', async () => {
    const server = await startRawServer((_req, res) => {
      res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '0' });
      res.end(big);
    });
    try {
      await expect(client(server.url, { maxResponseBytes: 4096 }).get('/v1/people', Any)).rejects.toThrow(/answered 503 with a body larger than the 4 KiB limit/);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('deadline and cap from the environment', () => {
  test('WEBEX_IAC_REQUEST_TIMEOUT is seconds; WEBEX_IAC_MAX_RESPONSE_MIB mebibytes; anything else is a one-line error', () => {
    expect(requestDeadlineFromEnvironment({})).toBeUndefined();
    expect(requestDeadlineFromEnvironment({ WEBEX_IAC_REQUEST_TIMEOUT: '0.3' })).toBe(300);
    expect(requestDeadlineFromEnvironment({ WEBEX_IAC_REQUEST_TIMEOUT: '90' })).toBe(90_000);
    for (const bad of ['0', '-1', 'abc', '1e3', '3601']) {
      expect(() => requestDeadlineFromEnvironment({ WEBEX_IAC_REQUEST_TIMEOUT: bad })).toThrow(/^WEBEX_IAC_REQUEST_TIMEOUT must be a number of seconds above 0 and at most 3600, received: /);
    }
    expect(maxResponseBytesFromEnvironment({ WEBEX_IAC_MAX_RESPONSE_MIB: '8' })).toBe(8 * 1024 * 1024);
    expect(() => maxResponseBytesFromEnvironment({ WEBEX_IAC_MAX_RESPONSE_MIB: '0.5' })).toThrow(/^WEBEX_IAC_MAX_RESPONSE_MIB must be an integer from 1 to 4096/);
  });

  test('clientFromEnvironment applies WEBEX_IAC_REQUEST_TIMEOUT to every request', async () => {
    const server = await startRawServer(() => undefined);
    try {
      const fromEnv = await clientFromEnvironment({ WEBEX_TOKEN: TOKEN, WEBEX_BASE_URL: server.url, WEBEX_IAC_REQUEST_TIMEOUT: '0.3' });
      await expect(fromEnv.get('/v1/people', Any)).rejects.toThrow(/no answer within the 300 ms deadline/);
    } finally {
      await server.close();
    }
  });
});
