import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Org } from '../../manifest';
import { applyPlan, planOrgs, WebexClient } from '../../provisioning';
import { withDefaultSiteLock } from '../../provisioning/settings/default-site-lock';
import { HEALTH_SYSTEM, PatchSiteUrlMode, RunningSimulator, startSimulator } from '../../simulator';

const TOKEN = 'confined-write-token-7a1d';
const [FIRST, SECOND, THIRD] = [1, 2, 3].map((n) => HEALTH_SYSTEM.siteUrl(1, n)) as [string, string, string];
const SETTINGS = '/v1/admin/meeting/config/commonSettings';
const SITES = '/v1/meetingPreferences/sites';

/**
 * A pass-through proxy in front of the simulator; `beforeForward` runs before a request is passed on,
 * so a test can act as another client at an exact point of a write (no timing involved).
 */
async function startProxy(target: string, beforeForward: (method: string, url: string) => Promise<void>): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      void (async () => {
        await beforeForward(req.method ?? 'GET', req.url ?? '/');
        const headers: Record<string, string> = { authorization: String(req.headers.authorization), trackingid: String(req.headers.trackingid ?? '') };
        if (req.headers['content-type']) headers['content-type'] = String(req.headers['content-type']);
        const answer = await fetch(`${target}${req.url}`, { method: req.method, headers, body: raw === '' ? undefined : raw });
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json', trackingid: answer.headers.get('trackingid') ?? '' });
        res.end(await answer.text());
      })().catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function call(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

const securityOf = async (sim: RunningSimulator, site: string) => ((await call(sim, 'GET', `${SETTINGS}?siteUrl=${site}`)) as { securityOptions: Record<string, unknown> }).securityOptions;
const defaultOf = async (sim: RunningSimulator) => ((await call(sim, 'GET', SITES)) as { sites: { siteUrl: string; default: boolean }[] }).sites.find((s) => s.default)?.siteUrl;
const org = (siteUrl: string, settings: Record<string, unknown>): Org => ({
  path: 'o',
  name: HEALTH_SYSTEM.orgName(1),
  settings: {},
  sites: [{ path: 's', siteUrl, settings: { meetingSecurity: { path: 'm', ...settings } } }],
});

describe('a meeting-security write changes only the declared site', () => {
  let sim: RunningSimulator;
  let lockDir: string;
  const savedLockDir = process.env.WEBEX_IAC_LOCK_DIR;

  const start = async (patchSiteUrl: PatchSiteUrlMode) => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'health-system', size: { orgs: 1, sites: 3, users: 1 }, patchSiteUrl });
  };
  beforeEach(() => {
    lockDir = mkdtempSync(join(tmpdir(), 'webex-iac-locks-test-'));
    process.env.WEBEX_IAC_LOCK_DIR = lockDir;
  });
  afterEach(async () => {
    await sim?.close();
    rmSync(lockDir, { recursive: true, force: true });
    if (savedLockDir === undefined) delete process.env.WEBEX_IAC_LOCK_DIR;
    else process.env.WEBEX_IAC_LOCK_DIR = savedLockDir;
  });

  /** Another client makes THIRD the default right before our PATCH reaches Webex. */
  const defaultMovesBeforePatch = () => {
    let moved = false;
    return async (method: string, url: string) => {
      if (method === 'PATCH' && url.startsWith(SETTINGS) && !moved) {
        moved = true;
        await call(sim, 'PUT', `${SITES}?defaultSite=true`, { siteUrl: THIRD });
      }
    };
  };

  test('ignored siteUrl: a write that landed on another site is detected, put back there, and reported; the default is restored', async () => {
    await start('ignored');
    const third = await securityOf(sim, THIRD);
    const proxy = await startProxy(sim.url, defaultMovesBeforePatch());
    try {
      const client = new WebexClient({ baseUrl: proxy.url, token: TOKEN });
      const plan = await planOrgs(client, [org(SECOND, { unlistAllMeetings: true, requireLoginBeforeAccess: true })]);
      await expect(applyPlan(client, plan)).rejects.toThrow(
        /^\S+ \(settings\.meetingSecurity of site hs1-site2\.webex\.com\): the write landed on "hs1-site3\.webex\.com" \(requireLoginBeforeAccess, unlistAllMeetings\): .* "hs1-site3\.webex\.com" was put back to its previous values\. The declared site did not get them .*; apply again$/,
      );
      expect(await securityOf(sim, THIRD)).toEqual(third);
      expect(await securityOf(sim, SECOND)).toMatchObject({ unlistAllMeetings: false, requireLoginBeforeAccess: false });
      expect(await defaultOf(sim)).toBe(FIRST);
    } finally {
      await proxy.close();
    }
  });

  test('honoured siteUrl: the same interference cannot misdirect the write, which lands on the declared site only', async () => {
    await start('honoured');
    const third = await securityOf(sim, THIRD);
    const proxy = await startProxy(sim.url, defaultMovesBeforePatch());
    try {
      const client = new WebexClient({ baseUrl: proxy.url, token: TOKEN });
      await applyPlan(client, await planOrgs(client, [org(SECOND, { unlistAllMeetings: true, requireLoginBeforeAccess: true })]));
      expect(await securityOf(sim, SECOND)).toMatchObject({ unlistAllMeetings: true, requireLoginBeforeAccess: true });
      expect(await securityOf(sim, THIRD)).toEqual(third);
      expect(await defaultOf(sim)).toBe(FIRST);
    } finally {
      await proxy.close();
    }
  });

  test('a change to another site by someone else during the write is reported and left alone', async () => {
    await start('honoured');
    let done = false;
    const proxy = await startProxy(sim.url, async (method, url) => {
      if (method === 'PATCH' && url.startsWith(SETTINGS) && !done) {
        done = true;
        await call(sim, 'PATCH', `${SETTINGS}?siteUrl=${THIRD}`, { securityOptions: { allowMobileScreenCapture: false } });
      }
    });
    try {
      const client = new WebexClient({ baseUrl: proxy.url, token: TOKEN });
      const plan = await planOrgs(client, [org(SECOND, { unlistAllMeetings: true })]);
      await expect(applyPlan(client, plan)).rejects.toThrow(/^\S+ \(settings\.meetingSecurity of site hs1-site2\.webex\.com\): other sites changed during the write \("hs1-site3\.webex\.com": allowMobileScreenCapture\); someone else is writing/);
      expect(await securityOf(sim, THIRD)).toMatchObject({ allowMobileScreenCapture: false });
      expect(await defaultOf(sim)).toBe(FIRST);
    } finally {
      await proxy.close();
    }
  });

  test('a default site that cannot be put back fails loudly, and the next write puts it back first', async () => {
    await start('ignored');
    let armed = false;
    const proxy = await startProxy(sim.url, async (method, url) => {
      if (method === 'PATCH' && url.startsWith(SETTINGS) && !armed) {
        armed = true;
        sim.injectFault({ method: 'PUT', path: SITES, status: 500, times: 3 });
      }
    });
    try {
      const client = new WebexClient({ baseUrl: proxy.url, token: TOKEN });
      await expect(applyPlan(client, await planOrgs(client, [org(SECOND, { unlistAllMeetings: true })]))).rejects.toThrow(
        /^the token user's default Meetings site could not be set back to hs1-site1\.webex\.com \(it is hs1-site2\.webex\.com\): PUT .* answered 500.*; the next webex-iac site write also tries$/,
      );
      expect(await defaultOf(sim)).toBe(SECOND);
      const holder = readdirSync(lockDir).find((f) => f.endsWith('.holder.json'))!;
      expect(JSON.parse(readFileSync(join(lockDir, holder), 'utf8'))).toMatchObject({ switched: { from: FIRST, to: SECOND } });

      const next = new WebexClient({ baseUrl: proxy.url, token: TOKEN });
      await applyPlan(next, await planOrgs(next, [org(THIRD, { unlistAllMeetings: true })]));
      expect(await defaultOf(sim)).toBe(FIRST);
      expect(await securityOf(sim, THIRD)).toMatchObject({ unlistAllMeetings: true });
      expect(await securityOf(sim, FIRST)).toMatchObject({ unlistAllMeetings: false });
      expect(existsSync(join(lockDir, holder))).toBe(false);
    } finally {
      await proxy.close();
    }
  });

  test('a switch left by a run that died is put back first, unless the default has moved since', async () => {
    await start('ignored');
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN });
    // What a run killed between its switch and its restore leaves: the default on SECOND, and the record.
    const plantRecord = async () => {
      await call(sim, 'PUT', `${SITES}?defaultSite=true`, { siteUrl: SECOND });
      return { pid: 999999, host: 'gone', since: '2026-01-01T00:00:00.000Z', user: HEALTH_SYSTEM.adminEmail, baseUrl: sim.url, switched: { from: FIRST, to: SECOND } };
    };
    const name = createHash('sha256').update(`${sim.url}\n${HEALTH_SYSTEM.adminPersonId}`).digest('hex').slice(0, 32);
    const holder = join(lockDir, `default-site-${name}.holder.json`);

    writeFileSync(holder, JSON.stringify(await plantRecord()));
    await applyPlan(client, await planOrgs(client, [org(THIRD, { unlistAllMeetings: true })]));
    expect(await defaultOf(sim)).toBe(FIRST);

    // A person has since made THIRD their default: the dead run's record must not override that.
    writeFileSync(holder, JSON.stringify(await plantRecord()));
    await call(sim, 'PUT', `${SITES}?defaultSite=true`, { siteUrl: THIRD });
    await applyPlan(client, await planOrgs(client, [org(SECOND, { requireLoginBeforeAccess: true })]));
    expect(await defaultOf(sim)).toBe(THIRD);
    expect(existsSync(holder)).toBe(false);
  });
});

