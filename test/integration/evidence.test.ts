import axios from 'axios';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EvidenceLog, EvidenceReport } from '../../provisioning/evidence';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { filesBelow } from '../helpers/files';
import { runCli, withoutProgress } from '../helpers/run-cli';
import { lines, tempDir, writeLines } from '../evidence/helpers';

const TOKEN = 'evidence-secret-token-0c4f2d9b81';
const ORG = 'Riverside Family Clinic';

describe('evidence against the simulator: recorded by plan, apply and drift; verified; collected; reported', () => {
  let sim: RunningSimulator;
  let work: string;
  let evidence: string;
  let manifest: string;
  let env: NodeJS.ProcessEnv;
  /** Records the apply test left (their number depends on how the appends batched). */
  let recordCount = 0;
  const outputs: string[] = [];
  const run = async (args: string[], extra: NodeJS.ProcessEnv = {}) => {
    const result = await runCli(args, { ...env, ...extra });
    outputs.push(result.stdout, result.stderr);
    return result;
  };

  beforeAll(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    work = tempDir('webex-iac-evidence-cli-');
    evidence = join(work, 'evidence');
    manifest = join(work, 'webex-manifest.json');
    writeFileSync(manifest, JSON.stringify(clinicManifest()));
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_EVIDENCE_DIR: evidence };
  });
  afterAll(async () => {
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('plan, apply and drift each append records; apply records before, after and the trackingId of each write', async () => {
    expect((await run(['plan', '--manifest', manifest])).code).toBe(0);
    const apply = await run(['apply', '--manifest', manifest, '--auto-approve']);
    expect(withoutProgress(apply.stderr)).toBe('');
    expect(apply.code).toBe(0);
    expect((await run(['drift', '--manifest', manifest])).code).toBe(0);

    const all = new EvidenceLog({ dir: evidence, toolVersion: 't' }).read(ORG).map((s) => s.record);
    // apply: its plan, that it started, each write request before it was sent and each outcome as it
    // became known (in as many `apply-writes` records as the appends batched them), then the summary.
    const writes = all.filter((r) => r.kind === 'apply-writes');
    const records = all.filter((r, i) => r.kind !== 'apply-writes' || all[i - 1]?.kind !== 'apply-writes');
    expect(records.map((r) => r.kind)).toEqual(['plan', 'plan', 'apply-started', 'apply-writes', 'apply', 'drift']);
    expect(records.map((r) => r.command)).toEqual([
      `webex-iac plan --manifest ${manifest}`,
      `webex-iac apply --manifest ${manifest} --auto-approve`,
      `webex-iac apply --manifest ${manifest} --auto-approve`,
      `webex-iac apply --manifest ${manifest} --auto-approve`,
      `webex-iac apply --manifest ${manifest} --auto-approve`,
      `webex-iac drift --manifest ${manifest}`,
    ]);
    for (const r of all) {
      expect(r.actor).toMatchObject({ person: { email: 'admin@riverside-clinic.example' } });
      expect(r.toolVersion).toMatch(/^\d+\.\d+\.\d+/);
    }
    expect(records[0]!.details!.controls).toEqual([{ control: 'meetingSecurity', target: 'site riverside-clinic.webex.com', path: 'clinic/RiversideClinic/MainSite/MeetingSecurity', status: 'non-compliant' }]);
    const patch = sim.exchanges.find((e) => e.method === 'PATCH')!;
    expect(records[2]!.details).toMatchObject({ planned: 1, planRecord: records[1]!.id });
    expect(writes.flatMap((r) => r.changes ?? [])).toEqual([expect.objectContaining({ control: 'meetingSecurity', outcome: 'applied', trackingId: patch.responseHeaders.trackingid, verified: true })]);
    // The PATCH itself: named before it was sent, then applied (the clinic's site is the token user's default: no switch).
    expect(writes.flatMap((r) => (r.details?.requests ?? []) as { trackingId: string; outcome: string; purpose: string }[])).toEqual([
      expect.objectContaining({ trackingId: patch.responseHeaders.trackingid, purpose: 'write', outcome: 'unknown' }),
      expect.objectContaining({ trackingId: patch.responseHeaders.trackingid, purpose: 'write', outcome: 'applied' }),
    ]);
    const [change] = records[4]!.changes!;
    expect(change).toMatchObject({ control: 'meetingSecurity', target: 'site riverside-clinic.webex.com', trackingId: patch.responseHeaders.trackingid, verified: true });
    expect(change!.before).toMatchObject({ joinBeforeHost: true, unlistAllMeetings: false });
    expect(change!.after).toMatchObject({ joinBeforeHost: false, unlistAllMeetings: true });
    expect(records[4]!.details).toMatchObject({ outcome: 'applied', planned: 1, applied: 1, planRecord: records[1]!.id });
    expect(records[5]!.details!.controls).toEqual([expect.objectContaining({ control: 'meetingSecurity', status: 'compliant' })]);
    recordCount = all.length;
  });

  test('verify exits 0 on the intact log, and 1 naming the file and line of any record with one character changed', async () => {
    const ok = await run(['evidence', 'verify']);
    expect(withoutProgress(ok.stderr)).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`riverside-family-clinic \\("Riverside Family Clinic"\\): ${recordCount} record\\(s\\).*: chain intact`));
    expect(ok.stdout).toMatch(/164\.316\(b\)\(2\)\(i\)/);

    const file = filesBelow(evidence).find((f) => f.endsWith('.jsonl'))!;
    const original = lines(file);
    for (const [index, line] of original.entries()) {
      const at = line.indexOf('"command":"') + 12;
      const altered = [...original];
      altered[index] = `${line.slice(0, at)}${line[at] === 'x' ? 'y' : 'x'}${line.slice(at + 1)}`;
      writeLines(file, altered);
      const broken = await run(['evidence', 'verify', '--dir', evidence], { WEBEX_IAC_EVIDENCE_DIR: '/nonexistent' });
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain(`Error: evidence chain broken at ${relative(evidence, file)} line ${index + 1}: the record does not match its own hash`);
    }
    writeLines(file, original.filter((_, i) => i !== 1));
    const removed = await run(['evidence', 'verify']);
    expect(removed.code).toBe(1);
    expect(removed.stderr).toContain(`Error: evidence chain broken at ${relative(evidence, file)} line 2: the record says it is line 3 of its file: the line(s) before it were removed`);
    writeLines(file, original);
    expect((await run(['evidence', 'verify'])).code).toBe(0);
  });

  test('collect run twice adds the simulator\'s admin and sign-in events once', async () => {
    const first = await run(['evidence', 'collect', '--manifest', manifest]);
    expect(withoutProgress(first.stderr)).toBe('');
    expect(first.code).toBe(0);
    const added = /admin audit (\d+) read, (\d+) new; security audit (\d+) read, (\d+) new/.exec(first.stdout)!;
    expect(Number(added[2])).toBeGreaterThanOrEqual(1);
    expect(Number(added[4])).toBeGreaterThanOrEqual(1);

    const second = await run(['evidence', 'collect', '--manifest', manifest, '--since', new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString().slice(0, 10)]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/admin audit \d+ read, 0 new; security audit \d+ read, 0 new/);

    // What Webex (the simulator) holds, read directly: each event is in the log exactly once.
    const webex = axios.create({ baseURL: sim.url, headers: { Authorization: `Bearer ${TOKEN}` } });
    const { data: orgs } = await webex.get('/v1/organizations');
    const orgId = orgs.items[0].id;
    const window = { from: new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString(), to: new Date().toISOString() };
    const { data: admin } = await webex.get('/v1/adminAudit/events', { params: { orgId, ...window, max: 200 } });
    const { data: security } = await webex.get('/v1/admin/securityAudit/events', { params: { orgId, startTime: window.from, endTime: window.to, max: 1000 } });
    const logged = new EvidenceLog({ dir: evidence, toolVersion: 't' })
      .read(ORG)
      .filter((s) => s.record.kind === 'audit-event')
      .map((s) => `${s.record.details!.source}:${s.record.details!.eventId}`);
    const expected = [...admin.items.map((e: { id: string }) => `admin-audit:${e.id}`), ...security.items.map((e: { id: string }) => `security-audit:${e.id}`)];
    expect(logged.sort()).toEqual(expected.sort());
    expect(admin.items.some((e: { data: { trackingId: string } }) => e.data.trackingId === sim.exchanges.find((x) => x.method === 'PATCH')!.responseHeaders.trackingid)).toBe(true);
    expect((await run(['evidence', 'verify'])).code).toBe(0);
  });

  test('report shows each control, the applied change with its trackingId, the audit events and the chain status', async () => {
    const json = await run(['evidence', 'report', '--format', 'json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as EvidenceReport;
    expect(report.chainIntact).toBe(true);
    const [org] = report.orgs;
    expect(org!.controls).toEqual([expect.objectContaining({ control: 'meetingSecurity', status: 'compliant', lastVerifiedCompliant: expect.objectContaining({ kind: 'drift', actor: expect.stringContaining('admin@riverside-clinic.example') }) })]);
    expect(org!.changes.map((c) => c.trackingIds)).toEqual([[sim.exchanges.find((e) => e.method === 'PATCH')!.responseHeaders.trackingid]]);
    expect(org!.changes).toEqual([expect.objectContaining({ control: 'meetingSecurity', target: 'site riverside-clinic.webex.com', writes: 1, verified: 1 })]);
    expect(org!.audit.adminAudit.total).toBeGreaterThanOrEqual(1);
    expect(org!.audit.securityAudit.byCategory).toHaveProperty('LOGINS');

    const markdown = await run(['evidence', 'report', '--org', ORG, '--from', '2000-01-01']);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toMatch(/\| meetingSecurity \| site riverside-clinic.webex.com \| — \| Compliant/);
    expect(markdown.stdout).toMatch(/\| meetingSecurity \| site riverside-clinic.webex.com \| [^|\n]*joinBeforeHost[^|\n]* true → false;[^|\n]*\| 1 write&#40;s&#41;, 1 read back, WEBEX_IAC_/);

    const unknown = await run(['evidence', 'report', '--org', 'Nobody']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^Error: --org "Nobody" has no evidence in .*; orgs with evidence: "Riverside Family Clinic"\n$/);
    const badDate = await run(['evidence', 'report', '--from', '2026-13-01']);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toMatch(/--from must be a date \(YYYY-MM-DD\) or an ISO 8601 time/);
  });

  test('no record holds the token or a PIN: every evidence file written by these runs is scanned', () => {
    const files = filesBelow(evidence);
    expect(files.filter((f) => f.endsWith('.jsonl')).length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toContain(TOKEN);
      expect(text).not.toMatch(/"(?:hostPin|pin|password|token|accessToken|access_token|refreshToken|refresh_token|clientSecret|client_secret)":\s*"(?!\*\*\*")/i);
    }
    for (const output of outputs) expect(output).not.toContain(TOKEN);
  });

  test('evidence --help shows an example for each subcommand', async () => {
    const help = await run(['evidence', '--help']);
    expect(help.stdout).toMatch(/verify[\s\S]*collect[\s\S]*report/);
    for (const sub of ['verify', 'collect', 'report']) {
      const text = (await run(['evidence', sub, '--help'])).stdout;
      expect(text).toMatch(new RegExp(`Examples?:\\n  \\$ webex-iac evidence ${sub}`));
    }
  });
});
