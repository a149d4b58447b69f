import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildManifest, HipaaBaseline, HostPreferences, MeetingSite } from '../../constructs';
import { PREFERENCE_CONTROL_KEYS, SITE_CONTROLS, SiteSettingsSchema } from '../../manifest';
import { FIELD_DIRECTIONS } from '../../provisioning/security-impact';
import { hostHandler } from '../../provisioning/settings/registry';
import { HIPAA_PACK } from '../../policies/pack';
import { clinicSite } from '../constructs/fixtures';

const ROOT = join(__dirname, '..', '..');
const PRODUCT_FOLDERS = ['manifest', 'constructs', 'policies', 'provisioning', 'cli', 'simulator', 'bench'];

function tsFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = `${folder}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Issue 15: a new per-host control is added in at most five files. A control of meeting-preference flags
 * takes its catalogue entry and its rule (plus the rule's line in its area's index, and the simulator's
 * field if Cisco's object lacks it there): everything else derives from the entry.
 */
describe('per-host controls of meeting-preference flags', () => {
  test.each([...PREFERENCE_CONTROL_KEYS])('%s is named only by its catalogue entry and its rules', (key) => {
    const naming = ['main.ts', ...PRODUCT_FOLDERS.flatMap(tsFiles)].filter((file) => new RegExp(`\\b${key}\\b`).test(readFileSync(join(ROOT, file), 'utf8')));
    expect(naming.filter((file) => file !== 'manifest/catalogue.ts' && !file.startsWith('policies/rules/'))).toEqual([]);
    expect(naming).toContain('manifest/catalogue.ts');
  });

  test.each([...PREFERENCE_CONTROL_KEYS])('%s: schema, directions, handler, rule, baseline props and construct all come from the entry', (key) => {
    const descriptor = SITE_CONTROLS[key];
    const flags = Object.entries(descriptor.preferences);
    // The manifest accepts the entry, and refuses a flag it does not have.
    const [field, flag] = flags[0]!;
    const [section, name] = field.split('.') as [string, string];
    expect(SiteSettingsSchema.safeParse({ [key]: { path: 'p', [section]: { [name]: flag.safe } } }).success).toBe(true);
    expect(SiteSettingsSchema.safeParse({ [key]: { path: 'p', [section]: { [name]: 'no' } } }).success).toBe(false);
    expect(SiteSettingsSchema.safeParse({ [key]: { path: 'p', [section]: { unknownFlag: true } } }).success).toBe(false);
    for (const [f, fl] of flags) expect(FIELD_DIRECTIONS[`${key}.${f}`]).toBe(fl.safe ? 'safe-when-true' : 'safe-when-false');
    expect(hostHandler(key).setting).toBe(key);
    expect(HIPAA_PACK.some((rule) => rule.check.toString().includes(`'${key}'`))).toBe(true);

    // A HipaaBaseline declares it on every site, HIPAA-safe, and takes its org-wide and per-site props.
    const { stack, org, site } = clinicSite();
    const other = new MeetingSite(org, 'Annex', { siteUrl: 'annex.webex.com' });
    const { orgWide, siteOverrides } = descriptor.baselineProps;
    new HipaaBaseline(org, 'Baseline', { [orgWide]: { hosts: { exemptEmails: ['dr.lee@clinic.example'] } }, [siteOverrides]: { 'annex.webex.com': { [section]: { [name]: !flag.safe } } } });
    const sites = buildManifest(stack).orgs[0]!.sites;
    const entryOf = (siteUrl: string) => sites.find((s) => s.siteUrl === siteUrl)!.settings[key] as Record<string, unknown>;
    expect(entryOf(site.siteUrl)).toEqual({ path: expect.stringContaining('Baseline/'), hosts: { exemptEmails: ['dr.lee@clinic.example'] }, ...Object.fromEntries([[section, { [name]: flag.safe }]]) });
    expect((entryOf(other.siteUrl)[section] as Record<string, boolean>)[name]).toBe(!flag.safe);
  });

  test('the baseline and the construct refuse bad props with one line naming the prop and the allowed values', () => {
    const key = PREFERENCE_CONTROL_KEYS[0]!;
    const [field] = Object.keys(SITE_CONTROLS[key].preferences);
    const [section, name] = field!.split('.') as [string, string];
    const prop = SITE_CONTROLS[key].baselineProps.orgWide;
    expect(() => new HipaaBaseline(clinicSite().org, 'Baseline', { [prop]: { [section]: { [name]: 'off' } } })).toThrow(`HipaaBaseline ${prop}.${section}.${name} must be true or false, received: "off"`);
    expect(() => new HipaaBaseline(clinicSite().org, 'Baseline', { [prop]: { [section]: { enabledEverything: false } } })).toThrow(`HipaaBaseline ${prop}.${section}.enabledEverything is not a known setting, allowed: ${name}`);
    const { site } = clinicSite();
    expect(() => new HostPreferences(site, 'X', { control: 'meetingSecurity' as never })).toThrow(`HostPreferences control must be one of ${PREFERENCE_CONTROL_KEYS.join(', ')}, received: "meetingSecurity"`);
    expect(() => new HostPreferences(site, 'Y', { control: key, [section]: { [name]: 1 } } as never)).toThrow(`HostPreferences (${key}) ${section}.${name} must be true or false, received: 1`);
  });

  test('an explicit HostPreferences wins over the baseline on its site; a second one on the same site is refused', () => {
    const key = PREFERENCE_CONTROL_KEYS[0]!;
    const [field, flag] = Object.entries(SITE_CONTROLS[key].preferences)[0]!;
    const [section, name] = field.split('.') as [string, string];
    const { stack, org, site } = clinicSite();
    new HipaaBaseline(org, 'Baseline');
    new HostPreferences(site, 'Own', { control: key, hosts: { emails: ['dr.kim@clinic.example'] } });
    const entry = buildManifest(stack).orgs[0]!.sites[0]!.settings[key] as Record<string, unknown>;
    expect(entry).toEqual({ path: 'clinic/Org/Site/Own', hosts: { emails: ['dr.kim@clinic.example'] }, [section]: { [name]: flag.safe } });
    expect(() => new HostPreferences(site, 'Again', { control: key })).toThrow(`HostPreferences (${key}): site ${site.siteUrl} already has one (clinic/Org/Site/Own), a site takes at most one HostPreferences (${key})`);
  });
});
