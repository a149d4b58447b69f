import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as ts from 'typescript';
import * as catalogue from '../../provisioning/plan-errors';
import { PlanError, VerificationError } from '../../provisioning/errors';
import type { Change } from '../../provisioning/plan';
import { untrusted } from '../../manifest/text';

const ROOT = join(__dirname, '..', '..');
const CATALOGUE = 'provisioning/plan-errors.ts';

/**
 * PlanErrors and VerificationErrors that are not about a declared entry, so they stay outside the
 * catalogue: file → how many, and why.
 */
const NOT_ABOUT_AN_ENTRY: Readonly<Record<string, { count: number; reason: string }>> = {
  'provisioning/state/state-dir.ts': { count: 1, reason: 'manifests of different projects in one run: about the state folder, not an entry' },
  'provisioning/state/enforcement-state.ts': { count: 2, reason: 'a local state file that is not valid: about the file, not an entry' },
};

/** Files that may subclass them: their classes, and a saved plan refused (about the plan file, not an entry). */
const SUBCLASSES_ALLOWED = new Set(['provisioning/errors.ts', CATALOGUE, 'provisioning/plan-refused.ts']);

function typescriptFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? typescriptFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = typescriptFiles(join(ROOT, 'provisioning')).map((file) => ({ file: relative(ROOT, file).split(sep).join('/'), text: readFileSync(file, 'utf8') }));

/** The text of every string and template literal of a file: what can become a message. */
function literals(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) found.push(node.head.text, ...node.templateSpans.map((s) => s.literal.text));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Props of the constructs that are not manifest fields (`sessionTypeShortName` for `sessionType.shortName`). */
function constructOnlyProps(): string[] {
  const props = new Set<string>();
  for (const file of typescriptFiles(join(ROOT, 'constructs'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/^\s*readonly (\w+)\??:/gm)) props.add(match[1]!);
  }
  const fields = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const properties = (node as { properties?: unknown }).properties;
      if (properties !== null && typeof properties === 'object' && !Array.isArray(properties)) Object.keys(properties).forEach((k) => fields.add(k));
      Object.values(node).forEach(walk);
    }
  };
  walk(JSON.parse(readFileSync(join(ROOT, 'manifest', 'webex-manifest.schema.json'), 'utf8')));
  // Compound names only (`sessionTypeShortName`): one-word props (`site`, `org`) are everyday words.
  return [...props].filter((p) => /[A-Z]/.test(p) && !fields.has(p)).sort();
}

