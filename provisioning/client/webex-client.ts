import axios, { AxiosInstance, AxiosResponse } from 'axios';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { parseBaseUrl } from './base-url';
import { ClientConfigError, RequestDeadlineError, ResponseTooLargeError, UnexpectedResponseError, WebexApiError, WriteOutcomeUnknownError } from './errors';
import { nextPagePath } from './link-header';
import { BodyReadError, readBody } from './read-body';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_REQUEST_DEADLINE_MS, describeDuration, describeSize } from './request-limits';
import { redact } from './redact';
import { AttemptOutcome, RequestScheduler, schedulerForToken, sleptTimeClock } from './request-scheduler';
import { retryAfterSeconds } from './retry-after';
import { currentMeter } from '../run-progress';
import { WebexErrorBodySchema } from './schemas/error-body';
import { currentWriteScope, WriteRequest, WriteRequestOutcome } from './write-watch';

/** Webex REST families live under different roots of the same host: /v1 for most, /identity for identity and SCIM. */
export type ApiPath = `/v1/${string}` | `/identity/${string}`;
export type HttpMethod = 'GET' | 'PATCH' | 'PUT' | 'POST' | 'DELETE';
export type Query = Record<string, string | number | boolean | undefined>;

export interface WebexClientOptions {
  /** Host root, e.g. https://webexapis.com (WEBEX_BASE_URL). */
  readonly baseUrl?: string;
  /** Bearer token (WEBEX_TOKEN). Never logged, never part of an error. */
  readonly token: string;
  /** Retries of a throttled or unavailable request before giving up. @default 5 */
  readonly maxRetries?: number;
  /**
   * Overall deadline of one attempt: connect, send, and the answer's headers and full body. An attempt
   * that misses it is not retried (a read fails; a write's outcome is unknown).
   * @default WEBEX_IAC_REQUEST_TIMEOUT from clientFromEnvironment, else 60000
   */
  readonly timeoutMs?: number;
  /**
   * Largest response body accepted, in bytes; a larger one is an error, never retried (so never
   * downloaded twice). @default WEBEX_IAC_MAX_RESPONSE_MIB from clientFromEnvironment, else 64 MiB
   */
  readonly maxResponseBytes?: number;
  /**
   * Injected in tests to avoid real waits. A client given one gets a scheduler of its own whose clock
   * moves only by what was slept, instead of the token's shared one.
   */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * Requests in flight at most for this token, across every client that uses it (the scheduler is the
   * token's). @default WEBEX_IAC_CONCURRENCY from clientFromEnvironment, else DEFAULT_CONCURRENCY_CEILING (16)
   */
  readonly concurrency?: number;
  /** The scheduler every attempt waits in. @default the process-wide scheduler of this token and host */
  readonly scheduler?: RequestScheduler;
  /** Called after every HTTP response (for counters and evidence). */
  readonly onResponse?: (event: ResponseEvent) => void;
}

export interface ResponseEvent {
  readonly method: HttpMethod;
  readonly path: string;
  readonly status: number;
  readonly trackingId: string;
  readonly attempt: number;
}

export interface ApiResult<T> {
  readonly data: T;
  readonly trackingId: string;
  /** The next page, from the response's `Link: <…>; rel="next"` (same host only); absent on the last page. */
  readonly next?: ApiPath;
}

/** Statuses after which Webex asks the caller to come back later; the request was not processed. */
const RETRY_LATER = new Set([423, 429, 503]);
/** Of those, the ones about the token's load: they pause every request of the token (request-scheduler.ts). */
const LOAD = new Set([429, 503]);
/** Gateway failures: safe to repeat only for reads. */
const GATEWAY = new Set([502, 504]);

/**
 * The one way provisioning talks to Webex: bearer auth, its own TrackingID per request, bounded retries
 * that honour Retry-After, zod-checked responses, and errors that carry Webex's message and trackingId.
 */
export class WebexClient {
  private readonly http: AxiosInstance;
  private readonly token: string;
  private readonly maxRetries: number;
  private readonly deadlineMs: number;
  private readonly maxResponseBytes: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly onResponse?: (event: ResponseEvent) => void;
  readonly baseUrl: string;
  /** Where every attempt of this client waits for its turn; shared by the clients of one token. */
  readonly scheduler: RequestScheduler;

