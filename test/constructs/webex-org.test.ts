import { RootConstruct } from 'constructs';
import { APPLY_RESOURCE_ID, buildManifest, WebexOrg } from '../../constructs';
import { newStack } from './fixtures';

describe('WebexOrg', () => {
  test('records name and orgId', () => {
    const org = new WebexOrg(newStack(), 'Org', { name: 'Riverside Family Clinic', orgId: 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8x' });
    expect(org.name).toBe('Riverside Family Clinic');
    expect(org.orgId).toBe('Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8x');
  });

  test('of() finds the enclosing org and fails without one', () => {
    const stack = newStack();
    const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
    expect(WebexOrg.of(org)).toBe(org);
    expect(WebexOrg.enclosing(stack)).toBeUndefined();
  });

  test.each([[''], ['   '], ['Riverside\nClinic']])('fails on name %p', (name) => {
    expect(() => new WebexOrg(newStack(), 'Org', { name })).toThrow(
      `WebexOrg name must be the non-empty org display name, without control characters, received: ${JSON.stringify(name)} (at clinic/Org)`,
    );
  });

  test('fails on an orgId with spaces', () => {
    expect(() => new WebexOrg(newStack(), 'Org', { name: 'Riverside Family Clinic', orgId: 'not an id' })).toThrow(
      'WebexOrg orgId must be a Webex org id (non-empty, no spaces), received: "not an id" (at clinic/Org)',
    );
  });

  test('fails inside another org', () => {
    const outer = new WebexOrg(newStack(), 'Org', { name: 'Riverside Family Clinic' });
    expect(() => new WebexOrg(outer, 'Inner', { name: 'Inner' })).toThrow(
      'WebexOrg cannot be created inside another WebexOrg (clinic/Org): create each org in the stack (at clinic/Org/Inner)',
    );
  });

  test('fails when two orgs of a WebexStack share a name', () => {
    const stack = newStack();
    new WebexOrg(stack, 'A', { name: 'Riverside Family Clinic' });
    expect(() => new WebexOrg(stack, 'B', { name: 'Riverside Family Clinic' })).toThrow(
      'WebexOrg name "Riverside Family Clinic" is already used in this stack by clinic/A, org names must be unique per stack (at clinic/B)',
    );
  });

  test('the same name may appear in two stacks', () => {
    new WebexOrg(newStack({}, 'east'), 'Org', { name: 'Riverside Family Clinic' });
    expect(() => new WebexOrg(newStack({}, 'west'), 'Org', { name: 'Riverside Family Clinic' })).not.toThrow();
  });

  test('buildManifest fails on a shared name outside a WebexStack too', () => {
    const root = new RootConstruct('clinic');
    new WebexOrg(root, 'A', { name: 'Riverside Family Clinic' });
    new WebexOrg(root, 'B', { name: 'Riverside Family Clinic' });
    expect(() => buildManifest(root)).toThrow(
      'WebexOrg name "Riverside Family Clinic" is already used in this stack by clinic/A, org names must be unique per stack (at clinic/B)',
    );
  });

  test('creates one apply resource per org in a WebexStack', () => {
    const org = new WebexOrg(newStack(), 'Org', { name: 'Riverside Family Clinic' });
    expect(org.node.tryFindChild(APPLY_RESOURCE_ID)).toBeDefined();
    const bare = new WebexOrg(new RootConstruct('plain'), 'Org', { name: 'Riverside Family Clinic' });
    expect(bare.node.children).toEqual([]);
  });
});
