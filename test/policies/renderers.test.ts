import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ComplianceReport, complianceReport, evaluateOrg, HIPAA_PACK, renderJsonReport, renderMarkdownReport, renderSarifReport, renderTerminalReport, Rule } from '../../policies';
import { declared, observed, SITE, TODAY } from './fixtures';

const NOW = new Date(`${TODAY}T12:00:00.000Z`);
const schema = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

const throwing: Rule = { ...HIPAA_PACK[0]!, id: 'WBX.MEET.99v1', name: 'Throws', check: () => { throw new Error('cannot resolve joinBeforeHost'); } };

/** A report with every kind of result: failures, a warning, an exception, not verifiable, an error. */
function mixedReport(manifest = 'cdktf.out/stacks/clinic/webex-manifest.json', profile: 'hipaa-current' | 'hipaa-nprm-2025' = 'hipaa-current'): ComplianceReport {
  const subject = observed(
    (live) => {
      Object.assign(live.sites[SITE]!.meetingSecurity!, { joinBeforeHost: true, firstAttendeeAsPresenter: true });
      live.org!.enforced!.mfa = null;
      live.org!.mfaUsers!.withoutMfa = ['a@clinic.example'];
    },
    (org) => { org.settings.attestations!.dataResidency!.expires = '2026-01-01'; },
  );
  const exceptions = [
    { ruleId: 'WBX.AUTH.2v1', reason: 'MFA enrolment booked for 2026-07-01', owner: 'it@clinic.example', expires: '2026-07-31', path: 'clinic/Org', appliesTo: 'a@clinic.example' },
    { ruleId: 'WBX.GOV.3v1', reason: 'Residency confirmation requested from Cisco', owner: 'privacy@clinic.example', expires: '2026-03-01', path: 'clinic/Org' },
  ];
  const pack = [...HIPAA_PACK, throwing];
  const org = evaluateOrg(pack, subject, { profile, exceptions, manifest });
  return complianceReport({ command: 'assess', profile, now: NOW, toolVersion: '9.9.9', orgs: [org] });
}

function compliantReport(): ComplianceReport {
  const org = evaluateOrg(HIPAA_PACK, declared(), { profile: 'hipaa-current', manifest: 'out/stacks/clinic/webex-manifest.json' });
  return complianceReport({ command: 'check', profile: 'hipaa-current', now: NOW, toolVersion: '9.9.9', orgs: [org] });
}

describe('SARIF', () => {
  test.each([
    ['a compliant check', () => compliantReport()],
    ['an assessment with failures, warnings, exceptions, unverifiable controls and an error', () => mixedReport()],
    ['the NPRM profile', () => mixedReport(undefined, 'hipaa-nprm-2025')],
    ['a manifest at an absolute path with spaces', () => mixedReport('/tmp/my stacks/webex-manifest.json')],
    ['two orgs from two manifests', () => ({ ...compliantReport(), orgs: [...compliantReport().orgs, ...mixedReport().orgs] })],
  ])('validates against the SARIF 2.1.0 schema: %s', (_name, make) => {
    const sarif = JSON.parse(renderSarifReport(make(), [...HIPAA_PACK, throwing], { lineOf: () => 7 })) as unknown;
    const valid = validateSarif(sarif);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test('the schema really rejects an invalid log (the validator is not vacuous)', () => {
    const sarif = JSON.parse(renderSarifReport(mixedReport(), [...HIPAA_PACK, throwing])) as { runs: { results: { level: string }[] }[] };
    sarif.runs[0]!.results[0]!.level = 'fatal';
    expect(validateSarif(sarif)).toBe(false);
    expect(validateSarif({ version: '2.1.0' })).toBe(false);
  });

  test('rules carry help text, the citations and a security severity', () => {
    const sarif = JSON.parse(renderSarifReport(mixedReport(), HIPAA_PACK.concat(throwing))) as { runs: [{ tool: { driver: { rules: Record<string, unknown>[] } } }] };
    const rule = sarif.runs[0].tool.driver.rules.find((r) => r.id === 'WBX.AUTH.1v1') as { help: { text: string; markdown: string }; properties: Record<string, unknown>; defaultConfiguration: { level: string } };
    expect(rule.help.text).toContain('45 CFR 164.312(d) Person or entity authentication (standard)');
    expect(rule.help.markdown).toContain('**Remediation:**');
    expect(rule.properties).toMatchObject({ 'security-severity': '9.5', citations: ['45 CFR 164.312(d)', '45 CFR 164.308(a)(5)(ii)(D)'], automation: 'write-only' });
    expect(rule.defaultConfiguration.level).toBe('warning');
  });

  test('results are located at the manifest file and the construct path; excepted ones carry an accepted suppression', () => {
    const sarif = JSON.parse(renderSarifReport(mixedReport(), HIPAA_PACK.concat(throwing), { lineOf: (_file, path) => (path.endsWith('MeetingSecurity') ? 12 : 3) })) as {
      runs: [{ results: { ruleId: string; level: string; kind: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; logicalLocations: { fullyQualifiedName: string }[] }[]; suppressions?: { status: string; justification: string }[] }[]; invocations: { executionSuccessful: boolean }[] }];
    };
    const run = sarif.runs[0];
    const jbh = run.results.find((r) => r.ruleId === 'WBX.MEET.1v1' && r.kind === 'fail')!;
    expect(jbh.level).toBe('error');
    expect(jbh.message.text).toBe(`Riverside Family Clinic, site ${SITE}: joinBeforeHost is true, must be false (SHALL; 45 CFR 164.312(a)(1))`);
    expect(jbh.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'cdktf.out/stacks/clinic/webex-manifest.json', index: 0 }, region: { startLine: 12 } });
    expect(jbh.locations[0]!.logicalLocations[0]!.fullyQualifiedName).toBe('clinic/Org/HipaaBaseline/MeetingSecurity');
    const excepted = run.results.find((r) => r.ruleId === 'WBX.AUTH.2v1' && r.suppressions)!;
    expect(excepted.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'MFA enrolment booked for 2026-07-01', properties: { owner: 'it@clinic.example', expires: '2026-07-31', path: 'clinic/Org', appliesTo: 'a@clinic.example' } }]);
    const expired = run.results.find((r) => r.ruleId === 'WBX.GOV.3v1')!;
    expect([expired.level, expired.suppressions]).toEqual(['warning', undefined]);
    expect(run.results.find((r) => r.ruleId === 'WBX.AUTH.1v1')).toMatchObject({ kind: 'review', level: 'note' });
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
  });
});

