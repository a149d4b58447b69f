import { ClientConfigError, WebexClient } from '../provisioning';

/**
 * The client that posts to a Webex space: the bot token of `WEBEX_NOTIFY_TOKEN` (never the admin
 * token, which should not speak in spaces), on the same API as the rest of the run. The token is never
 * printed: the client replaces it in every message it builds.
 */
export function notifyClient(env: NodeJS.ProcessEnv): WebexClient {
  const token = env.WEBEX_NOTIFY_TOKEN?.trim();
  if (!token) throw new ClientConfigError('--notify-room needs WEBEX_NOTIFY_TOKEN: export the access token of the Webex bot that posts to the space');
  if (/\s/.test(token)) throw new ClientConfigError('WEBEX_NOTIFY_TOKEN must be the bare access token, without "Bearer " or spaces');
  return new WebexClient({ baseUrl: env.WEBEX_BASE_URL, token });
}