describe('the default-site lock', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'webex-iac-locks-test-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const key = { baseUrl: 'https://webexapis.com', personId: 'PERSON', user: 'admin@example.org' };

  test('another run that holds it too long is refused with who holds it and since when', async () => {
    // Another process's hold, as it is on disk: the lock folder (fresh) and its record.
    const name = createHash('sha256').update(`${key.baseUrl}\n${key.personId}`).digest('hex').slice(0, 32);
    mkdirSync(join(dir, `default-site-${name}.lock`));
    writeFileSync(join(dir, `default-site-${name}.holder.json`), JSON.stringify({ pid: 4242, host: 'ci-runner-7', since: '2026-12-04T05:00:00.000Z', user: key.user, baseUrl: key.baseUrl }));
    await expect(withDefaultSiteLock(key, async () => 'second', { dir, waitMs: 600 })).rejects.toThrow(
      /^another webex-iac run holds the default-site lock of admin@example\.org at https:\/\/webexapis\.com since 2026-12-04T05:00:00\.000Z \(pid 4242 on ci-runner-7\); waited 1 s\. .* remove .*\.lock if it is gone$/,
    );
    rmSync(join(dir, `default-site-${name}.lock`), { recursive: true });
    expect(await withDefaultSiteLock(key, async () => 'after', { dir })).toBe('after');
  });

  test.each([
    ['a symbolic link', (target: string) => symlinkSync(dir, target), /is a symbolic link/],
    ['writable by other users', (target: string) => {
        mkdirSync(target);
        chmodSync(target, 0o777);
      }, /is writable by other users/],
  ])('a lock folder that is %s is refused, naming it', async (_, plant, problem) => {
    const planted = join(dir, 'planted');
    plant(planted);
    await expect(withDefaultSiteLock(key, async () => 'never', { dir: planted })).rejects.toThrow(problem);
  });

  test('writes of the same run wait their turn however long the queue, without being refused', async () => {
    const order: number[] = [];
    const slow = (n: number) => withDefaultSiteLock(key, async () => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      order.push(n);
    }, { dir, waitMs: 100 });
    await Promise.all([1, 2, 3, 4].map(slow));
    expect(order.sort()).toEqual([1, 2, 3, 4]);
  });

  test('runs of different users or hosts do not wait for each other', async () => {
    let release!: () => void;
    const holding = withDefaultSiteLock(key, () => new Promise<void>((resolve) => (release = resolve)), { dir });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await withDefaultSiteLock({ ...key, personId: 'OTHER' }, async () => 'other user', { dir, waitMs: 0 })).toBe('other user');
    expect(await withDefaultSiteLock({ ...key, baseUrl: 'http://127.0.0.1:1' }, async () => 'other host', { dir, waitMs: 0 })).toBe('other host');
    release();
    await holding;
  });
});
