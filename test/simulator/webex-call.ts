/** A token the tests' simulators accept with every scope. */
export const FULL_ACCESS_TOKEN = 'full-access-token';

export interface CallOptions {
  /** Bearer token; null sends no Authorization header. @default FULL_ACCESS_TOKEN */
  token?: string | null;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent verbatim instead of `body`. */
  rawBody?: string;
  /** @default application/json when a body is sent */
  contentType?: string;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One real HTTP request to a simulator, with its JSON answer parsed. */
export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const token = options.token === undefined ? FULL_ACCESS_TOKEN : options.token;
  const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: Record<string, string> = {
    ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
    ...(payload === undefined ? {} : { 'Content-Type': options.contentType ?? 'application/json' }),
    ...options.headers,
  };
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** Fields of a Webex error body, for assertions. */
export interface ErrorBody {
  message: string;
  errors: { description: string }[];
  trackingId: string;
}

export function errorBody(result: CallResult): ErrorBody {
  return result.body as ErrorBody;
}
