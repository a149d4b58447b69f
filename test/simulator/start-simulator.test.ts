import { CLINIC, EMPTY, startSimulator } from '../../simulator';
import { call, FULL_ACCESS_TOKEN } from './webex-call';

describe('startSimulator', () => {
  test('listens on 127.0.0.1 on a random port, base URL without /v1 or trailing slash', async () => {
    const sim = await startSimulator({ tokens: [FULL_ACCESS_TOKEN] });
    try {
      expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(Number(new URL(sim.url).port)).toBeGreaterThan(0);
      expect((await call(sim.url, 'GET', '/v1/people/me')).status).toBe(200);
    } finally {
      await sim.close();
    }
  });

  test.each(['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'example.com', ''])('fails for the non-loopback host %j', async (host) => {
    await expect(startSimulator({ host, tokens: [FULL_ACCESS_TOKEN] })).rejects.toThrow(/loopback/);
  });

  test('accepts 127.0.0.1 and localhost', async () => {
    const sim = await startSimulator({ host: '127.0.0.1', tokens: [FULL_ACCESS_TOKEN] });
    await sim.close();
    const local = await startSimulator({ host: 'localhost', tokens: [FULL_ACCESS_TOKEN] });
    try {
      expect((await call(local.url, 'GET', '/v1/organizations')).status).toBe(200);
    } finally {
      await local.close();
    }
  });

  test.each([
    [{ port: -1 }, /port/],
    [{ port: 1.5 }, /port/],
    [{ ratePerSecond: -2 }, /ratePerSecond/],
    [{ latencyMs: Number.NaN }, /latencyMs/],
    [{ seed: 'hospital' as 'clinic' }, /seed/],
    [{ patchSiteUrl: 'sometimes' as 'ignored' }, /patchSiteUrl must be one of ignored, honoured; received "sometimes"/],
  ])('fails for invalid option %p', async (options, message) => {
    await expect(startSimulator({ tokens: [FULL_ACCESS_TOKEN], ...options })).rejects.toThrow(message);
  });

  test('fails for a token with whitespace', async () => {
    await expect(startSimulator({ tokens: ['two words'] })).rejects.toThrow(/whitespace/);
  });

  test('seed empty holds one org, one admin and one site with default settings', async () => {
    const sim = await startSimulator({ tokens: [FULL_ACCESS_TOKEN], seed: 'empty' });
    try {
      const orgs = await call(sim.url, 'GET', '/v1/organizations');
      expect(orgs.body).toEqual({ items: [{ id: EMPTY.orgId, displayName: EMPTY.orgName, created: expect.any(String) }] });
      const me = await call(sim.url, 'GET', '/v1/people/me');
      expect(me.body).toMatchObject({ id: EMPTY.adminPersonId, emails: [EMPTY.adminEmail] });
      const sites = await call(sim.url, 'GET', '/v1/meetingPreferences/sites');
      expect(sites.body).toEqual({ sites: [{ siteUrl: EMPTY.siteUrl, default: true }] });
      const settings = await call(sim.url, 'GET', '/v1/admin/meeting/config/commonSettings');
      expect(settings.body).toMatchObject({ securityOptions: { joinBeforeHost: false, requireStrongPassword: true } });
    } finally {
      await sim.close();
    }
  });

  test('records each exchange in order, without the Authorization header or token', async () => {
    const sim = await startSimulator({ tokens: ['secret-token-1234'] });
    try {
      await call(sim.url, 'GET', '/v1/people/me?callingData=false', { token: 'secret-token-1234' });
      await call(sim.url, 'PATCH', '/v1/admin/meeting/config/commonSettings', {
        token: 'secret-token-1234',
        body: { scheduleMeetingOptions: { emailReminders: false } },
      });
      await call(sim.url, 'PATCH', '/v1/admin/meeting/config/commonSettings', { token: 'secret-token-1234', rawBody: '{oops' });
      expect(sim.exchanges.map(({ method, url, status }) => [method, url, status])).toEqual([
        ['GET', '/v1/people/me?callingData=false', 200],
        ['PATCH', '/v1/admin/meeting/config/commonSettings', 200],
        ['PATCH', '/v1/admin/meeting/config/commonSettings', 400],
      ]);
      expect(sim.exchanges[0].responseBody).toMatchObject({ id: CLINIC.adminPersonId });
      expect(sim.exchanges[0].requestBody).toBeUndefined();
      expect(sim.exchanges[1].requestBody).toEqual({ scheduleMeetingOptions: { emailReminders: false } });
      expect(sim.exchanges[1].responseHeaders).toMatchObject({ 'content-type': 'application/json;charset=UTF-8' });
      expect(sim.exchanges[2].requestBody).toBe('{oops');
      expect(JSON.stringify(sim.exchanges)).not.toMatch(/secret-token|authorization/i);
    } finally {
      await sim.close();
    }
  });

  test('adds latencyMs to every request', async () => {
    const sim = await startSimulator({ tokens: [FULL_ACCESS_TOKEN], latencyMs: 150 });
    try {
      const started = performance.now();
      await call(sim.url, 'GET', '/v1/people/me');
      expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    } finally {
      await sim.close();
    }
  });

  test('close() stops listening and may be called twice', async () => {
    const sim = await startSimulator({ tokens: [FULL_ACCESS_TOKEN] });
    await call(sim.url, 'GET', '/v1/people/me');
    await sim.close();
    await sim.close();
    await expect(call(sim.url, 'GET', '/v1/people/me')).rejects.toThrow();
  });
});