describe('JSON', () => {
  test('carries the tool version, time, org, profile, each result and the raw values judged, with sorted keys', () => {
    const text = renderJsonReport(mixedReport());
    const json = JSON.parse(text) as Record<string, unknown> & { orgs: { results: { ruleId: string; citations: unknown[]; judgements: { values: unknown; findingId: unknown }[] }[]; exceptions: unknown[] }[] };
    expect(json).toMatchObject({ formatVersion: 1, tool: { name: 'webex-iac', version: '9.9.9' }, command: 'assess', mode: 'observed', generatedAt: '2026-06-15T12:00:00.000Z', today: TODAY, profile: { id: 'hipaa-current' }, compliant: false });
    const jbh = json.orgs[0]!.results.find((r) => r.ruleId === 'WBX.MEET.1v1')!;
    expect(jbh.citations).toEqual([{ edition: 'in-force', section: '164.312(a)(1)', title: 'Access control', designation: 'standard' }]);
    expect(jbh.judgements.map((j) => [j.findingId, j.values])).toEqual([
      ['annex.clinic.webex.com', { joinBeforeHost: false }],
      [SITE, { joinBeforeHost: true }],
    ]);
    expect(json.orgs[0]!.exceptions).toHaveLength(2);
    expect(Object.keys(json)).toEqual([...Object.keys(json)].sort());
  });
});

describe('terminal and markdown', () => {
  test('terminal: no colour unless asked; every exception listed; a summary line', () => {
    const plain = renderTerminalReport(mixedReport());
    expect(plain).not.toMatch(/\u001b\[/);
    expect(plain).toContain(`      site ${SITE}: joinBeforeHost is true, must be false\n        at clinic/Org/HipaaBaseline/MeetingSecurity\n      cites 45 CFR 164.312(a)(1) Access control (standard)`);
    expect(plain).toContain('WBX.AUTH.2v1[a@clinic.example] active: "MFA enrolment booked for 2026-07-01" valid until 2026-07-31');
    expect(plain).toContain('WBX.GOV.3v1 expired: "Residency confirmation requested from Cisco" expired on 2026-03-01');
    expect(plain).toContain('the check failed: cannot resolve joinBeforeHost');
    expect(plain.trimEnd().split('\n').pop()).toMatch(/^Not compliant: \d+ pass, 1 fail \(SHALL\), \d+ warning\(s\) \(SHOULD\), 1 excepted, 1 not verifiable, 0 not applicable, 1 error\(s\); exceptions: 1 active, 1 expired, 0 refused, 0 unknown\.$/);
    expect(renderTerminalReport(mixedReport(), { color: true })).toMatch(/\u001b\[31m/);
  });

  test('markdown: findings with construct paths and citations, exceptions, every rule folded', () => {
    const md = renderMarkdownReport(mixedReport());
    expect(md).toMatch(/^## webex-iac assess: ❌ not compliant\n/);
    expect(md).toContain(`| ❌ | WBX.MEET.1v1 | SHALL | site ${SITE} | joinBeforeHost is true, must be false | \`clinic/Org/HipaaBaseline/MeetingSecurity\` | 45 CFR 164.312(a)(1) |`);
    expect(md).toContain('| WBX.AUTH.2v1 | a&#64;&#8203;clinic.example | active | it&#64;&#8203;clinic.example | 2026-07-31 | MFA enrolment booked for 2026-07-01 |');
    expect(md).toContain(`<details><summary>All ${HIPAA_PACK.length + 1} rules</summary>`);
    expect(renderMarkdownReport(compliantReport())).toContain('No findings.');
  });
});