  constructor(options: WebexClientOptions) {
    if (!options.token || options.token.trim() === '') {
      throw new ClientConfigError('WEBEX_TOKEN is not set: export an access token of a Webex full administrator (or a Service App token)');
    }
    if (/\s/.test(options.token.trim())) {
      throw new ClientConfigError('WEBEX_TOKEN must be the bare access token, without "Bearer " or spaces');
    }
    this.token = options.token.trim();
    this.baseUrl = parseBaseUrl(options.baseUrl).origin;
    this.maxRetries = options.maxRetries ?? 5;
    this.deadlineMs = positive('timeoutMs', options.timeoutMs ?? DEFAULT_REQUEST_DEADLINE_MS);
    this.maxResponseBytes = positive('maxResponseBytes', options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.onResponse = options.onResponse;
    this.scheduler =
      options.scheduler ??
      (options.sleep ? new RequestScheduler({ ceiling: options.concurrency, clock: sleptTimeClock(options.sleep) }) : schedulerForToken(this.baseUrl, this.token, options.concurrency));
    this.http = axios.create({
      baseURL: this.baseUrl,
      validateStatus: () => true,
      maxRedirects: 0,
      // The body arrives as a stream that readBody reads under the deadline and the size cap; we parse and
      // validate it ourselves, and never let axios echo a request config.
      responseType: 'stream',
    });
  }

  get<S extends z.ZodType>(path: ApiPath, schema: S, query?: Query): Promise<ApiResult<z.infer<S>>> {
    return this.request('GET', path, schema, { query });
  }

  patch<S extends z.ZodType>(path: ApiPath, body: unknown, schema: S, query?: Query): Promise<ApiResult<z.infer<S>>> {
    return this.request('PATCH', path, schema, { query, body });
  }

  put<S extends z.ZodType>(path: ApiPath, body: unknown, schema: S, query?: Query): Promise<ApiResult<z.infer<S>>> {
    return this.request('PUT', path, schema, { query, body });
  }

  async request<S extends z.ZodType>(
    method: HttpMethod,
    path: ApiPath,
    schema: S,
    options: { query?: Query; body?: unknown } = {},
  ): Promise<ApiResult<z.infer<S>>> {
    const target = withQuery(path, options.query);
    const isRead = method === 'GET';
    const meter = currentMeter();
    const watch = isRead ? undefined : currentWriteScope();
    for (let attempt = 1; ; attempt++) {
      const trackingId = `WEBEX_IAC_${randomUUID()}`;
      const sent: WriteRequest | undefined = watch?.watcher ? { method, path: target, trackingId, ...(watch.purpose ? { purpose: watch.purpose } : {}) } : undefined;
      // A write is named in the evidence before it can reach Webex (write-watch.ts); a refusal sends nothing.
      if (sent) await watch!.watcher!.sending(sent);
      // Every attempt, retries included, waits for the token's scheduler: nothing reaches Webex around it.
      const slot = await this.scheduler.acquire();
      if (meter) meter.calls++;
      let exchange: Exchange;
      try {
        exchange = await this.exchange(method, target, options.body, trackingId);
      } catch (error) {
        if (sent) watch!.watcher!.settled(sent, 'unknown', error instanceof Error ? this.clean(error.message) : undefined);
        throw error;
      }
      if (sent) watch!.watcher!.settled(sent, ...requestOutcome(exchange, schema));
      if (exchange.kind === 'no-answer') {
        slot.release({ kind: 'failed' });
        const cause = exchange.deadline ? `no answer within the ${describeDuration(this.deadlineMs)} deadline` : this.clean(exchange.cause);
        if (!isRead) throw new WriteOutcomeUnknownError(method, target, trackingId, cause);
        // A missed deadline is not retried: a silent server would otherwise hold the command for every retry.
        if (exchange.deadline) throw new RequestDeadlineError(`${method} ${target} failed: ${cause} (WEBEX_IAC_REQUEST_TIMEOUT) (trackingId ${trackingId})`, method, target, trackingId);
        if (attempt > this.maxRetries) {
          throw new WebexApiError(`${method} ${target} failed after ${attempt} attempts: ${cause} (trackingId ${trackingId})`, 0, method, target, trackingId);
        }
        await this.sleep(backoffMs(attempt));
        continue;
      }
      const response = exchange.response;

      slot.release(loadOutcome(response.status, header(response, 'retry-after')));
      if (meter && response.status === 429) meter.throttled++;
      const responseTrackingId = header(response, 'trackingid') ?? trackingId;
      this.onResponse?.({ method, path: target, status: response.status, trackingId: responseTrackingId, attempt });
      const success = response.status >= 200 && response.status < 300;

      if (exchange.kind === 'unread-body') {
        const { failure } = exchange;
        const why =
          failure.kind === 'too-large'
            ? `a body larger than the ${describeSize(this.maxResponseBytes)} limit (${describeSize(failure.bytes)} or more; WEBEX_IAC_MAX_RESPONSE_MIB)`
            : failure.kind === 'deadline'
              ? `a body that did not arrive in full within the ${describeDuration(this.deadlineMs)} deadline (WEBEX_IAC_REQUEST_TIMEOUT)`
              : `a body that broke off (${this.clean(failure.cause)})`;
        if (!isRead && success) throw new WriteOutcomeUnknownError(method, target, responseTrackingId, `answered ${response.status} with ${why}`, true);
        // A broken read is retried like a dropped connection; an oversized or late one never is.
        if (isRead && failure.kind === 'broken' && attempt <= this.maxRetries) {
          await this.sleep(backoffMs(attempt));
          continue;
        }
        const error = failure.kind === 'deadline' ? RequestDeadlineError : failure.kind === 'too-large' ? ResponseTooLargeError : UnexpectedResponseError;
        throw new error(`${method} ${target} answered ${response.status} with ${why} (trackingId ${responseTrackingId})`, method, target, responseTrackingId);
      }
      const text = exchange.text;

      if (success) {
        const data = successBody(response.status, text, header(response, 'content-type'));
        const parsed = data.ok ? schema.safeParse(data.value) : undefined;
        const problem = !data.ok ? data.problem : parsed && !parsed.success ? schemaProblem(parsed.error) : undefined;
        if (problem !== undefined || !parsed?.success) {
          const what = problem ?? 'a body Cisco\'s spec does not allow';
          // A write that answered something we cannot understand may or may not have been applied: re-read, never resend.
          if (!isRead) throw new WriteOutcomeUnknownError(method, target, responseTrackingId, `answered ${response.status} with ${what}`, true);
          throw new UnexpectedResponseError(`${method} ${target} answered ${response.status} with ${what} (trackingId ${responseTrackingId})`, method, target, responseTrackingId);
        }
        const next = nextPagePath(header(response, 'link'), this.baseUrl);
        if (next instanceof Error) throw new UnexpectedResponseError(`${method} ${target}: ${next.message} (trackingId ${responseTrackingId})`, method, target, responseTrackingId);
        return next === undefined ? { data: parsed.data, trackingId: responseTrackingId } : { data: parsed.data, trackingId: responseTrackingId, next };
      }
      const body = parseJson(text);

      const retryable = RETRY_LATER.has(response.status) || (isRead && GATEWAY.has(response.status));
      if (retryable && attempt <= this.maxRetries) {
        // 429 and 503 paused the token's scheduler for Retry-After: the retry waits there with every other request.
        if (LOAD.has(response.status)) continue;
        const waitSeconds = retryAfterSeconds(header(response, 'retry-after'));
        await this.sleep(Math.max(waitSeconds * 1000, RETRY_LATER.has(response.status) ? 0 : backoffMs(attempt)));
        continue;
      }
      throw this.apiError(method, target, response.status, body, responseTrackingId, retryable ? attempt : undefined);
    }
  }

  /**
   * One attempt under the deadline: sends the request and reads the whole answer, at most
   * maxResponseBytes of it. The timer covers connect, headers and body alike.
   */
  private async exchange(method: HttpMethod, target: string, body: unknown, trackingId: string): Promise<Exchange> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.deadlineMs);
    try {
      let response: AxiosResponse<Readable>;
      try {
        response = await this.http.request<Readable>({
          method,
          url: target,
          data: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
          headers: {
            Authorization: `Bearer ${this.token}`,
            Accept: 'application/json',
            TrackingID: trackingId,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
        });
      } catch (error) {
        return { kind: 'no-answer', deadline: controller.signal.aborted, cause: networkCause(error) };
      }
      try {
        const text = await readBody(response.data, this.maxResponseBytes, controller.signal, header(response, 'content-length'));
        return { kind: 'answered', response, text };
      } catch (error) {
        if (error instanceof BodyReadError) return { kind: 'unread-body', response, failure: error.failure };
        throw error;
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private apiError(method: HttpMethod, target: string, status: number, body: unknown, trackingId: string, attempts?: number): WebexApiError {
    const parsed = WebexErrorBodySchema.safeParse(body);
    const webexTrackingId = parsed.success && parsed.data.trackingId ? parsed.data.trackingId : trackingId;
    let detail = describeStatus(status);
    if (parsed.success) {
      const descriptions = (parsed.data.errors ?? []).map((e) => e.description).filter((d): d is string => !!d && d !== parsed.data.message);
      detail = [parsed.data.message, ...descriptions].filter(Boolean).join('; ') || detail;
    }
    const gaveUp = attempts === undefined ? '' : ` (gave up after ${attempts} attempts)`;
    const message = this.clean(`${method} ${target} answered ${status}: ${detail}${gaveUp} (trackingId ${webexTrackingId})`);
    return new WebexApiError(message, status, method, target, webexTrackingId);
  }

  /** Replaces the token wherever it appears in `text`: for anything written outside the client (evidence). */
  redactSecrets(text: string): string {
    return this.clean(text);
  }

  /** Whatever reaches a message passes through here, so the token can never leak through an echo. */
  private clean(text: string): string {
    return redact(text, [this.token]);
  }
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** What an answer tells the scheduler about the token's load; Retry-After as the client reads it (retry-after.ts). */
function loadOutcome(status: number, retryAfter: string | undefined): AttemptOutcome {
  if (status === 429) return { kind: 'throttled', retryAfterMs: retryAfterSeconds(retryAfter) * 1000 };
  if (status === 503) return { kind: 'overloaded', retryAfterMs: retryAfterSeconds(retryAfter) * 1000 };
  return { kind: 'answered' };
}

function header(response: AxiosResponse, name: string): string | undefined {
  const value = response.headers[name];
  if (Array.isArray(value)) return value[0];
  return typeof value === 'string' ? value : undefined;
}

type Exchange =
  | { readonly kind: 'no-answer'; readonly deadline: boolean; readonly cause: string }
  | { readonly kind: 'unread-body'; readonly response: AxiosResponse<Readable>; readonly failure: BodyReadError['failure'] }
  | { readonly kind: 'answered'; readonly response: AxiosResponse<Readable>; readonly text: string };

/** Statuses that carry no body by definition (RFC 9110): only these may answer a 2xx with nothing. */
const NO_CONTENT = new Set([204, 205]);

/**
 * The JSON value of a 2xx answer, or why there is none. An empty body is accepted only for 204/205 (the
 * operation's schema then decides whether "nothing" is an answer); an empty 200, a proxy's HTML page or a
 * truncated document is never read as an empty object.
 */
/**
 * What a write attempt's answer says of it, for the write watcher: a 2xx Webex answered in full and as
 * its spec says is `applied`; a refusal Webex does not apply writes with (4xx, 429, 503) is `failed`;
 * no answer, a 2xx that cannot be understood, or 500/502/504 (which may come after the write took effect)
 * is `unknown` (as outcomeOfWriteError in write-result.ts judges the error the caller receives).
 */
function requestOutcome(exchange: Exchange, schema: z.ZodType): [WriteRequestOutcome, string?] {
  if (exchange.kind === 'no-answer') return ['unknown', exchange.deadline ? 'no answer within the deadline' : 'no answer'];
  const status = exchange.response.status;
  const success = status >= 200 && status < 300;
  if (exchange.kind === 'unread-body') return success ? ['unknown', `answered ${status}, body not read in full`] : statusOutcome(status);
  if (!success) return statusOutcome(status);
  const data = successBody(status, exchange.text, header(exchange.response, 'content-type'));
  if (!data.ok || !schema.safeParse(data.value).success) return ['unknown', `answered ${status} with a body that cannot be understood`];
  return ['applied'];
}

function statusOutcome(status: number): [WriteRequestOutcome, string] {
  return [status >= 500 && status !== 503 ? 'unknown' : 'failed', `answered ${status}`];
}

function successBody(status: number, text: string, contentType: string | undefined): { ok: true; value: unknown } | { ok: false; problem: string } {
  const type = printable(contentType ?? 'none');
  if (text.trim() === '') {
    return NO_CONTENT.has(status) ? { ok: true, value: undefined } : { ok: false, problem: `an empty body (content type ${type}) where a JSON body is expected` };
  }
  const size = describeSize(Buffer.byteLength(text));
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== '' && !/^application\/([a-z0-9.+-]+\+)?json$/.test(mediaType)) {
    return { ok: false, problem: `a body that is not JSON (content type ${type}, ${size})` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: `a body that is not valid JSON (content type ${type}, ${size}: ${printable((error as Error).message)})` };
  }
}

function schemaProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `a body Cisco's spec does not allow (${issue.path.join('.') || '(root)'}: ${issue.message})`;
}

/** Server-chosen text in a message, reduced to printable ASCII and a bounded length. */
function printable(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new ClientConfigError(`${name} must be a positive number, received: ${value}`);
  return value;
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function networkCause(error: unknown): string {
  if (axios.isAxiosError(error)) return error.code ? `${error.code}` : 'network error';
  return error instanceof Error ? error.message : String(error);
}

/** Exponential backoff for failures that carry no Retry-After: 0.5 s, 1 s, 2 s ... at most 30 s. */
function backoffMs(attempt: number): number {
  return Math.min(500 * 2 ** (attempt - 1), 30_000);
}

function describeStatus(status: number): string {
  const names: Record<number, string> = {
    400: 'Bad Request', 401: 'Unauthorized: the token is missing, invalid or expired', 403: 'Forbidden: the token lacks a scope or the user a role',
    404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 423: 'Locked', 429: 'Too Many Requests', 500: 'Internal Server Error',
    502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
  };
  return names[status] ?? `HTTP ${status}`;
}
