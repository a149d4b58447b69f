import { PolicyException } from '../../manifest';
import { evaluateOrg, Rule } from '../../policies';
import { SiteJoinBeforeHostOff } from '../../policies/rules/meet/SiteJoinBeforeHostOff';
import { SiteFirstAttendeeNotPresenter } from '../../policies/rules/meet/SiteFirstAttendeeNotPresenter';
import { UsersWithoutMfa } from '../../policies/rules/auth/UsersWithoutMfa';
import { ANNEX, declared, evaluate, observed, SITE } from './fixtures';

const base: Omit<Rule, 'check'> = { ...SiteJoinBeforeHostOff, id: 'WBX.TEST.1v1', name: 'Test', area: 'MEET' };
const jbhOn = () => declared((org) => { for (const site of org.sites) site.settings.meetingSecurity!.joinBeforeHost = true; });
const exception = (e: Partial<PolicyException> = {}): PolicyException => ({ ruleId: 'WBX.MEET.1v1', reason: 'Walk-in sessions at the front desk', owner: 'it@clinic.example', expires: '2026-12-31', path: 'clinic/Org', ...e });

describe('evaluating a rule', () => {
  test('a check that throws is an error result, never a pass, and the report is not compliant', () => {
    const report = evaluate([{ ...base, check: () => { throw new Error('values could not be resolved'); } }], declared());
    expect(report.results[0]).toMatchObject({ status: 'error', error: 'values could not be resolved', judgements: [] });
    expect(report.summary.error).toBe(1);
    expect(report.compliant).toBe(false);
  });

  test('a SHOULD rule that throws is an error too', () => {
    const report = evaluate([{ ...base, level: 'SHOULD', check: () => { throw new TypeError('boom'); } }], declared());
    expect(report.compliant).toBe(false);
  });

  test('a check that returns something other than a list is an error', () => {
    const report = evaluate([{ ...base, check: () => undefined as never }], declared());
    expect(report.results[0]).toMatchObject({ status: 'error', error: 'the check returned undefined, not a list of judgements' });
  });

  test('a failing SHALL rule makes the report non-compliant; a failing SHOULD rule is a warning', () => {
    const shall = evaluate([SiteJoinBeforeHostOff], jbhOn());
    expect([shall.summary.fail, shall.compliant]).toEqual([1, false]);
    const should = evaluate([SiteFirstAttendeeNotPresenter], declared((org) => { org.sites[0]!.settings.meetingSecurity!.firstAttendeeAsPresenter = true; }));
    expect([should.summary.warn, should.summary.fail, should.compliant]).toEqual([1, 0, true]);
  });

  test('not verifiable is reported but does not fail', () => {
    const report = evaluate([UsersWithoutMfa], observed((live) => { live.org!.mfaUsers!.exposed = false; }));
    expect([report.results[0]!.status, report.compliant, report.summary.notVerifiable]).toEqual(['not-verifiable', true, 1]);
  });

  test('an org-scoped rule is left out when the run covers only some sites', () => {
    const report = evaluateOrg([SiteJoinBeforeHostOff, UsersWithoutMfa], declared(), { profile: 'hipaa-current', orgLevel: false });
    expect(report.results.map((r) => r.ruleId)).toEqual(['WBX.MEET.1v1']);
  });
});

describe('exceptions', () => {
  test('an active exception accepts the finding, names itself on it, and is listed', () => {
    const report = evaluate([SiteJoinBeforeHostOff], jbhOn(), { exceptions: [exception()] });
    expect(report.results[0]!.status).toBe('excepted');
    expect(report.results[0]!.judgements.map((j) => [j.finding, j.status, j.exception?.state])).toEqual([
      [`WBX.MEET.1v1[${ANNEX}]`, 'excepted', 'active'],
      [`WBX.MEET.1v1[${SITE}]`, 'excepted', 'active'],
    ]);
    expect(report.compliant).toBe(true);
    expect(report.exceptions).toEqual([
      { exception: exception(), state: 'active', matched: [`WBX.MEET.1v1[${ANNEX}]`, `WBX.MEET.1v1[${SITE}]`], note: 'valid until 2026-12-31 (owner it@clinic.example, added at clinic/Org); suppresses 2 finding(s)' },
    ]);
  });

  test('an expired exception stops suppressing and says so', () => {
    const report = evaluate([SiteJoinBeforeHostOff], jbhOn(), { exceptions: [exception({ expires: '2026-06-14' })] });
    expect(report.results[0]!.status).toBe('fail');
    expect(report.results[0]!.judgements[0]!.exception).toMatchObject({ state: 'expired', expires: '2026-06-14' });
    expect(report.exceptions[0]!.note).toBe('expired on 2026-06-14 and no longer suppresses anything (owner it@clinic.example, added at clinic/Org): renew it or fix the findings');
    expect(report.compliant).toBe(false);
  });

  test('an exception expiring today still holds, and warns that it is about to expire', () => {
    const report = evaluate([SiteJoinBeforeHostOff], jbhOn(), { exceptions: [exception({ expires: '2026-06-15' })] });
    expect(report.compliant).toBe(true);
    expect(report.exceptions[0]!.note).toMatch(/expires in 0 day\(s\)/);
  });

  test('appliesTo one site covers that site only', () => {
    const report = evaluate([SiteJoinBeforeHostOff], jbhOn(), { exceptions: [exception({ appliesTo: SITE })] });
    expect(report.results[0]!.judgements.map((j) => j.status)).toEqual(['fail', 'excepted']);
    expect(report.compliant).toBe(false);
  });

  test('appliesTo one finding covers that finding only', () => {
    const subject = observed((live) => { live.org!.mfaUsers!.withoutMfa = ['a@clinic.example', 'b@clinic.example']; });
    const report = evaluate([UsersWithoutMfa], subject, { exceptions: [exception({ ruleId: 'WBX.AUTH.2v1', appliesTo: 'b@clinic.example' })] });
    expect(report.results[0]!.judgements.map((j) => `${j.finding} ${j.status}`)).toEqual(['WBX.AUTH.2v1[a@clinic.example] fail', 'WBX.AUTH.2v1[b@clinic.example] excepted']);
  });

  test('an exception that matches nothing is still listed', () => {
    const report = evaluate([SiteJoinBeforeHostOff], declared(), { exceptions: [exception()] });
    expect(report.exceptions[0]).toMatchObject({ state: 'active', matched: [] });
    expect(report.exceptions[0]!.note).toMatch(/matches no failing finding$/);
  });

  test('an exception naming a rule the pack does not have is an error', () => {
    const report = evaluate([SiteJoinBeforeHostOff], declared(), { exceptions: [exception({ ruleId: 'WBX.MEET.1v9' })] });
    expect(report.exceptions[0]).toMatchObject({ state: 'unknown-rule', note: 'names no rule of the pack (owner it@clinic.example, added at clinic/Org): fix the rule id' });
    expect(report.compliant).toBe(false);
  });

  test('an active exception is preferred over an expired one for the same finding', () => {
    const report = evaluate([SiteJoinBeforeHostOff], jbhOn(), { exceptions: [exception({ expires: '2026-01-01' }), exception({ appliesTo: SITE })] });
    expect(report.results[0]!.judgements.map((j) => `${j.status} ${j.exception?.state}`)).toEqual(['fail expired', 'excepted active']);
    expect(report.exceptions.map((e) => e.matched.length)).toEqual([2, 1]);
  });
});
