import { z } from 'zod';
import { clientFromEnvironment } from '../../provisioning';
import { startScriptedServer } from '../helpers/scripted-server';

const SECRET = 'client-secret-0f9e8d7c';
const REFRESH = 'refresh-token-1a2b3c4d5e';

describe('access token from the environment', () => {
  test('WEBEX_TOKEN is used as it is, without any request', async () => {
    const server = await startScriptedServer([]);
    try {
      const client = await clientFromEnvironment({ WEBEX_BASE_URL: server.url, WEBEX_TOKEN: 'tok-abc123' });
      expect(client.baseUrl).toBe(server.url);
      expect(server.received).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  test('a Service App refresh token is exchanged for an access token (RFC 6749 §6)', async () => {
    const server = await startScriptedServer([
      { status: 200, body: { access_token: 'fresh-access-token-99', expires_in: 3600, refresh_token: REFRESH, refresh_token_expires_in: 7776000, token_type: 'Bearer' } },
      { status: 200, body: { items: [] } },
    ]);
    try {
      const client = await clientFromEnvironment({ WEBEX_BASE_URL: server.url, WEBEX_CLIENT_ID: 'C123', WEBEX_CLIENT_SECRET: SECRET, WEBEX_REFRESH_TOKEN: REFRESH });
      const [exchange] = server.received;
      expect(exchange!.method).toBe('POST');
      expect(exchange!.url).toBe('/v1/access_token');
      expect(exchange!.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(Object.fromEntries(new URLSearchParams(exchange!.body as string))).toEqual({ grant_type: 'refresh_token', client_id: 'C123', client_secret: SECRET, refresh_token: REFRESH });
      await client.get('/v1/organizations', z.object({ items: z.array(z.unknown()) }));
      expect(server.received[1]!.headers.authorization).toBe('Bearer fresh-access-token-99');
    } finally {
      await server.close();
    }
  });

  test('a refused refresh says why and never shows the secret or the refresh token', async () => {
    const server = await startScriptedServer([{ status: 400, body: { error: 'invalid_grant', error_description: `refresh token ${REFRESH} expired` } }]);
    try {
      const error = (await clientFromEnvironment({ WEBEX_BASE_URL: server.url, WEBEX_CLIENT_ID: 'C123', WEBEX_CLIENT_SECRET: SECRET, WEBEX_REFRESH_TOKEN: REFRESH }).catch((e: unknown) => e)) as Error;
      expect(error.message).toBe(`failed to refresh the Service App access token: ${server.url}/v1/access_token answered 400: refresh token *** expired`);
      expect(error.message).not.toContain(SECRET);
    } finally {
      await server.close();
    }
  });

  test('names what is missing', async () => {
    await expect(clientFromEnvironment({})).rejects.toThrow(/WEBEX_TOKEN is not set: export an access token, or WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET and WEBEX_REFRESH_TOKEN/);
    await expect(clientFromEnvironment({ WEBEX_CLIENT_ID: 'C1' })).rejects.toThrow('missing: WEBEX_CLIENT_SECRET, WEBEX_REFRESH_TOKEN');
  });
});
