import type { IncomingMessage, RequestListener, ServerResponse } from 'http';
import { setTimeout as delay } from 'timers/promises';
import { type AccessTokens, type Grant, grantsAnyScope } from './access-tokens';
import type { FaultSchedule } from './fault-schedule';
import type { Fault, FaultPlan, SlowDripFault } from './faults';
import { readBody } from './http/read-body';
import type { JsonContentType, Route } from './http/route';
import type { Router } from './http/router';
import { requestedTrackingId, TRACKING_ID_HEADER } from './http/tracking-ids';
import { WebexError } from './http/webex-error';
import type { TokenBucketRateLimiter } from './rate-limiter';
import type { RecordedExchange } from './recorded-exchange';
import type { ServerBehaviour } from './server-behaviour';
import type { SimulatorState } from './state/simulator-state';

/** Everything the pipeline needs to serve requests for one running simulator. */
export interface PipelineContext {
  state: SimulatorState;
  router: Router;
  tokens: AccessTokens;
  /** Absent when the rate is unlimited. */
  rateLimiter?: TokenBucketRateLimiter<Grant>;
  faults: FaultPlan;
  /** Random faults for requests no armed fault matches; absent when none are scheduled. */
  schedule?: FaultSchedule;
  latencyMs: number;
  /** Which reading of the spec's unclear points the simulator follows. */
  behaviour: ServerBehaviour;
  exchanges: RecordedExchange[];
  nextTrackingId: () => string;
  /** e.g. http://127.0.0.1:43123 */
  baseUrl: string;
}

/** What to answer, before it is written to the wire. */
interface Answer {
  status: number;
  body: unknown;
  headers: Readonly<Record<string, string>>;
  contentType: JsonContentType;
}

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Serves each request in the order Webex checks it: faults, token (401), rate (429), path (404) and
 * method (405), scope (403), body (415, 400), then the operation itself. Every answer carries a
 * TrackingID, and every request is recorded.
 */
export function createRequestListener(context: PipelineContext): RequestListener {
  return (request, response) => {
    serve(context, request, response).catch(() => request.socket.destroy());
  };
}

async function serve(context: PipelineContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const rawBody = await readBody(request);
  if (context.latencyMs > 0) {
    await delay(context.latencyMs);
  }
  const method = (request.method ?? 'GET').toUpperCase();
  const rawUrl = request.url ?? '/';
  const trackingId = requestedTrackingId(request) ?? context.nextTrackingId();
  const received = { method, url: rawUrl, ...(rawBody === '' ? {} : { requestBody: recordableBody(rawBody) }) };
  const url = requestUrl(context.baseUrl, rawUrl);
  const path = url?.pathname ?? rawUrl;
  const fault = context.faults.take(method, path) ?? context.schedule?.take(method, rawUrl, path);

  if (fault?.kind === 'drop') {
    request.socket.destroy();
    context.exchanges.push({ ...received, status: 0, responseHeaders: {}, fault: fault.kind });
    return;
  }
  const answer =
    fault === undefined || fault.kind === 'lose-response' || fault.kind === 'slow-drip'
      ? answerRequest(context, request, method, url, rawBody, trackingId)
      : answerWithFault(fault, trackingId);
  const wire = toWire(answer, trackingId);
  const recorded: RecordedExchange = {
    ...received,
    status: answer.status,
    responseHeaders: wire.recordedHeaders,
    ...(wire.text === '' ? {} : { responseBody: JSON.parse(wire.text) as unknown }),
    ...(fault === undefined ? {} : { fault: fault.kind ?? 'status' }),
  };
  if (fault?.kind === 'lose-response') {
    request.socket.destroy();
  } else if (fault?.kind === 'slow-drip') {
    response.writeHead(answer.status, wire.headers);
    response.flushHeaders();
    await drip(response, wire.text, fault);
  } else {
    response.writeHead(answer.status, wire.headers);
    response.end(wire.text);
  }
  context.exchanges.push(recorded);
}

