import { moduleSpecifier } from '../../cli/commands/import';
import { kebabCase, pascalCase, programShape } from '../../cli/import/construct-ids';

describe('webex-iac import: names in the generated program', () => {
  test('stack id, org and site construct ids come from what Webex calls them', () => {
    expect(programShape({ name: 'Riverside Family Clinic', orgId: 'X' }, ['riverside-clinic.webex.com'])).toEqual({
      stackId: 'riverside-family-clinic',
      org: { constructId: 'RiversideFamilyClinic', name: 'Riverside Family Clinic', orgId: 'X' },
      sites: [{ constructId: 'RiversideClinic', siteUrl: 'riverside-clinic.webex.com' }],
    });
  });

  test('ids stay valid and unique whatever the names', () => {
    expect(kebabCase('Zürich Ärzte & Co.')).toBe('zurich-arzte-co');
    expect(kebabCase('!!!')).toBe('webex');
    expect(pascalCase('360 care', 'Org')).toBe('Org360Care');
    const shape = programShape({ name: 'X', orgId: 'X' }, ['main.webex.com', 'main.webex.us', 'hs1-site1.webex.com']);
    expect(shape.sites.map((s) => s.constructId)).toEqual(['Hs1Site1', 'Main', 'Main2']);
  });

  test('the constructs module is relative to the written file', () => {
    expect(moduleSpecifier('/project', '/project/constructs')).toBe('./constructs');
    expect(moduleSpecifier('/project/stacks', '/project/constructs')).toBe('../constructs');
  });
});
