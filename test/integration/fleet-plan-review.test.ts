import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { writeFleetApp } from '../../bench/fleet-app';
import { GITHUB_COMMENT_LIMIT, Plan } from '../../provisioning';
import { HEALTH_SYSTEM, RunningSimulator, startSimulator } from '../../simulator';
import { runCli } from '../helpers/run-cli';

const TOKEN = 'fleet-review-token-8d41a0';
const CHROMIUM = '/usr/bin/chromium';
const SIZE = { orgs: 3, sites: 3, users: 200 };
const WEAKENED_SITE = HEALTH_SYSTEM.siteUrl(1, 2);

/**
 * What a reviewer sees of a fleet's plan: 3 orgs × 3 sites × 200 hosts (the size), with one
 * deliberate weakening (an exact pin on a site already stricter than the declaration).
 */
describe('a fleet plan a reviewer can read in a minute', () => {
  let sim: RunningSimulator;
  let work: string;
  let plan: Plan;
  let markdown: string;
  let text: string;

  beforeAll(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'health-system', size: SIZE });
    work = mkdtempSync(join(tmpdir(), 'webex-iac-fleet-review-'));
    const orgs = Array.from({ length: SIZE.orgs }, (_, i) => ({
      name: HEALTH_SYSTEM.orgName(i + 1),
      siteUrls: Array.from({ length: SIZE.sites }, (_, j) => HEALTH_SYSTEM.siteUrl(i + 1, j + 1)),
      admins: [HEALTH_SYSTEM.userEmail(i + 1, 0)],
    }));
    writeFleetApp(join(work, 'app'), orgs);
    const synth = await runCli(['synth', '--output', join(work, 'out'), '--allow-noncompliant'], {}, join(work, 'app'));
    if (synth.code !== 0) throw new Error(synth.stderr);
    const manifestFile = join(work, 'out', 'stacks', 'fleet', 'webex-manifest.json');
    // Pin one field below the live value on purpose: a weakening the reviewer must see.
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const site = manifest.orgs[0].sites.find((s: { siteUrl: string }) => s.siteUrl === WEAKENED_SITE);
    site.settings.meetingSecurity = { ...site.settings.meetingSecurity, firstAttendeeAsPresenter: true, exactFields: ['firstAttendeeAsPresenter'] };
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(work, 'state'), WEBEX_IAC_EVIDENCE_DIR: join(work, 'evidence') };
    const run = async (format: string) => {
      const result = await runCli(['plan', '--manifest', manifestFile, '--format', format, '--quiet'], env);
      if (result.code !== 0) throw new Error(result.stderr);
      return result.stdout;
    };
    plan = JSON.parse(await run('json')) as Plan;
    markdown = await run('markdown');
    text = (await runCli(['plan', '--manifest', manifestFile], env)).stdout;
  }, 240_000);

  afterAll(async () => {
    await sim?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('the plan is fleet-sized: thousands of host changes, findings in every org, one weakening', () => {
    expect(plan.changes.length).toBeGreaterThan(1_500);
    expect(plan.summary.weakening).toBe(1);
    expect(new Set(plan.findings.map((f) => f.org)).size).toBe(SIZE.orgs);
  });

  test('the PR comment fits GitHub and names every org, every weakening and every finding', () => {
    expect(markdown.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    for (let org = 1; org <= SIZE.orgs; org++) expect(markdown).toContain(`| ${HEALTH_SYSTEM.orgName(org)} |`);
    expect(markdown).toMatch(/^- ⚠️ \*\*WEAKENS\*\* .*hs1-site2\.webex\.com.*`firstAttendeeAsPresenter` `false` → `true`/m);
    const findingLines = markdown.split('\n').filter((l) => l.startsWith('- **') && / › person /.test(l));
    expect(findingLines).toHaveLength(plan.findings.length);
    expect(markdown).not.toMatch(/more sections not shown|the rest is not shown/);
  });

  test('the terminal plan of the same fleet is under 400 lines, summary last', () => {
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeLessThan(400);
    expect(lines[lines.length - 1]).toMatch(/^Plan: \d+ to change .*1 weakening/);
  });

  (existsSync(CHROMIUM) ? test : test.skip)('rendered as GitHub renders a comment, every org, the weakening and the findings are visible without a click', async () => {
    const html = join(work, 'comment.html');
    // GitHub renders comments as GFM with a safe subset of HTML (details, summary, sub): markdown-it with HTML on is close enough.
    const body = new MarkdownIt({ html: true, linkify: false }).render(markdown);
    writeFileSync(html, `<!doctype html><meta charset="utf-8"><style>body{font:14px -apple-system,Segoe UI,sans-serif;max-width:900px;margin:16px}table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:4px 8px}code{background:#eff1f3}</style>${body}`);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
      await page.goto(pathToFileURL(html).href);
      for (let org = 1; org <= SIZE.orgs; org++) await expect(page.locator('td', { hasText: HEALTH_SYSTEM.orgName(org) }).first().isVisible()).resolves.toBe(true);
      await expect(page.locator('li', { hasText: 'WEAKENS' }).first().isVisible()).resolves.toBe(true);
      const findings = page.locator('h3:has-text("Findings") + ul > li');
      await expect(findings.count()).resolves.toBe(plan.findings.length);
      for (let i = 0; i < plan.findings.length; i += 7) await expect(findings.nth(i).isVisible()).resolves.toBe(true);
      await page.screenshot({ path: join(work, 'comment.png'), fullPage: true });
      if (process.env.WEBEX_IAC_KEEP_SCREENSHOT) writeFileSync(process.env.WEBEX_IAC_KEEP_SCREENSHOT, readFileSync(join(work, 'comment.png')));
    } finally {
      await browser.close();
    }
  }, 120_000);
});
