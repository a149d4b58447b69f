import { createServer, IncomingMessage, request, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ProxyRules {
  /** Answers a request itself (returns true when it did), instead of forwarding it. */
  readonly intercept?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Rewrites the upstream's body of a forwarded answer; undefined keeps it as it was. */
  readonly rewrite?: (req: IncomingMessage, body: string) => string | undefined;
  /** Rewrites the upstream's headers of a forwarded answer (e.g. a trackingid no simulator would send). */
  readonly headers?: (req: IncomingMessage, headers: IncomingMessage['headers']) => IncomingMessage['headers'];
}

/**
 * A proxy on 127.0.0.1 in front of another local server (the simulator): forwards every request as is,
 * except those a rule answers or rewrites — what a misbehaving corporate proxy or gateway, or a live
 * Webex record the simulator never produces, does to one endpoint.
 */
export async function startRewritingProxy(upstream: string, rules: ProxyRules | ((req: IncomingMessage, res: ServerResponse) => boolean)): Promise<{ url: string; close(): Promise<void> }> {
  const { intercept, rewrite, headers } = typeof rules === 'function' ? { intercept: rules, rewrite: undefined, headers: undefined } : rules;
  const target = new URL(upstream);
  const server = createServer((req, res) => {
    if (intercept?.(req, res)) {
      req.resume();
      return;
    }
    const forward = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      const answerHeaders = headers ? headers(req, answer.headers) : answer.headers;
      if (!rewrite) {
        res.writeHead(answer.statusCode ?? 502, answerHeaders);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const original = Buffer.concat(chunks).toString('utf8');
        const body = rewrite(req, original) ?? original;
        res.writeHead(answer.statusCode ?? 502, { ...answerHeaders, 'content-length': String(Buffer.byteLength(body)) });
        res.end(body);
      });
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
