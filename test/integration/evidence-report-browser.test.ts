import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { EvidenceReport } from '../../provisioning/evidence';
import { CONTROL_STATUS_LABEL } from '../../provisioning/evidence/report/report-text';
import { RunningSimulator, startSimulator } from '../../simulator';
import { tempDir } from '../evidence/helpers';
import { runCli } from '../helpers/run-cli';

const CHROMIUM = '/usr/bin/chromium';
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

  beforeAll(async () => {
    // The demo's flow (npm start): synth main.ts, plan, apply, plan again; then collect and report.
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    work = tempDir('webex-iac-report-browser-');
    const env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_EVIDENCE_DIR: join(work, 'evidence') };
    const manifest = join(work, 'out', 'stacks', 'clinic', 'webex-manifest.json');
    html = join(work, 'evidence-report.html');
    for (const args of [
      ['synth', '--output', join(work, 'out')],
      ['plan', '--manifest', manifest],
      ['apply', '--manifest', manifest, '--auto-approve'],
      ['plan', '--manifest', manifest, '--detailed-exitcode'],
      ['evidence', 'collect', '--manifest', manifest],
      ['evidence', 'report', '--format', 'html', '--output', html],
    ]) {
      const result = await runCli(args, env);
      if (result.code !== 0) throw new Error(`webex-iac ${args.join(' ')} exited ${result.code}: ${result.stderr.trim()}`);
    }
    report = JSON.parse((await runCli(['evidence', 'report', '--format', 'json'], env)).stdout) as EvidenceReport;
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
});
