import { describeApplied, Plan, personTarget, renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../provisioning';
import { untrusted } from '../../manifest/text';
import type { AppliedChange } from '../../provisioning/applier';
import { samplePlan } from '../helpers/sample-plan';
import { HOSTILE_CORPUS } from './corpus';
import { linkableText, markdownRenderedText, markdownStructure, terminalHazards } from './inspect';
import { poison } from './poison';

/** The sample plan with a finding, attestations, a person target and a note, so that every section renders. */
function fullPlan(): Plan {
  const plan = samplePlan();
  const person = personTarget('dr.lee@clinic.example', { siteUrl: 'a-clinic.webex.com', personId: 'P1' });
  return {
    ...plan,
    changes: [...plan.changes, { ...plan.changes[0]!, target: person, setting: 'hostLobby', notes: ['a note'], before: { topic: 'live value' }, after: { topic: 'declared value' } }],
    findings: [{ org: plan.orgs[0]!, kind: 'unexpected-admin', target: person, setting: 'adminAccess', detail: untrusted('holds Full Administrator'), path: 'demo/Org/Admins' }],
    attestations: [
      { org: plan.orgs[0]!, control: 'baa', title: 'Business Associate Agreement', status: 'valid', attestedBy: 'privacy@clinic.example', attestedOn: '2026-01-01', expires: '2027-01-01', reference: 'BAA-1', required: true, path: 'demo/Org/Baa' },
      { org: plan.orgs[0]!, control: 'training', title: 'Training', status: 'missing', required: true, path: 'demo/Org/Training' },
    ],
  };
}

const cases = Object.entries(HOSTILE_CORPUS);
const benign = poison(fullPlan(), 'benign', ['action']);

describe('plan and drift renderers with hostile text from Webex', () => {
  test.each(cases)('%s: the terminal rendering shows no control or bidi character', (_, text) => {
    const plan = poison(fullPlan(), text, ['action']);
    for (const mode of ['plan', 'drift'] as const) {
      expect(terminalHazards(renderPlanText(plan, { mode }))).toEqual([]);
      expect(terminalHazards(renderPlanText(plan, { mode, color: true }), true)).toEqual([]);
    }
    expect(terminalHazards(renderPlanText({ ...plan, changes: [] }))).toEqual([]);
  });

  test.each(cases)('%s: apply progress lines show no control character from the target or the trackingId', (_, text) => {
    const plan = poison(fullPlan(), text, ['action']);
    for (const change of plan.changes) {
      for (const action of ['update', 'enforce', 'revoke', 'deactivate'] as const) {
        const applied = { change: { ...change, action }, trackingId: text, readBack: {}, unverifiedFields: [text] } as unknown as AppliedChange;
        expect(terminalHazards(describeApplied(applied))).toEqual([]);
      }
    }
  });

  test.each(cases)('%s: the pull-request markdown has exactly the structure of a benign plan', (_, text) => {
    const plan = poison(fullPlan(), text, ['action']);
    const hostile = renderPlanMarkdown(plan, { maxLength: 10_000_000 });
    const expected = renderPlanMarkdown(benign, { maxLength: 10_000_000 });
    expect(markdownStructure(hostile)).toEqual(markdownStructure(expected));
    expect(linkableText(markdownRenderedText(hostile))).toEqual(linkableText(markdownRenderedText(expected)));
    expect(terminalHazards(hostile)).toEqual([]);
  });

  test('a truncated pull-request comment stays inert', () => {
    const plan = poison(fullPlan(), HOSTILE_CORPUS.long!, ['action']);
    const markdown = renderPlanMarkdown(plan, { maxLength: 3_000 });
    expect(markdownStructure(markdown.replace('> [!WARNING]', '')).filter((t) => t === '[' || t === ']' || t === 'autolink')).toEqual([]);
    expect(terminalHazards(markdown)).toEqual([]);
  });

  test.each(cases)('%s: the JSON is valid, round-trips, and shows no invisible character', (_, text) => {
    const plan = poison(fullPlan(), text, ['action']);
    const json = renderPlanJson(plan);
    const { groups: _groups, $schema: _schema, ...parsed } = JSON.parse(json) as Record<string, unknown>;
    expect(parsed).toEqual(JSON.parse(JSON.stringify(plan)));
    expect(terminalHazards(json)).toEqual([]);
  });
});
