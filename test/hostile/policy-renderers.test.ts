import { ComplianceReport, complianceReport, evaluateOrg, HIPAA_PACK, renderJsonReport, renderMarkdownReport, renderSarifReport, renderTerminalReport, Rule } from '../../policies';
import { observed, SITE, TODAY } from '../policies/fixtures';
import { HOSTILE_CORPUS } from './corpus';
import { linkableText, markdownRenderedText, markdownStructure, terminalHazards } from './inspect';
import { poison } from './poison';

const throwing: Rule = { ...HIPAA_PACK[0]!, id: 'WBX.MEET.99v1', name: 'Throws', check: () => { throw new Error('cannot resolve joinBeforeHost'); } };
const PACK = [...HIPAA_PACK, throwing];

/** Failures on a host and an account, an exception, an error: every part of every rendering is used. */
function report(): ComplianceReport {
  const subject = observed(
    (live) => {
      Object.assign(live.sites[SITE]!.meetingSecurity!, { joinBeforeHost: true });
      live.org!.mfaUsers!.withoutMfa = ['a@clinic.example', 'b@clinic.example'];
    },
    () => undefined,
  );
  const exceptions = [{ ruleId: 'WBX.AUTH.2v1', reason: 'MFA enrolment booked', owner: 'it@clinic.example', expires: '2099-07-31', path: 'clinic/Org', appliesTo: 'a@clinic.example' }];
  const org = evaluateOrg(PACK, subject, { profile: 'hipaa-current', exceptions, manifest: 'out/webex-manifest.json' });
  return complianceReport({ command: 'assess', profile: 'hipaa-current', now: new Date(`${TODAY}T12:00:00Z`), toolVersion: '9.9.9', orgs: [org] });
}

const cases = Object.entries(HOSTILE_CORPUS);
const KEEP = ['command'];
const benign = poison(report(), 'benign', KEEP);

describe('assess and check renderers with hostile text from Webex', () => {
  test('the fixture fails, excepts a finding and errors, so every section renders', () => {
    const judgements = benign.orgs[0]!.results.flatMap((r) => r.judgements);
    expect(new Set(benign.orgs[0]!.results.map((r) => r.status))).toEqual(new Set(['pass', 'fail', 'error']));
    expect(judgements.filter((j) => j.exception !== undefined && j.status === 'excepted')).toHaveLength(1);
    expect(benign.orgs[0]!.exceptions).toHaveLength(1);
  });

  test.each(cases)('%s: the terminal report shows no control or bidi character', (_, text) => {
    const hostile = poison(report(), text, KEEP);
    expect(terminalHazards(renderTerminalReport(hostile))).toEqual([]);
    expect(terminalHazards(renderTerminalReport(hostile, { color: true }), true)).toEqual([]);
  });

  test.each(cases)('%s: the markdown report has exactly the structure of a benign one', (_, text) => {
    const hostile = renderMarkdownReport(poison(report(), text, KEEP));
    const expected = renderMarkdownReport(benign);
    expect(markdownStructure(hostile)).toEqual(markdownStructure(expected));
    expect(linkableText(markdownRenderedText(hostile))).toEqual(linkableText(markdownRenderedText(expected)));
    expect(terminalHazards(hostile)).toEqual([]);
  });

  test.each(cases)('%s: SARIF is valid JSON, its messages hold no embedded link and no invisible character', (_, text) => {
    const sarif = renderSarifReport(poison(report(), text, KEEP), PACK);
    const log = JSON.parse(sarif) as { runs: { results: { message: { text: string } }[]; invocations: { toolExecutionNotifications: { message: { text: string } }[] }[] }[] };
    const messages = [...log.runs[0]!.results.map((r) => r.message.text), ...log.runs[0]!.invocations[0]!.toolExecutionNotifications.map((n) => n.message.text)];
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) {
      expect(m).not.toMatch(/(^|[^\\])\[[^\]]*(^|[^\\])\]\(/);
      expect(terminalHazards(m)).toEqual([]);
    }
    expect(terminalHazards(sarif)).toEqual([]);
  });

  test.each(cases)('%s: the JSON report is valid and shows no invisible character', (_, text) => {
    const hostile = poison(report(), text, KEEP);
    const json = renderJsonReport(hostile);
    expect(JSON.parse(json).orgs[0].org).toBe(text);
    expect(terminalHazards(json)).toEqual([]);
  });
});
