import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { buildReport, ciIdentity, EvidenceReportSchema, evidenceReportJsonSchema, renderReportHtml, renderReportMarkdown } from '../../provisioning/evidence';
import { entry, tempDir, testLog } from './helpers';

const ORG_NAME = 'Riverside Family Clinic';
const SITE = 'riverside-clinic.webex.com';
const PATH = 'clinic/Riverside/Main/MeetingSecurity';
const GITHUB = { GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/webex', GITHUB_RUN_ID: '4242', GITHUB_SHA: 'a'.repeat(40), GITHUB_REF: 'refs/pull/17/merge', GITHUB_ACTOR: 'octo' };
const GITLAB = { GITLAB_CI: 'true', CI_PROJECT_URL: 'https://gitlab.example.org/health/webex', CI_PIPELINE_URL: 'https://gitlab.example.org/health/webex/-/pipelines/9', CI_MERGE_REQUEST_IID: '5', CI_COMMIT_SHA: 'b'.repeat(40) };

describe('an evidence report that stands on its own', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    const log = testLog(dir, ['2025-01-05T09:00:00.000Z', '2026-01-10T09:00:00.000Z', '2026-01-10T09:01:00.000Z', '2026-01-11T09:00:00.000Z', '2026-01-12T09:00:00.000Z', '2026-01-12T10:00:00.000Z', '2026-01-13T09:00:00.000Z', '2026-01-14T09:00:00.000Z']);
    // Outside the default period (more than twelve months before --to).
    await log.append(ORG_NAME, { ...entry('apply', { controls: [] }), orgId: 'ORG-OLD', changes: [{ control: 'meetingSecurity', target: `site ${SITE}`, before: { a: 1 }, after: { a: 2 } }] });
    const fifteen = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`field${i}`, true]));
    const off = Object.fromEntries(Object.keys(fifteen).map((k) => [k, false]));
    await log.append(ORG_NAME, {
      ...entry('apply', { outcome: 'applied', controls: [{ control: 'meetingSecurity', target: `site ${SITE}`, path: PATH, status: 'compliant' }] }),
      actor: { ci: ciIdentity(GITHUB)! },
      orgId: 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9yaXZlcnNpZGU',
      changes: [
        { control: 'meetingSecurity', target: `site ${SITE}`, path: PATH, before: off, after: fifteen, trackingId: 'WEBEX_IAC_site', verified: true },
        ...Array.from({ length: 200 }, (_, i) => ({ control: 'hostLobby', target: `person host${i}@clinic.example on ${SITE}`, before: { enabledAutoLock: false }, after: { enabledAutoLock: true }, trackingId: `WEBEX_IAC_h${i}`, verified: true })),
      ],
    });
    await log.append(ORG_NAME, {
      ...entry('assess', {
        profile: 'hipaa-current',
        compliant: false,
        results: [
          { ruleId: 'WBX.MEET.1v1', level: 'SHALL', status: 'pass', passed: 1, paths: [PATH], findings: [] },
          { ruleId: 'WBX.PWD.1v1', level: 'SHALL', status: 'fail', passed: 0, paths: ['clinic/Riverside/PasswordPolicy'], findings: [{ finding: 'x' }] },
        ],
      }),
      orgId: 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9yaXZlcnNpZGU',
    });
    await log.append(ORG_NAME, entry('attestation', { control: 'businessAssociateAgreement', attestedBy: 'legal@clinic.example', reference: 'DEMO-ONLY: replace with the signed BAA', expires: '2030-01-01' }));
    await log.append(ORG_NAME, entry('attestation', { control: 'messageRetention', attestedBy: 'privacy@clinic.example', reference: 'POL-RET-2025-03', expires: '2030-01-01' }));
    await log.append(ORG_NAME, { ...entry('apply', { controls: [] }), actor: { ci: ciIdentity(GITLAB)! }, changes: [{ control: 'meetingSecurity', target: `site ${SITE}`, before: { x: 1 }, after: { x: 2 }, trackingId: 'WEBEX_IAC_gl' }] });
    await log.append(ORG_NAME, entry('audit-event', { source: 'admin-audit', eventId: 'own', event: { created: '2026-01-10T09:01:30.000Z', data: { actorEmail: 'svc@clinic.example', eventCategory: 'MEETINGS', trackingId: 'WEBEX_IAC_site' } } }));
    await log.append(ORG_NAME, entry('audit-event', { source: 'admin-audit', eventId: 'outside', event: { created: '2026-01-13T08:00:00.000Z', data: { actorEmail: 'rogue@clinic.example', eventCategory: 'MEETINGS', actionText: 'Turned on join before host', trackingId: 'ATLAS_123' } } }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const report = () => buildReport({ dir, toolVersion: '1.2.3', now: new Date('2026-02-01T00:00:00.000Z'), producer: { ci: ciIdentity(GITHUB)! }, coveredEntity: 'Riverside Health System' });

  test('names the period (default: the last twelve months), the producer with its CI run and commit, the covered entity, org id and sites', () => {
    const r = report();
    expect(r.period).toEqual({ from: '2025-02-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' });
    expect(r.producer).toEqual({
      actor: 'octo via github-actions run 4242',
      toolVersion: '1.2.3',
      revision: 'a'.repeat(40),
      links: [
        { label: 'PR #17', url: 'https://github.com/acme/webex/pull/17' },
        { label: 'github-actions run 4242', url: 'https://github.com/acme/webex/actions/runs/4242' },
        { label: `commit ${'a'.repeat(12)}`, url: `https://github.com/acme/webex/commit/${'a'.repeat(40)}` },
      ],
    });
    const [org] = r.orgs;
    expect(org).toMatchObject({ org: ORG_NAME, orgId: 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9yaXZlcnNpZGU', coveredEntity: 'Riverside Health System', sites: [SITE], profile: 'hipaa-current' });
    expect(org!.recordsInPeriod.apply).toBe(2);
  });

  test('each rule carries its id, CFR citation, assess status and last pass; each setting names the rules that judged it', () => {
    const [org] = report().orgs;
    expect(org!.rules.map((r) => [r.ruleId, r.status, r.citations.map((c) => c.section)])).toEqual([
      ['WBX.MEET.1v1', 'pass', expect.arrayContaining([expect.stringMatching(/^164\./)])],
      ['WBX.PWD.1v1', 'fail', expect.arrayContaining([expect.stringMatching(/^164\./)])],
    ]);
    expect(org!.rules[0]!.lastPassed).toMatchObject({ kind: 'assess', time: '2026-01-10T09:01:00.000Z' });
    expect(org!.rules[1]!.lastPassed).toBeUndefined();
    expect(org!.controls).toEqual([expect.objectContaining({ control: 'meetingSecurity', ruleIds: ['WBX.MEET.1v1'], status: 'compliant' })]);
  });

  test('changes are grouped: a site\'s 15 fields are one group, 200 hosts are one group, each with its approval links from CI', () => {
    const [org] = report().orgs;
    expect(org!.changes.map((g) => [g.control, g.target, g.writes, g.hosts])).toEqual([
      ['hostLobby', `hosts on site ${SITE}`, 200, 200],
      ['meetingSecurity', `site ${SITE}`, 2, undefined],
    ]);
    const hosts = org!.changes[0]!;
    expect(hosts.fields).toEqual([{ field: 'enabledAutoLock', before: 'false', after: 'true', count: 200 }]);
    const site = org!.changes[1]!;
    expect(site.fields).toHaveLength(16);
    expect(site.approvals).toEqual(
      expect.arrayContaining([
        { label: 'PR #17', url: 'https://github.com/acme/webex/pull/17' },
        { label: 'MR !5', url: 'https://gitlab.example.org/health/webex/-/merge_requests/5' },
        { label: 'gitlab-ci run', url: 'https://gitlab.example.org/health/webex/-/pipelines/9' },
        { label: `commit ${'b'.repeat(12)}`, url: `https://gitlab.example.org/health/webex/-/commit/${'b'.repeat(40)}` },
      ]),
    );
  });

  test('a DEMO reference is not evidence, never "Valid"; audit events explain the change made outside webex-iac', () => {
    const [org] = report().orgs;
    expect(org!.attestations.map((a) => [a.control, a.status])).toEqual([
      ['businessAssociateAgreement', 'not-evidence'],
      ['messageRetention', 'valid'],
    ]);
    expect(org!.audit.adminAudit.total).toBe(2);
    expect(org!.audit.adminAudit.events).toEqual([{ created: '2026-01-13T08:00:00.000Z', actor: 'rogue@clinic.example', category: 'MEETINGS', action: 'Turned on join before host', trackingId: 'ATLAS_123', byWebexIac: false }]);
    const html = renderReportHtml(report());
    expect(html).toMatch(/<tr data-attestation="businessAssociateAgreement" data-status="not-evidence">.*Not evidence \(placeholder reference\)/);
    expect(html).not.toMatch(/data-attestation="businessAssociateAgreement"(?:(?!<\/tr>).)*>Valid</);
    expect(renderReportMarkdown(report())).toMatch(/\| businessAssociateAgreement \|.*\| Not evidence &#40;placeholder reference&#41; \|/);
  });

  test('the head hash of every file is shown; the JSON matches the published schema', () => {
    const r = report();
    const files = r.orgs[0]!.chain.files;
    expect(files.map((f) => f.file)).toEqual(['riverside-family-clinic/2025-01.jsonl', 'riverside-family-clinic/2026-01.jsonl']);
    for (const f of files) expect(f.headSha256).toMatch(/^[0-9a-f]{64}$/);
    const html = renderReportHtml(r);
    for (const f of files) expect(html).toContain(f.headSha256);
    expect(EvidenceReportSchema.safeParse(JSON.parse(JSON.stringify(r))).success).toBe(true);
    const published = JSON.parse(readFileSync(join(__dirname, '..', '..', 'provisioning', 'evidence', 'report', 'evidence-report.schema.json'), 'utf8'));
    expect(published).toEqual(evidenceReportJsonSchema());
    const validate = new Ajv2020({ strict: false }).compile(published);
    expect(validate(JSON.parse(JSON.stringify(r)))).toBe(true);
  });

  test('CI variables that are not https links never become links', () => {
    const ci = ciIdentity({ ...GITHUB, GITHUB_SERVER_URL: 'javascript:alert(1)//', GITHUB_REF: 'refs/pull/1 onclick=x/merge' })!;
    expect(ci.runUrl).toBeUndefined();
    expect(ci.changeRequest).toBeUndefined();
    const gl = ciIdentity({ ...GITLAB, CI_PIPELINE_URL: 'https://user:pass@gitlab.example.org/p', CI_MERGE_REQUEST_IID: '5; rm -rf' })!;
    expect(gl.runUrl).toBeUndefined();
    expect(gl.changeRequest).toBeUndefined();
  });
});
