import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebexOrg } from '../../constructs';
import { ManifestError, parseManifest, readManifest } from '../../manifest';
import { clinicManifest } from '../helpers/clinic-manifest';
import { newStack } from '../constructs/fixtures';

describe('strict input: what a manifest must be', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'webex-iac-strict-'))));
  afterEach(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  test('a manifest with zero orgs is refused in one line naming the file and the field', () => {
    const file = join(dir, 'empty.json');
    writeFileSync(file, JSON.stringify({ formatVersion: 1, stack: 'clinic', orgs: [] }));
    expect(() => readManifest(file)).toThrow(ManifestError);
    expect(() => readManifest(file)).toThrow(new RegExp(`^${escape(file)}: orgs: at least one org`));
  });

  test('bytes that are not UTF-8 in an org name are refused, naming the file, the field and the byte offset', () => {
    const file = join(dir, 'latin1.json');
    const text = JSON.stringify(clinicManifest());
    const at = text.indexOf('Riverside Family Clinic');
    // "Riverside Family Clinic" with a Latin-1 é (0xE9) in it: not UTF-8.
    const bytes = Buffer.concat([Buffer.from(text.slice(0, at), 'utf8'), Buffer.from([0x52, 0xe9]), Buffer.from(text.slice(at + 1), 'utf8')]);
    writeFileSync(file, bytes);
    let message = '';
    try {
      readManifest(file);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(`manifest ${file}: orgs[0].name: not UTF-8: invalid UTF-8 at byte offset ${Buffer.byteLength(text.slice(0, at)) + 1}`);
  });

  test('a byte-order mark and real non-ASCII names still read', () => {
    const file = join(dir, 'bom.json');
    const manifest = clinicManifest();
    manifest.orgs[0]!.name = 'Clínica Ribeirinha';
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(manifest), 'utf8')]));
    expect(readManifest(file).orgs[0]!.name).toBe('Clínica Ribeirinha');
  });

  test.each(['${TfToken[TOKEN.1]}', 'Riverside ${var.other}', '%{ if true }x%{ endif }', '#{TfToken[TOKEN.2]}'])('an org name holding %p is refused by the schema', (name) => {
    const manifest = clinicManifest();
    manifest.orgs[0]!.name = name;
    expect(() => parseManifest(manifest, 'm.json')).toThrow(/^m\.json: orgs\[0\]\.name: an org display name without "\$\{", "%\{" or "#\{"/);
  });

  test('an orgId holding a template sequence is refused by the schema', () => {
    const manifest = clinicManifest();
    manifest.orgs[0]!.orgId = '${TfToken[TOKEN.7]}';
    expect(() => parseManifest(manifest, 'm.json')).toThrow(/^m\.json: orgs\[0\]\.orgId: a Webex org id without/);
  });

  test.each(['${TfToken[TOKEN.1]}', 'Riverside ${var.other}'])('WebexOrg refuses the name %p at construct time, naming the prop', (name) => {
    expect(() => new WebexOrg(newStack(), 'Org', { name })).toThrow(`WebexOrg name must be the org display name without "\${", "%{" or "#{" (Terraform and cdktf would rewrite them), received: ${JSON.stringify(name)} (at clinic/Org)`);
  });

  test('a non-ASCII org name with braces but no template sequence is accepted', () => {
    expect(new WebexOrg(newStack(), 'Org', { name: 'Clínica {Norte} $5' }).name).toBe('Clínica {Norte} $5');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
