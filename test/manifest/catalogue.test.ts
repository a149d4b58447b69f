import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { CONTROLS, HOST_CONTROL_KEYS, HOST_LOBBY_FIELDS, isPreferenceControl, MEETING_SECURITY_FIELDS, OrgSettingsSchema, PREFERENCE_CONTROL_KEYS, SITE_CONTROL_KEYS, SiteSettingsSchema } from '../../manifest';
import { controlsTable, withControlsTable } from '../../manifest/catalogue-doc';
import { FIELD_DIRECTIONS } from '../../provisioning/security-impact';
import { HOST_SETTING_HANDLERS, hostHandler, SITE_SETTING_HANDLERS, WRITE_ONLY_HANDLERS } from '../../provisioning/settings/registry';

const ROOT = join(__dirname, '..', '..');
const CATALOGUE = 'manifest/catalogue.ts';
const KEYS = new Set(Object.keys(CONTROLS));

function tsFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = `${folder}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Where a source restates the list of controls: an array, a union type or a `for … of` over two or more
 * control keys written out, e.g. `['hostLobby', 'endToEndEncryption']` or `'meetingSecurity' | 'hostLobby'`.
 */
export function restatedLists(file: string, source: string): string[] {
  const found: string[] = [];
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const keysIn = (nodes: readonly ts.Node[]) =>
    nodes.map((n) => (ts.isLiteralTypeNode(n) ? n.literal : n)).filter((n): n is ts.StringLiteral => ts.isStringLiteral(n) && KEYS.has(n.text)).map((n) => n.text);
  const visit = (node: ts.Node) => {
    const keys = ts.isArrayLiteralExpression(node) ? keysIn(node.elements) : ts.isUnionTypeNode(node) ? keysIn(node.types) : [];
    if (new Set(keys).size >= 2) found.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${[...new Set(keys)].join(', ')}`);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('the control catalogue (manifest/catalogue.ts)', () => {
  test('is the one place that lists controls: no other product file writes out a list of control keys', () => {
    const files = ['main.ts', ...['manifest', 'constructs', 'policies', 'provisioning', 'cli'].flatMap(tsFiles)].filter((f) => f !== CATALOGUE);
    expect(files.flatMap((file) => restatedLists(file, readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });

  test('the check finds a restated list (arrays, unions, as-const tuples)', () => {
    expect(restatedLists('x.ts', "const a = ['hostLobby', 'endToEndEncryption'] as const;\ntype K = 'meetingSecurity' | 'hostLobby';\nfor (const k of ['passwordPolicy', 'mfa']) {}")).toEqual([
      'x.ts:1: hostLobby, endToEndEncryption',
      'x.ts:2: meetingSecurity, hostLobby',
      'x.ts:3: passwordPolicy, mfa',
    ]);
    expect(restatedLists('y.ts', "const one = ['hostLobby'];\nconst words = ['path', 'hosts'];")).toEqual([]);
  });

  test('the manifest settings are exactly the catalogued controls, in catalogue order', () => {
    expect([...Object.keys(SiteSettingsSchema.shape), ...Object.keys(OrgSettingsSchema.shape)]).toEqual(Object.keys(CONTROLS));
    expect(Object.keys(SiteSettingsSchema.shape)).toEqual(SITE_CONTROL_KEYS);
  });

  test('every managed field has its direction, named as exactFields names it', () => {
    expect(Object.keys(CONTROLS.meetingSecurity.fields)).toEqual([...MEETING_SECURITY_FIELDS]);
    expect(Object.keys(CONTROLS.hostLobby.fields)).toEqual([...HOST_LOBBY_FIELDS]);
    for (const [key, descriptor] of Object.entries(CONTROLS)) {
      for (const [field, direction] of Object.entries(descriptor.fields)) expect(FIELD_DIRECTIONS[`${key}.${field}`]).toBe(direction);
    }
  });

  test('every readable or writable control has its handler, and every handler its control', () => {
    // Site and per-host controls that are read (read-write, or review: read and fixed only on opt-in) have a handler.
    const readWrite = Object.entries(CONTROLS).filter(([, d]) => d.access === 'read-write' || (d.access === 'review' && d.scope !== 'org')).map(([key]) => key);
    // Controls of meeting-preference flags get a handler made from their catalogue entry; the others one of their own.
    expect([...Object.keys(SITE_SETTING_HANDLERS), ...Object.keys(HOST_SETTING_HANDLERS), ...PREFERENCE_CONTROL_KEYS].sort()).toEqual(readWrite.sort());
    expect(Object.keys(HOST_SETTING_HANDLERS).sort()).toEqual(HOST_CONTROL_KEYS.filter((key) => !isPreferenceControl(key)).sort());
    for (const key of HOST_CONTROL_KEYS) expect(hostHandler(key).setting).toBe(key);
    expect(Object.keys(WRITE_ONLY_HANDLERS).sort()).toEqual(Object.entries(CONTROLS).filter(([, d]) => d.access === 'write-only').map(([key]) => key).sort());
  });

  test('every descriptor cites HIPAA and names its construct', () => {
    for (const descriptor of Object.values(CONTROLS)) {
      expect(descriptor.citations.length).toBeGreaterThan(0);
      for (const citation of descriptor.citations) expect(citation).toMatch(/^164\.3\d\d\([a-z]\)/);
      expect(descriptor.construct).toMatch(/^[A-Z][A-Za-z]+$/);
    }
  });

  test("manifest/README.md's controls table is the one the catalogue gives (npm run schema rewrites it)", () => {
    const readme = readFileSync(join(ROOT, 'manifest/README.md'), 'utf8');
    expect(withControlsTable(readme)).toBe(readme);
    for (const key of Object.keys(CONTROLS)) expect(controlsTable()).toContain(`| \`${key}\` |`);
  });
});
