import { parseManifest } from '../../manifest';
import { compliantOrg, declared, evaluate, HIPAA_PACK, observed } from './fixtures';

describe('the compliant fixture', () => {
  test('is a valid manifest entry', () => {
    expect(() => parseManifest({ formatVersion: 1, stack: 'clinic', orgs: [compliantOrg()] })).not.toThrow();
  });

  test('passes every rule as declared (the audit, scheduled-meeting and recordings rules are judged by assess only)', () => {
    const report = evaluate(HIPAA_PACK, declared());
    expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${r.ruleId} ${r.status}`)).toEqual(['WBX.MEET.10v1 not-applicable', 'WBX.AUDIT.1v1 not-applicable', 'WBX.RET.3v1 not-applicable']);
    expect(report.compliant).toBe(true);
  });

  test('passes every rule as observed', () => {
    const report = evaluate(HIPAA_PACK, observed());
    expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${r.ruleId} ${r.status}: ${r.judgements.map((j) => j.message).join('; ')}`)).toEqual([]);
    expect(report.compliant).toBe(true);
  });
});
