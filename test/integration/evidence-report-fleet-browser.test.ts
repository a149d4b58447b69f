import { generateKeyPairSync } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { HIPAA_PACK } from '../../policies';
import { buildReport, ciIdentity, EvidenceChange, EvidenceLog, EvidenceReport, renderReportHtml, signCheckpoints } from '../../provisioning/evidence';
import { HEALTH_SYSTEM } from '../../simulator';
import { tempDir } from '../evidence/helpers';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const ORGS = 3;
const SITES = 3;
const HOSTS = 200;
const CI = { GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'health/webex', GITHUB_RUN_ID: '777', GITHUB_SHA: 'c'.repeat(40), GITHUB_REF: 'refs/pull/42/merge', GITHUB_ACTOR: 'ciso-bot' };

/**
 * The evidence of a health system shaped as the simulator's health-system seed (3 orgs × 3 sites × 200
 * hosts): every host's lobby written, each site's meeting security written, an assess of the whole pack,
 * attestations (one a DEMO placeholder), an exception and audit events, then signed.
 */
async function fleetLog(dir: string): Promise<void> {
  let minute = 0;
  const log = new EvidenceLog({ dir, toolVersion: '9.9.9-test', clock: () => new Date(Date.UTC(2026, 0, 10, 8, minute++)) });
  const actor = { person: { id: 'p', email: HEALTH_SYSTEM.adminEmail }, ci: ciIdentity(CI)! };
  for (let o = 1; o <= ORGS; o++) {
    const org = HEALTH_SYSTEM.orgName(o);
    const orgId = HEALTH_SYSTEM.orgId(o);
    const changes: EvidenceChange[] = [];
    const controls = [];
    for (let s = 1; s <= SITES; s++) {
      const site = HEALTH_SYSTEM.siteUrl(o, s);
      const path = `fleet/Org${o}/Site${s}`;
      changes.push({ control: 'meetingSecurity', target: `site ${site}`, path: `${path}/MeetingSecurity`, before: { joinBeforeHost: true, unlistAllMeetings: false, requireLoginBeforeAccess: false }, after: { joinBeforeHost: false, unlistAllMeetings: true, requireLoginBeforeAccess: true }, trackingId: `WEBEX_IAC_${o}_${s}`, verified: true });
      for (let h = 1; h <= HOSTS; h++) {
        changes.push({ control: 'hostLobby', target: `person ${HEALTH_SYSTEM.userEmail(o, h)} on ${site}`, path: `${path}/HostLobby`, before: { enabledAutoLock: false, autoLockMinutes: 0 }, after: { enabledAutoLock: true, autoLockMinutes: 5 }, trackingId: `WEBEX_IAC_${o}_${s}_${h}`, verified: true });
      }
      controls.push({ control: 'meetingSecurity', target: `site ${site}`, path: `${path}/MeetingSecurity`, status: 'compliant', note: 'written and read back' });
      controls.push({ control: 'hostLobby', target: `site ${site}`, path: `${path}/HostLobby`, status: 'compliant', note: `${HOSTS} host(s) written and read back` });
    }
    await log.append(org, { kind: 'apply', actor, command: 'webex-iac apply --auto-approve', orgId, changes, details: { outcome: 'applied', controls } });
    const sitePaths = Array.from({ length: SITES }, (_, s) => `fleet/Org${o}/Site${s + 1}`);
    await log.append(org, {
      kind: 'assess',
      actor,
      command: 'webex-iac assess',
      orgId,
      details: {
        profile: 'hipaa-current',
        results: HIPAA_PACK.map((rule, i) => ({
          ruleId: rule.id,
          level: rule.level,
          status: (i + o) % 11 === 0 ? 'fail' : rule.automation === 'manual-attestation' ? 'not-verifiable' : 'pass',
          passed: 3,
          paths: rule.area === 'MEET' ? sitePaths.map((p) => `${p}/MeetingSecurity`) : rule.area === 'HOST' ? sitePaths.map((p) => `${p}/HostLobby`) : [`fleet/Org${o}`],
          findings: (i + o) % 11 === 0 ? [{ finding: rule.id }] : [],
        })),
      },
    });
    await log.append(org, { kind: 'attestation', actor, command: 'webex-iac plan', details: { control: 'businessAssociateAgreement', attestedBy: `legal@org${o}.example`, reference: 'DEMO-ONLY-BAA', expires: '2027-12-31' } });
    await log.append(org, { kind: 'attestation', actor, command: 'webex-iac plan', details: { control: 'messageRetention', attestedBy: `privacy@org${o}.example`, reference: `POL-RET-${o}`, expires: '2026-02-01' } });
    await log.append(org, { kind: 'exception', actor, command: 'webex-iac assess', details: { ruleId: 'WBX.REC.2v1', decision: 'granted', reason: 'research archive', owner: `ciso@org${o}.example`, expires: '2026-01-30' } });
    await log.appendMany(
      org,
      Array.from({ length: 40 }, (_, i) => ({
        kind: 'audit-event',
        actor,
        command: 'webex-iac evidence collect',
        details: { source: 'admin-audit', eventId: `e${i}`, event: { created: `2026-01-09T0${i % 10}:00:00.000Z`, data: { actorEmail: `admin${i % 3}@org${o}.example`, eventCategory: 'MEETINGS', actionText: `changed setting ${i}`, trackingId: i % 4 === 0 ? `OUTSIDE_${i}` : `WEBEX_IAC_${o}_1_${i + 1}` } } },
      })),
    );
  }
}

