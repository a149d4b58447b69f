import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { canonicalJson, compareCodePoints, sortedByCodePoint } from '../../manifest';
import { observedHash, ObservedOrg } from '../../provisioning';

const REPO = join(__dirname, '..', '..');
/** Pairs where a locale's collation and code-point order disagree. */
const DISAGREE = ['a', 'Z', 'ä', 'z', 'é', 'f', '\u{1F600}', '\uFFFD', 'Ω', 'b'];

function org(name: string): ObservedOrg {
  return { name, orgId: `id-${name}`, sites: {} };
}

describe('code-point compare (one order for everything hashed or sorted for output)', () => {
  test('orders by Unicode code point, not by locale and not by UTF-16 code unit', () => {
    expect(sortedByCodePoint(DISAGREE)).toEqual(['Z', 'a', 'b', 'f', 'z', 'ä', 'é', 'Ω', '\uFFFD', '\u{1F600}']);
    const byCodePoint = [...DISAGREE].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
    expect(sortedByCodePoint(DISAGREE)).toEqual(byCodePoint);
    expect(compareCodePoints('ab', 'ab')).toBe(0);
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('\u{10000}', '\uFFFF')).toBeGreaterThan(0);
  });

  test("a saved plan's observed hash is the hash of the observations in code-point order", () => {
    const hash = observedHash([org('ä-health'), org('Z-health'), org('z-health')]);
    const expected = createHash('sha256').update(canonicalJson([org('Z-health'), org('z-health'), org('ä-health')])).digest('hex');
    expect(hash).toBe(expected);
  });

  test('the observed hash is the same under every locale', () => {
    const script = `require('tsx/cjs'); const { observedHash } = require('./provisioning/observed-hash.ts');
      const org = (name) => ({ name, orgId: 'id-' + name, sites: {} });
      process.stdout.write(observedHash([org('ä-health'), org('z-health'), org('Z-health'), org('a-health')]));`;
    const hashes = ['en_US.UTF-8', 'sv_SE.UTF-8', 'tr_TR.UTF-8', 'C'].map((locale) =>
      execFileSync(process.execPath, ['-e', script], { cwd: REPO, env: { PATH: process.env.PATH, LC_ALL: locale, LANG: locale } }).toString(),
    );
    expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(hashes).size).toBe(1);
  });

  test('no source sorts by locale or writes its own string compare', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const files = ['cli', 'constructs', 'manifest', 'policies', 'provisioning', 'bench'].flatMap((dir) => sources(join(REPO, dir)));
    const offending = files.filter((file) => /\.localeCompare\(|Intl\.Collator|function compare\(/.test(readFileSync(file, 'utf8'))).map((file) => relative(REPO, file));
    expect(offending).toEqual([]);
  });
});