describe('the provisioning error catalogue (provisioning/plan-errors.ts)', () => {
  test('every PlanError and VerificationError about a declared entry is built in the catalogue', () => {
    const outside: Record<string, number> = {};
    const subclasses: string[] = [];
    for (const { file, text } of files) {
      if (/extends (?:Entry)?(?:PlanError|VerificationError)\b/.test(text) && !SUBCLASSES_ALLOWED.has(file)) subclasses.push(file);
      if (file === CATALOGUE) continue;
      const count = (text.match(/new (?:Entry)?(?:PlanError|VerificationError)\(/g) ?? []).length;
      if (count > 0) outside[file] = count;
    }
    expect(subclasses).toEqual([]);
    expect(outside).toEqual(Object.fromEntries(Object.entries(NOT_ABOUT_AN_ENTRY).map(([file, { count }]) => [file, count])));
  });

  test('no message of provisioning/ speaks a construct prop that is not a manifest field', () => {
    const props = constructOnlyProps();
    // The check knows the props it guards: the E2EE construct's naming of its session type.
    expect(props).toEqual(expect.arrayContaining(['sessionTypeShortName', 'sessionTypeName']));
    const spoken = files.flatMap(({ file, text }) => literals(file, text).flatMap((literal) => props.filter((p) => new RegExp(`\\b${p}\\b`).test(literal)).map((p) => `${file}: ${p}`)));
    expect(spoken).toEqual([]);
  });

  const ORG = { path: 'clinic/Org', name: 'Riverside Family Clinic' };
  const SITE = 'riverside-clinic.webex.com';
  const hostile = 'dr.evil@clinic.example\u001b[2J\u202e';
  const hostChange: Change = {
    org: ORG.name,
    target: { kind: 'person', email: untrusted(hostile), siteUrl: SITE, personId: 'p1' },
    setting: 'hostLobby',
    action: 'update',
    path: 'clinic/Org/Baseline/HostLobby',
    before: {},
    after: {},
    unchangedFields: 0,
    notes: [],
  } as unknown as Change;
  const siteSecurity = catalogue.siteSettingEntry(SITE, 'meetingSecurity', { path: 'clinic/Org/Site/Security' });
  const host = catalogue.hostSettingAt(SITE, hostile, 'hostLobby');

  /** Each error of the catalogue with the start its line must have: the construct path, then the manifest key. */
  const cases: [string, Error, string][] = [
    ['notObserved', catalogue.notObserved(siteSecurity), 'clinic/Org/Site/Security (settings.meetingSecurity of site riverside-clinic.webex.com): was not read'],
    ['orgNotObserved', catalogue.orgNotObserved(ORG), 'clinic/Org (name "Riverside Family Clinic"): the org was not read'],
    ['orgNotVisible by orgId', catalogue.orgNotVisible(catalogue.orgEntry({ ...ORG, orgId: 'o-1' }), [hostile]), 'clinic/Org (orgId o-1): the org is not visible'],
    ['siteNotAdministered', catalogue.siteNotAdministered(catalogue.siteEntry(ORG, { path: 'clinic/Org/Site', siteUrl: 'x.webex.com' }), [SITE]), 'clinic/Org/Site (siteUrl x.webex.com of org "Riverside Family Clinic"): not a Meetings site'],
    ['auditLogNotRead', catalogue.auditLogNotRead(catalogue.orgSettingEntry(ORG, 'mfa', { path: 'clinic/Org/Mfa' })), 'clinic/Org/Mfa (settings.mfa of org "Riverside Family Clinic"): the admin audit log'],
    ['adminsNotRead', catalogue.adminsNotRead(catalogue.orgSettingEntry(ORG, 'adminAccess', { path: 'a' })), 'a (settings.adminAccess of org "Riverside Family Clinic"): '],
    ['accountsNotRead', catalogue.accountsNotRead(catalogue.orgSettingEntry(ORG, 'inactiveAccounts', { path: 'a' })), 'a (settings.inactiveAccounts of org "Riverside Family Clinic"): '],
    ['noFullAdministratorLeft', catalogue.noFullAdministratorLeft(catalogue.orgSettingEntry(ORG, 'adminAccess', { path: 'a' }), 'Full Administrator'), 'a (settings.adminAccess of org "Riverside Family Clinic"): '],
    ['noMatchingSessionType', catalogue.noMatchingSessionType(catalogue.siteSettingEntry(SITE, 'endToEndEncryption', { path: 'e' }), 'sessionType.shortName "X"', untrusted(hostile)), 'e (settings.endToEndEncryption of site riverside-clinic.webex.com): '],
    ['ambiguousSessionType', catalogue.ambiguousSessionType(catalogue.siteSettingEntry(SITE, 'endToEndEncryption', { path: 'e' }), 'sessionType.name "X"', untrusted(hostile), 2), 'e (settings.endToEndEncryption of site riverside-clinic.webex.com): '],
    ['audioBeforeHostWithoutJoin', catalogue.audioBeforeHostWithoutJoin(siteSecurity), 'clinic/Org/Site/Security (settings.meetingSecurity of site riverside-clinic.webex.com): '],
    ['passwordCriteriaWithoutStrongPassword', catalogue.passwordCriteriaWithoutStrongPassword(siteSecurity, ['passwordCriteria.minLength']), 'clinic/Org/Site/Security (settings.meetingSecurity of site '],
    ['unaddressableMeeting', catalogue.placedOn(catalogue.unaddressableMeeting(host, 'a.b'), siteSecurity) as Error, `clinic/Org/Site/Security (settings.hostLobby of host ${hostile} of site riverside-clinic.webex.com): `],
    ['cannotApply', catalogue.cannotApply(hostChange, 'no way'), `clinic/Org/Baseline/HostLobby (settings.hostLobby of host ${hostile} of site riverside-clinic.webex.com): no way; `],
    ['writeNotVerified', catalogue.writeNotVerified(hostChange, untrusted('x'), 't'), 'clinic/Org/Baseline/HostLobby (settings.hostLobby of host '],
    ['unmanagedFields', catalogue.placedOnChange(catalogue.unmanagedFields(host, ['x']), hostChange) as Error, 'clinic/Org/Baseline/HostLobby (settings.hostLobby of host '],
    ['incompleteRead', catalogue.placedOnChange(catalogue.incompleteRead(host, 'the personal room', 'hostPin'), hostChange) as Error, 'clinic/Org/Baseline/HostLobby (settings.hostLobby of host '],
    ['notTokenUsersSite', catalogue.placedOn(catalogue.notTokenUsersSite(catalogue.siteSettingAt(SITE, 'meetingSecurity'), ['a']), siteSecurity) as Error, 'clinic/Org/Site/Security (settings.meetingSecurity of site riverside-clinic.webex.com): '],
    ['noDefaultSite', catalogue.placedOn(catalogue.noDefaultSite(catalogue.siteSettingAt(SITE, 'meetingSecurity')), siteSecurity) as Error, 'clinic/Org/Site/Security (settings.meetingSecurity of site '],
    ['writeLandedElsewhere', catalogue.placedOn(catalogue.writeLandedElsewhere(catalogue.siteSettingAt(SITE, 'meetingSecurity'), 'b.webex.com', ['x'], 'undone.', 't'), siteSecurity) as Error, 'clinic/Org/Site/Security (settings.meetingSecurity of site '],
    ['otherSitesChanged', catalogue.placedOn(catalogue.otherSitesChanged(catalogue.siteSettingAt(SITE, 'meetingSecurity'), untrusted('"b": x'), 't'), siteSecurity) as Error, 'clinic/Org/Site/Security (settings.meetingSecurity of site '],
    ['personGone', catalogue.personGone(catalogue.changeEntry({ ...hostChange, setting: 'adminAccess', target: { kind: 'person', email: untrusted('a@b.example'), orgId: 'o' } } as unknown as Change)), 'clinic/Org/Baseline/HostLobby (settings.adminAccess of person a@b.example of org "Riverside Family Clinic"): the person is no longer in the org; '],
  ];

  test.each(cases)('%s: one line naming the construct path and manifest key, what failed, and the fix', (_name, error, start) => {
    expect(error).toBeInstanceOf(Error);
    expect(error instanceof PlanError || error instanceof VerificationError).toBe(true);
    expect(error.message.startsWith(start)).toBe(true);
    // What failed, then the fix after "; ", in one line (a hostile email's escapes aside: the printers escape them).
    expect(error.message.replace(hostile, '').split('\n')).toHaveLength(1);
    expect(error.message).toMatch(/\): .+; .+$/);
  });

  test('an error placed on a change keeps the site or host the handler named, and adds the construct path', () => {
    const fromWrite = catalogue.notTokenUsersSite(catalogue.siteSettingAt(SITE, 'meetingSecurity'), []);
    expect(fromWrite.message).toMatch(/^settings\.meetingSecurity of site riverside-clinic\.webex\.com: /);
    const placed = catalogue.placedOn(fromWrite, catalogue.siteSettingEntry('other.webex.com', 'meetingSecurity', { path: 'p' })) as Error;
    expect(placed.message).toMatch(/^p \(settings\.meetingSecurity of site riverside-clinic\.webex\.com\): /);
    expect(placed).toBeInstanceOf(catalogue.EntryPlanError);
    const foreign = new Error('network down');
    expect(catalogue.placedOn(foreign, catalogue.siteSettingEntry(SITE, 'meetingSecurity', { path: 'p' }))).toBe(foreign);
    const verification = catalogue.placedOnChange(catalogue.personGone({ key: 'settings.adminAccess' }), hostChange);
    expect(verification).toBeInstanceOf(VerificationError);
  });
});
