import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...source.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

function tsFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name));
}

const isCdktf = (specifier: string) => specifier === 'cdktf' || specifier === 'cdktn' || specifier.startsWith('cdktf/') || specifier.startsWith('@cdktf/');

describe('module boundaries', () => {
  test('only main.ts and constructs/webex-stack.ts import cdktf or its providers', () => {
    const importers = ['main.ts', ...tsFiles('constructs'), ...tsFiles('manifest')].filter((file) => importsOf(join(ROOT, file)).some(isCdktf));
    expect(importers.sort()).toEqual(['constructs/webex-stack.ts', 'main.ts']);
  });

  test('construct files import only constructs, node built-ins, the manifest module and each other', () => {
    const foreign = tsFiles('constructs').flatMap((file) =>
      importsOf(join(ROOT, file))
        .filter((s) => !(s === 'constructs' || s.startsWith('node:') || s.startsWith('./') || s.startsWith('../manifest/')))
        .filter((s) => !(file === 'constructs/webex-stack.ts' && isCdktf(s)))
        .map((s) => `${file}: ${s}`),
    );
    expect(foreign).toEqual([]);
  });

  test('constructs/index.ts only re-exports', () => {
    const lines = readFileSync(join(ROOT, 'constructs/index.ts'), 'utf8').split('\n').filter((l) => l.trim() !== '');
    expect(lines.filter((l) => !/^export \* from '\.\/[a-z-]+';$/.test(l))).toEqual([]);
  });

  test('manifest/ imports neither constructs/ nor cdktf', () => {
    const offending = tsFiles('manifest').flatMap((file) => importsOf(join(ROOT, file)).filter((s) => isCdktf(s) || s === 'constructs' || s.includes('constructs/')).map((s) => `${file}: ${s}`));
    expect(offending).toEqual([]);
  });
});

describe('repository hygiene', () => {
  test('no symbolic link is committed (a worktree\'s node_modules link once was, and replaced the real folder on checkout)', () => {
    // git ls-files -s shows mode 120000 for a symbolic link.
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    let listing = '';
    try {
      listing = execFileSync('git', ['ls-files', '-s'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    } catch {
      return; // not a git checkout (an unpacked source tarball): nothing to check
    }
    expect(listing.split('\n').filter((line) => line.startsWith('120000 '))).toEqual([]);
  });
});
