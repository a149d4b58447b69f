import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EvidenceLog, EvidenceReport } from '../../provisioning/evidence';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../evidence/helpers';

const TOKEN = 'evidence-pr-plan-token-6d1f0a';
const ORG = 'Riverside Family Clinic';

/**
 * Issue 11, observation 8: a pull request's plan (an unmerged, different main.ts) is evidence of what a
 * reviewer saw, not of the org's state. Only apply, drift and assess of the enforced declaration decide a
 * control's status in the report.
 */
describe('a plan of an unmerged declaration never changes the compliance record', () => {
  let sim: RunningSimulator;
  let work: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    work = tempDir('webex-iac-evidence-pr-plan-');
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_EVIDENCE_DIR: join(work, 'evidence') };
  });
  afterAll(async () => {
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('apply and assess verify the control; a later PR plan is recorded as a plan and leaves the status compliant', async () => {
    const enforced = join(work, 'enforced.json');
    writeFileSync(enforced, JSON.stringify(clinicManifest()));
    const unmerged = clinicManifest();
    const security = unmerged.orgs[0]!.sites[0]!.settings.meetingSecurity as unknown as Record<string, unknown> & { passwordCriteria: Record<string, unknown> };
    security.joinBeforeHost = true;
    security.passwordCriteria.minNumeric = 2;
    const proposed = join(work, 'pr-main.json');
    writeFileSync(proposed, JSON.stringify(unmerged));

    expect((await runCli(['apply', '--manifest', enforced, '--auto-approve'], env)).code).toBe(0);
    await runCli(['assess', '--manifest', enforced], env);
    const prPlan = await runCli(['plan', '--manifest', proposed, '--detailed-exitcode'], env);
    expect([prPlan.code, prPlan.stderr]).toEqual([2, ""]);

    const kinds = new EvidenceLog({ dir: join(work, 'evidence'), toolVersion: 't' }).read(ORG).map((s) => s.record.kind);
    expect(kinds.filter((k) => k === 'plan').length).toBeGreaterThanOrEqual(2);
    expect(kinds).toContain('assess');

    const result = await runCli(['evidence', 'report', '--format', 'json'], env);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as EvidenceReport;
    const org = report.orgs.find((o) => o.org === ORG)!;
    const control = org.controls.find((c) => c.control === 'meetingSecurity')!;
    expect(control.status).toBe('compliant');
    expect(control.lastObserved.kind).not.toBe('plan');
    expect(org.recordsInPeriod.plan).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
