import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HIPAA_PACK, NOT_CHECKED, renderRulesDoc } from '../../policies';

describe('RULES.md', () => {
  const committed = readFileSync(join(__dirname, '..', '..', 'RULES.md'), 'utf8');

  test('is up to date with the pack (regenerate with npm run rules)', () => {
    expect(committed).toBe(renderRulesDoc(HIPAA_PACK));
  });

  test('has a table per area with every rule, its levels, citations and automation', () => {
    for (const rule of HIPAA_PACK) expect(committed).toMatch(new RegExp(`^\\| ${rule.id.replace(/\./g, '\\.')} \\| ${rule.name} \\| .+ \\| (SHALL|SHOULD) / (SHALL|SHOULD) \\| .+ \\| ${rule.automation} \\|`, 'm'));
    expect(committed).toContain('## MEET: Site meeting security');
    expect(committed).toContain('## GOV: Governance');
  });

  test('lists the safeguards the tool cannot check, with why', () => {
    expect(committed).toContain('## HIPAA safeguards the tool cannot check');
    for (const row of NOT_CHECKED) expect(committed).toContain(row.why.replace(/\|/g, '\\|'));
  });

  test('a change to the pack changes the document (the check above can fail)', () => {
    const changed = HIPAA_PACK.map((r, i) => (i === 0 ? { ...r, title: 'Something else' } : r));
    expect(renderRulesDoc(changed)).not.toBe(committed);
  });
});
