import { Construct } from 'constructs';
import { MeetingSite, WebexOrg } from '../../constructs';
import { newStack } from './fixtures';

describe('MeetingSite', () => {
  test('records its siteUrl and its org', () => {
    const stack = newStack();
    const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
    const site = new MeetingSite(org, 'Site', { siteUrl: 'riverside-clinic.webex.com' });
    expect(site.siteUrl).toBe('riverside-clinic.webex.com');
    expect(site.org).toBe(org);
  });

  test('may sit in a construct inside the org', () => {
    const stack = newStack();
    const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
    const group = new Construct(org, 'EastRegion');
    const site = new MeetingSite(group, 'Site', { siteUrl: 'east.webex.com' });
    expect(site.org).toBe(org);
    expect(MeetingSite.sitesOf(org)).toEqual([site]);
  });

  test('sitesOf sorts by siteUrl', () => {
    const stack = newStack();
    const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
    new MeetingSite(org, 'B', { siteUrl: 'b.webex.com' });
    new MeetingSite(org, 'A', { siteUrl: 'a.webex.com' });
    expect(MeetingSite.sitesOf(org).map((s) => s.siteUrl)).toEqual(['a.webex.com', 'b.webex.com']);
  });

  test.each([
    'https://riverside-clinic.webex.com',
    'Riverside-Clinic.webex.com',
    'riverside-clinic.webex.com/meet',
    'riverside-clinic.webex.com:443',
    'riverside-clinic',
    '',
    '-riverside.webex.com',
  ])('fails on siteUrl %p', (siteUrl) => {
    const stack = newStack();
    const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
    expect(() => new MeetingSite(org, 'Site', { siteUrl })).toThrow(
      `MeetingSite siteUrl must be a lower-case host name such as example.webex.com, without scheme, port or path, received: ${JSON.stringify(siteUrl)} (at clinic/Org/Site)`,
    );
  });

  test('fails outside a WebexOrg', () => {
    const stack = newStack();
    expect(() => new MeetingSite(stack, 'Site', { siteUrl: 'riverside-clinic.webex.com' })).toThrow(
      'MeetingSite must be created inside a WebexOrg: pass the org (or a construct inside it) as scope, received scope: clinic (WebexStack) (at clinic/Site)',
    );
  });

  test('fails when the org already declares the siteUrl', () => {
    const stack = newStack();
    const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
    new MeetingSite(org, 'Site', { siteUrl: 'riverside-clinic.webex.com' });
    expect(() => new MeetingSite(org, 'Again', { siteUrl: 'riverside-clinic.webex.com' })).toThrow(
      'MeetingSite siteUrl riverside-clinic.webex.com is already declared in this org (clinic/Org/Site), declare each site once (at clinic/Org/Again)',
    );
  });

  test('the same siteUrl may appear in two orgs', () => {
    const stack = newStack();
    const a = new WebexOrg(stack, 'A', { name: 'A' });
    const b = new WebexOrg(stack, 'B', { name: 'B' });
    new MeetingSite(a, 'Site', { siteUrl: 'shared.webex.com' });
    expect(() => new MeetingSite(b, 'Site', { siteUrl: 'shared.webex.com' })).not.toThrow();
  });
});