(haveChromium ? describe : describe.skip)('the fleet evidence report (3 orgs × 3 sites × 200 hosts) in headless Chromium', () => {
  let work: string;
  let browser: Browser;
  let html: string;
  let report: EvidenceReport;
  let size: number;

  beforeAll(async () => {
    work = tempDir('webex-iac-fleet-report-');
    const dir = join(work, 'evidence');
    await fleetLog(dir);
    const keys = generateKeyPairSync('ed25519');
    signCheckpoints(dir, keys.privateKey, new Date('2026-01-20T00:00:00.000Z'));
    report = buildReport({ dir, toolVersion: '9.9.9-test', now: new Date('2026-01-25T00:00:00.000Z'), producer: { ci: ciIdentity(CI)! }, publicKeys: [keys.publicKey], coveredEntity: 'Health System' });
    const text = renderReportHtml(report);
    size = Buffer.byteLength(text, 'utf8');
    html = join(work, 'fleet.html');
    writeFileSync(html, text);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('is under 1 MB, groups hosts per site, and shows a summary page of every org', () => {
    expect(size).toBeLessThan(1_000_000);
    for (const org of report.orgs) {
      expect(org.changes.map((g) => [g.control, g.hosts ?? 0])).toEqual(
        expect.arrayContaining(Array.from({ length: SITES }, () => ['hostLobby', HOSTS])),
      );
      expect(org.changes).toHaveLength(SITES * 2);
    }
    expect(report.signatures).toMatchObject({ checked: true, intact: true });
  });

  test('shows what an auditor must see and prints to a PDF of bounded pages', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(html).href);
    const visible = await page.locator('body').innerText();
    expect(visible).toContain('2025-01-25 00:00 UTC to 2026-01-25 00:00 UTC');
    expect(visible).toMatch(/Fleet summary: 3 orgs/);
    for (let o = 1; o <= ORGS; o++) expect(visible).toContain(HEALTH_SYSTEM.orgId(o));
    for (const rule of HIPAA_PACK) expect(visible).toContain(rule.id);
    expect(visible).toContain('45 CFR 164.312(b) Audit controls');
    for (const org of report.orgs) for (const f of org.chain.files) expect(visible).toContain(f.headSha256);
    expect(visible).toContain('PR #42');
    // The DEMO attestation is visibly not evidence, in no row shown as Valid.
    const demoRows = page.locator('tr[data-attestation="businessAssociateAgreement"]');
    await expect(demoRows.count()).resolves.toBe(ORGS);
    for (const text of await demoRows.allInnerTexts()) {
      expect(text).toMatch(/Not evidence/);
      expect(text).not.toMatch(/\bValid\b/);
    }
    await page.setViewportSize({ width: 1100, height: 1400 });
    await page.screenshot({ path: join(work, 'fleet.png') });
    if (process.env.WEBEX_IAC_KEEP_SCREENSHOT) await page.screenshot({ path: process.env.WEBEX_IAC_KEEP_SCREENSHOT, fullPage: false });

    await page.emulateMedia({ media: 'print' });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, displayHeaderFooter: false });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      // A summary, then each org's facts, rules, settings, grouped changes and events: a binder, not a phone book.
      expect(pages).toBeGreaterThanOrEqual(ORGS + 1);
      expect(pages).toBeLessThanOrEqual(60);
      if (process.env.WEBEX_IAC_KEEP_PDF) writeFileSync(`${process.env.WEBEX_IAC_KEEP_PDF}.${format}.pdf`, pdf);
    }
    await page.close();
  });
});
