import axios from 'axios';
import { z } from 'zod';
import { parseBaseUrl } from './base-url';
import { ClientConfigError } from './errors';
import { redact } from './redact';
import { DEFAULT_REQUEST_DEADLINE_MS, maxResponseBytesFromEnvironment, requestDeadlineFromEnvironment } from './request-limits';
import { concurrencyFromEnvironment } from './request-scheduler';
import { WebexClient, WebexClientOptions } from './webex-client';

/** RFC 6749 §5.1 token response, as Webex's token endpoint (`/v1/access_token`) answers it. */
const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().optional(),
  refresh_token: z.string().optional(),
  refresh_token_expires_in: z.number().optional(),
  token_type: z.string().optional(),
});

const OAuthErrorSchema = z.object({ error: z.string().optional(), error_description: z.string().optional(), message: z.string().optional() });

/**
 * A client from the environment. The token is WEBEX_TOKEN, or — for unattended CI with a Service App —
 * a fresh access token obtained with WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET and WEBEX_REFRESH_TOKEN
 * (OAuth 2.0 refresh_token grant, RFC 6749 §6). Nothing obtained here is written anywhere. The
 * token's concurrency ceiling is WEBEX_IAC_CONCURRENCY unless `overrides.concurrency` (--concurrency) is given;
 * each request's deadline is WEBEX_IAC_REQUEST_TIMEOUT (seconds) and its answer's cap WEBEX_IAC_MAX_RESPONSE_MIB.
 */
export async function clientFromEnvironment(env: NodeJS.ProcessEnv = process.env, overrides: Partial<WebexClientOptions> = {}): Promise<WebexClient> {
  const timeoutMs = requestDeadlineFromEnvironment(env);
  const maxResponseBytes = maxResponseBytesFromEnvironment(env);
  const token = env.WEBEX_TOKEN?.trim() ? env.WEBEX_TOKEN : await refreshAccessToken(env, timeoutMs);
  const concurrency = overrides.concurrency ?? concurrencyFromEnvironment(env);
  return new WebexClient({
    baseUrl: env.WEBEX_BASE_URL,
    token,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(maxResponseBytes === undefined ? {} : { maxResponseBytes }),
    ...overrides,
    ...(concurrency === undefined ? {} : { concurrency }),
  });
}

async function refreshAccessToken(env: NodeJS.ProcessEnv, timeoutMs = DEFAULT_REQUEST_DEADLINE_MS): Promise<string> {
  const clientId = env.WEBEX_CLIENT_ID?.trim();
  const clientSecret = env.WEBEX_CLIENT_SECRET?.trim();
  const refreshToken = env.WEBEX_REFRESH_TOKEN?.trim();
  const given = [clientId, clientSecret, refreshToken].filter(Boolean).length;
  if (given === 0) {
    throw new ClientConfigError('WEBEX_TOKEN is not set: export an access token, or WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET and WEBEX_REFRESH_TOKEN of a Service App');
  }
  if (!clientId || !clientSecret || !refreshToken) {
    const missing = [['WEBEX_CLIENT_ID', clientId], ['WEBEX_CLIENT_SECRET', clientSecret], ['WEBEX_REFRESH_TOKEN', refreshToken]].filter(([, v]) => !v).map(([n]) => n);
    throw new ClientConfigError(`the Service App token flow needs WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET and WEBEX_REFRESH_TOKEN; missing: ${missing.join(', ')}`);
  }
  const base = parseBaseUrl(env.WEBEX_BASE_URL).origin;
  const form = new URLSearchParams({ grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret, refresh_token: refreshToken });
  const secrets = [clientSecret, refreshToken];
  let status: number;
  let body: unknown;
  try {
    const response = await axios.post(`${base}/v1/access_token`, form.toString(), {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      validateStatus: () => true,
      maxRedirects: 0,
      // One small JSON answer: the deadline covers it whole, and nothing larger than 1 MiB is read.
      signal: AbortSignal.timeout(timeoutMs),
      maxContentLength: 1024 * 1024,
    });
    status = response.status;
    body = response.data;
  } catch (error) {
    throw new ClientConfigError(redact(`failed to refresh the Service App access token: ${(error as Error).message}`, secrets));
  }
  if (status !== 200) {
    const parsed = OAuthErrorSchema.safeParse(body);
    const reason = parsed.success ? parsed.data.error_description ?? parsed.data.message ?? parsed.data.error : undefined;
    throw new ClientConfigError(redact(`failed to refresh the Service App access token: ${base}/v1/access_token answered ${status}${reason ? `: ${reason}` : ''}`, secrets));
  }
  const token = TokenResponseSchema.safeParse(body);
  if (!token.success) throw new ClientConfigError('failed to refresh the Service App access token: the answer has no access_token');
  return token.data.access_token;
}
