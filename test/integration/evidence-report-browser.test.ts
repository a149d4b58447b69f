import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { EvidenceReport } from '../../provisioning/evidence';
import { CONTROL_STATUS_LABEL } from '../../provisioning/evidence/report/report-text';
import { RunningSimulator, startSimulator } from '../../simulator';
import { tempDir } from '../evidence/helpers';
import { runCli } from '../helpers/run-cli';

const CHROMIUM = '/usr/bin/chromium';
const GITHUB = { GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'riverside/webex', GITHUB_RUN_ID: '9001', GITHUB_SHA: 'd'.repeat(40), GITHUB_ACTOR: 'release-bot', WEBEX_IAC_PULL_REQUEST: '31' };
const TOKEN = 'browser-demo-token-5a1e9c';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  // eslint-disable-next-line no-console
  console.warn(`Skipping the headless-browser check of the HTML evidence report: ${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run does this).`);
}

(haveChromium ? describe : describe.skip)('the demo\'s HTML evidence report in real headless Chromium', () => {
  let sim: RunningSimulator;
  let work: string;
  let browser: Browser;
  let html: string;
  let report: EvidenceReport;
  let publicKey: string;
  const keys = generateKeyPairSync('ed25519');

  beforeAll(async () => {
    // The demo's flow (npm start): synth main.ts, plan, apply, plan again; then collect and report.
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    work = tempDir('webex-iac-report-browser-');
    const env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_EVIDENCE_DIR: join(work, 'evidence') };
    const manifest = join(work, 'out', 'stacks', 'clinic', 'webex-manifest.json');
    html = join(work, 'evidence-report.html');
    publicKey = join(work, 'signing.pub.pem');
    writeFileSync(publicKey, keys.publicKey.export({ type: 'spki', format: 'pem' }));
    // apply and assess run as a GitHub Actions job of a merged PR, with the evidence key: they record the
    // approval links and sign the heads.
    const signed = { ...env, ...GITHUB, WEBEX_IAC_EVIDENCE_KEY: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
    for (const [args, extra, okCodes] of [
      [['synth', '--output', join(work, 'out')], {}, [0]],
      [['plan', '--manifest', manifest], {}, [0]],
      [['apply', '--manifest', manifest, '--auto-approve'], signed, [0]],
      [['plan', '--manifest', manifest, '--detailed-exitcode'], {}, [0]],
      [['assess', '--manifest', manifest], signed, [0, 1]],
      [['evidence', 'collect', '--manifest', manifest], {}, [0]],
      [['evidence', 'report', '--format', 'html', '--output', html, '--public-key', publicKey], {}, [0]],
    ] as [string[], NodeJS.ProcessEnv, number[]][]) {
      const result = await runCli(args, { ...env, ...extra });
      if (!okCodes.includes(result.code)) throw new Error(`webex-iac ${args.join(' ')} exited ${result.code}: ${result.stderr.trim()}`);
    }
    report = JSON.parse((await runCli(['evidence', 'report', '--format', 'json', '--public-key', publicKey], env)).stdout) as EvidenceReport;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await sim?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('opens offline, loads nothing but itself, and shows every control with its status', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(html).href);
    expect(requests).toEqual([pathToFileURL(html).href]);

    const controls = report.orgs.flatMap((o) => o.controls.map((c) => ({ org: o.org, ...c })));
    expect(controls.length).toBeGreaterThan(0);
    for (const control of controls) {
      const row = page.locator(`section[data-org="${control.org}"] tr[data-control="${control.control}"][data-target="${control.target}"]`);
      await expect(row.isVisible()).resolves.toBe(true);
      const status = (await row.locator('td.status').innerText()).split('\n')[0];
      expect(status).toBe(CONTROL_STATUS_LABEL[control.status]);
    }
    // After apply and the plan that follows it, the demo's site security is verified compliant.
    expect(controls.find((c) => c.control === 'meetingSecurity')).toMatchObject({ status: 'compliant' });
    await expect(page.locator('tr[data-control="meetingSecurity"] td.status').first().innerText()).resolves.toMatch(/^Compliant/);
    await expect(page.locator('section.org .chain').first().innerText()).resolves.toMatch(/Evidence chain: intact/);
    await expect(page.locator('table.changes tbody tr').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  test('prints: a page per org, table headers repeated on each page, as a PDF', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(html).href);
    await page.emulateMedia({ media: 'print' });
    // A string: the page's DOM types are not part of this Node project's compilation.
    const style = await page.evaluate(`({ thead: getComputedStyle(document.querySelector('thead')).display, org: getComputedStyle(document.querySelector('section.org')).breakBefore })`);
    expect(style).toEqual({ thead: 'table-header-group', org: 'page' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(readFileSync(html, 'utf8')).not.toContain(TOKEN);
    await page.close();
  });

  test('the clinic report shows org id, period, producer, rule ids and citations from assess, grouped changes with approval links, and the signed head of each file', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(html).href);
    const visible = await page.locator('body').innerText();
    const [org] = report.orgs;
    expect(org!.orgId).toBeTruthy();
    expect(visible).toContain(org!.orgId!);
    expect(visible).toMatch(/Period\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC to \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(visible).toMatch(/Generated\s+.* by \S+@\S+, webex-iac \d+\.\d+\.\d+/);
    expect(org!.rules.length).toBeGreaterThan(10);
    for (const rule of org!.rules) {
      const row = page.locator(`tr[data-rule="${rule.ruleId}"]`);
      const text = await row.innerText();
      expect(text).toContain(rule.ruleId);
      for (const c of rule.citations) expect(text).toContain(c.section);
    }
    const meeting = org!.controls.find((c) => c.control === 'meetingSecurity')!;
    expect(meeting.ruleIds).toEqual(expect.arrayContaining(['WBX.MEET.1v1']));
    const change = page.locator('tr[data-change="meetingSecurity"]');
    await expect(change.count()).resolves.toBe(1);
    const changeText = await change.innerText();
    expect(changeText).toContain('PR #31');
    expect(changeText).toContain('https://github.com/riverside/webex/pull/31');
    expect(changeText).toContain('https://github.com/riverside/webex/actions/runs/9001');
    await expect(change.locator('a[href="https://github.com/riverside/webex/pull/31"]').count()).resolves.toBe(1);
    expect(report.signatures).toMatchObject({ checked: true, intact: true });
    for (const f of org!.chain.files) {
      expect(f.checkpoint).toMatchObject({ verified: true });
      const row = await page.locator(`tr[data-file="${f.file}"]`).innerText();
      expect(row).toContain(f.headSha256);
      expect(row).toMatch(/\(verified\)/);
    }
    for (const text of await page.locator('tr[data-attestation]').allInnerTexts()) {
      if (/DEMO/i.test(text)) expect(text).not.toMatch(/\bValid\b/);
    }
    await page.setViewportSize({ width: 1100, height: 1400 });
    if (process.env.WEBEX_IAC_KEEP_SCREENSHOT) await page.screenshot({ path: process.env.WEBEX_IAC_KEEP_SCREENSHOT, fullPage: true });
    await page.close();
  });
});
