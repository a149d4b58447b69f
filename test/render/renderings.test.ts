import { GITHUB_COMMENT_LIMIT, PLAN_COMMENT_MARKER, renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../provisioning';
import { expectGolden } from '../helpers/golden';
import { largePlan, samplePlan } from '../helpers/sample-plan';

describe('plan renderings (golden files in test/render/golden)', () => {
  const plan = samplePlan();

  test('weakening changes come first and are counted', () => {
    expect(plan.changes.map((c) => [c.target, c.impact])).toEqual([
      [{ kind: 'site', siteUrl: 'a-clinic.webex.com' }, 'weakens'],
      [{ kind: 'site', siteUrl: 'b-clinic.webex.com' }, 'strengthens'],
    ]);
    expect(plan.summary.weakening).toBe(1);
  });

  test('terminal text', () => {
    expectGolden('plan.txt', renderPlanText(plan));
  });

  test('terminal text, drift wording', () => {
    expectGolden('drift.txt', renderPlanText(plan, { mode: 'drift' }));
  });

  test('markdown for a pull request', () => {
    const markdown = renderPlanMarkdown(plan);
    expectGolden('plan.md', markdown);
    expect(markdown.startsWith(`${PLAN_COMMENT_MARKER}\n## webex-iac plan\n\n**Plan:** 2 to change (4 fields), 1 weakening, 0 unchanged.\n\n| Org | Changes | Weakening |`)).toBe(true);
    expect(markdown.indexOf('a-clinic.webex.com')).toBeLessThan(markdown.indexOf('b-clinic.webex.com'));
    // The weakening is flagged on its own line, visible without expanding anything.
    expect(markdown).toMatch(/^- ⚠️ \*\*WEAKENS\*\* site a-clinic\.webex\.com: `meetingSecurity` `joinBeforeHost` `false` → `true` ⚠️/m);
    expect(markdown).not.toMatch(/<details><summary>[^<]*site a-clinic/);
  });

  test('exceptions are listed with their state in every rendering', () => {
    expect(plan.exceptions.map((e) => [e.ruleId, e.status])).toEqual([['WBX.MEET.1v1', 'active'], ['WBX.ADMIN.2v1', 'expired']]);
    expect(renderPlanMarkdown(plan)).toMatch(/\| WBX\.ADMIN\.2v1 \| whole org \| \*\*expired\*\* \| ciso&#64;&#8203;clinic\.example \|/);
    expect(renderPlanText(plan)).toMatch(/expired {2}WBX\.ADMIN\.2v1: Second Full Administrator/);
  });

  test('JSON', () => {
    expectGolden('plan.json', renderPlanJson(plan));
  });

  test('markdown of a large plan stays under GitHub\'s comment limit, keeps every change line and says where the rest is', () => {
    const big = largePlan(3000);
    expect(renderPlanJson(big).length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    const markdown = renderPlanMarkdown(big, { fullPlanLocation: 'the `webex-iac-plan` artifact' });
    expect(markdown.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(markdown.startsWith(`${PLAN_COMMENT_MARKER}\n## webex-iac plan`)).toBe(true);
    expect(markdown).toMatch(/the `webex-iac-plan` artifact/);
    // Every opened fence and details block is closed, so the comment renders.
    expect((markdown.match(/```/g) ?? []).length % 2).toBe(0);
    expect((markdown.match(/<details>/g) ?? []).length).toBe((markdown.match(/<\/details>/g) ?? []).length);
  });

  test('markdown of a plan over the limit cuts per-target detail first', () => {
    const big = largePlan(150);
    const full = renderPlanMarkdown(big, { maxLength: 1_000_000 });
    const markdown = renderPlanMarkdown(big, { maxLength: 20_000 });
    expect(full.length).toBeGreaterThan(20_000);
    expect(markdown.length).toBeLessThanOrEqual(20_000);
    expect(markdown).toMatch(/Per-host detail is shortened to fit one comment|the rest is not shown/);
  });
});