function answerRequest(
  context: PipelineContext,
  request: IncomingMessage,
  method: string,
  url: URL | undefined,
  rawBody: string,
  trackingId: string,
): Answer {
  const match = url === undefined ? undefined : context.router.match(method, url.pathname);
  const contentType = match?.kind === 'found' ? match.route.contentType : 'application/json';
  try {
    const grant = context.tokens.grantFor(request.headers.authorization);
    if (grant === undefined) {
      throw new WebexError(401);
    }
    const rate = context.rateLimiter?.take(grant);
    if (rate !== undefined && !rate.allowed) {
      throw new WebexError(429, { headers: { 'Retry-After': String(rate.retryAfterSeconds) } });
    }
    if (url === undefined || match === undefined || match.kind === 'not-found') {
      throw new WebexError(404, { descriptions: [`There is no Webex API operation ${method} ${url?.pathname ?? request.url}.`] });
    }
    if (match.kind === 'method-not-allowed') {
      throw new WebexError(405, {
        descriptions: [`${url.pathname} does not support ${method}; it supports ${match.allowed.join(', ')}.`],
        headers: { Allow: match.allowed.join(', ') },
      });
    }
    requireScope(match.route, grant);
    const body = METHODS_WITH_BODY.has(method) ? parseJsonBody(request, rawBody) : undefined;
    const result = match.route.handle({
      state: context.state,
      caller: { record: grant.actingAs ?? context.state.admin, grant },
      behaviour: context.behaviour,
      params: match.params,
      url,
      headers: request.headers,
      body,
      trackingId,
    });
    return { status: result.status, body: result.body, headers: result.headers ?? {}, contentType };
  } catch (error) {
    const webexError =
      error instanceof WebexError
        ? error
        : new WebexError(500, { descriptions: [`Unexpected simulator error: ${error instanceof Error ? error.message : String(error)}`] });
    return { status: webexError.status, body: webexError.toBody(trackingId), headers: webexError.headers, contentType };
  }
}

function answerWithFault(fault: Exclude<Fault, { kind: 'drop' | 'lose-response' | 'slow-drip' }>, trackingId: string): Answer {
  const error = new WebexError(fault.status, {
    headers: fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) },
  });
  return { status: error.status, body: error.toBody(trackingId), headers: error.headers, contentType: 'application/json' };
}

/** Sends the body in pieces spread over the fault's duration; stops as soon as the connection closes. */
async function drip(response: ServerResponse, text: string, fault: SlowDripFault): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  const pieces = Math.max(1, Math.min(fault.pieces ?? 20, bytes.length));
  const interval = (fault.durationMs ?? 1000) / pieces;
  const size = Math.ceil(bytes.length / pieces);
  const closed = new AbortController();
  response.once('close', () => closed.abort());
  try {
    for (let offset = 0; offset < bytes.length; offset += size) {
      await delay(interval, undefined, { signal: closed.signal });
      response.write(bytes.subarray(offset, offset + size));
    }
  } catch {
    return;
  }
  response.end();
}

function requireScope(route: Route, grant: Grant): void {
  if (!grantsAnyScope(grant, route.scopes)) {
    throw new WebexError(403, {
      descriptions: [`The access token lacks the scope ${route.scopes.join(' or ')} that ${route.method} ${route.path} requires.`],
    });
  }
}

function parseJsonBody(request: IncomingMessage, rawBody: string): unknown {
  if (rawBody === '') {
    return undefined;
  }
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new WebexError(415, {
      descriptions: [`The request body must be sent as application/json; received ${mediaType === '' ? 'no Content-Type' : mediaType}.`],
    });
  }
  try {
    return JSON.parse(rawBody) as unknown;
  } catch (error) {
    throw new WebexError(400, { descriptions: [`The request body is not valid JSON: ${(error as Error).message}`] });
  }
}

/** The absolute URL of a request; undefined for request targets that are not a path. */
function requestUrl(baseUrl: string, rawUrl: string): URL | undefined {
  if (!rawUrl.startsWith('/')) {
    return undefined;
  }
  // Appended, not resolved: a target such as //host/path must not change the host.
  return URL.canParse(baseUrl + rawUrl) ? new URL(baseUrl + rawUrl) : undefined;
}

function recordableBody(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return rawBody;
  }
}

function toWire(answer: Answer, trackingId: string) {
  const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
  const headers: Record<string, string> = {
    ...(text === '' ? {} : { 'Content-Type': answer.contentType }),
    'Content-Length': String(Buffer.byteLength(text)),
    [TRACKING_ID_HEADER]: trackingId,
    ...answer.headers,
  };
  const recordedHeaders = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { text, headers, recordedHeaders };
}
