import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvidenceReport } from '../../provisioning/evidence/report/report-model';
import { CLINIC, CLINIC_RECORDING_IDS, RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { runCli } from '../helpers/run-cli';

const TOKEN = 'evidence-recordings-token-8e3c';

/** The evidence report carries, per site, what the newest assess read of removed recordings, or that it could not. */
describe('evidence report: recordings removed before six years', () => {
  let sim: RunningSimulator;
  let dir: string;
  let manifest: string;
  const cli = (args: string[]) => runCli(args, { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_STATE_DIR: join(dir, 'state'), WEBEX_IAC_EVIDENCE_DIR: join(dir, 'evidence') }, dir);

  beforeEach(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    dir = mkdtempSync(join(tmpdir(), 'webex-iac-evidence-recordings-'));
    manifest = join(dir, 'webex-manifest.json');
    writeFileSync(manifest, JSON.stringify(clinicManifest()));
  });
  afterEach(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('assess records each removed recording by id, status and creation time; the report shows them, never a topic', async () => {
    await cli(['assess', '--manifest', manifest, '--format', 'json']);
    const report = JSON.parse((await cli(['evidence', 'report', '--format', 'json'])).stdout) as EvidenceReport;
    const [site] = report.orgs[0]!.recordings;
    expect(site).toMatchObject({ siteUrl: CLINIC.siteUrl, windows: 74, assessed: { kind: 'assess' } });
    expect(site!.removed.map((r) => `${r.id} ${r.status} ${r.hostEmail}`)).toEqual([
      `${CLINIC_RECORDING_IDS['Family conference']} purged dr.garcia@${CLINIC.emailDomain}`,
      `${CLINIC_RECORDING_IDS['Case review']} deleted dr.lee@${CLINIC.emailDomain}`,
    ]);
    const markdown = (await cli(['evidence', 'report', '--format', 'markdown'])).stdout;
    expect(markdown).toContain('### Recordings removed before six years (from the newest assess)');
    expect(markdown).toMatch(new RegExp(`${CLINIC.siteUrl}: 2 removed \\(recordings created \\d{4}-\\d\\d-\\d\\d to \\d{4}-\\d\\d-\\d\\d, 74 windows of at most 30 days per status\\)`));
    expect(markdown).not.toMatch(/Family conference|Case review|lsr\.php/);
  });

  test('a list that could not be read is shown as not read: nothing in it is evidence', async () => {
    sim.injectFault({ method: 'GET', path: '/v1/admin/recordings', status: 500, times: 1_000 });
    await cli(['assess', '--manifest', manifest, '--format', 'json']);
    const report = JSON.parse((await cli(['evidence', 'report', '--format', 'json'])).stdout) as EvidenceReport;
    expect(report.orgs[0]!.recordings).toEqual([expect.objectContaining({ siteUrl: CLINIC.siteUrl, removed: [], error: expect.stringMatching(/\/v1\/admin\/recordings.* 500/) })]);
    expect((await cli(['evidence', 'report', '--format', 'markdown'])).stdout).toContain(`${CLINIC.siteUrl}: **not read**`);
  });
});
