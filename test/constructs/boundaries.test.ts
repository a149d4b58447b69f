import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..', '..');

/**
 * The layer rules of /work/shared/docs/ARCHITECTURE.md ("Boundaries"), checked on every .ts file of
 * every product folder, at any depth: which top-level folders a folder's files may import from. Imports
 * of npm packages are not layers, except cdktf (checked on its own).
 */
const LAYERS = ['manifest', 'constructs', 'policies', 'provisioning', 'cli', 'simulator', 'bench'] as const;
type Layer = (typeof LAYERS)[number] | 'main.ts';

const MAY_IMPORT: Readonly<Record<Layer, readonly string[]>> = {
  // The contract: read by everyone, depends on no other layer.
  manifest: ['manifest'],
  // Records intent; knows nothing of HTTP, plans or rules.
  constructs: ['constructs', 'manifest'],
  // Pure rules over the manifest and a plain facts type they own.
  policies: ['policies', 'manifest'],
  // Never constructs (nor cdktf), never the simulator, never the CLI.
  provisioning: ['provisioning', 'manifest', 'policies'],
  cli: ['cli', 'manifest', 'constructs', 'policies', 'provisioning', 'simulator'],
  // Shares no code with the client: held against Cisco's spec on its own.
  simulator: ['simulator'],
  bench: ['bench', 'cli', 'manifest', 'provisioning', 'simulator'],
  'main.ts': ['constructs'],
};

/** The only files that may import cdktf (so that moving to cdktn is an import change). */
const CDKTF_IMPORTERS = ['constructs/webex-stack.ts', 'main.ts'];

/**
 * Every module specifier of a source file: static, type-only, re-export, side-effect, dynamic and
 * require, as TypeScript's own scanner finds them (code that a string or template generates is not an import).
 */
export function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** Every .ts file under `folder` (relative to `root`), at any depth; node_modules and build output skipped. */
function tsFilesUnder(root: string, folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, folder))) {
    const path = join(folder, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(join(root, path)).isDirectory()) out.push(...tsFilesUnder(root, path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path.split(sep).join('/'));
  }
  return out;
}

const isCdktf = (specifier: string) => specifier === 'cdktf' || specifier === 'cdktn' || specifier.startsWith('cdktf/') || specifier.startsWith('@cdktf/');

/** The layer a repository path (posix, relative) belongs to, if it is product code. */
function layerOf(path: string): Layer | undefined {
  if (path === 'main.ts') return 'main.ts';
  const top = path.split('/')[0]!;
  return (LAYERS as readonly string[]).includes(top) ? (top as Layer) : undefined;
}

/** Every broken layer rule of the tree at `root`, as `file: specifier (rule)`. */
export function layerViolations(root: string): string[] {
  const files = ['main.ts', ...LAYERS].filter((entry) => {
    try {
      statSync(join(root, entry));
      return true;
    } catch {
      return false;
    }
  }).flatMap((entry) => (entry.endsWith('.ts') ? [entry] : tsFilesUnder(root, entry)));
  const problems: string[] = [];
  for (const file of files) {
    const layer = layerOf(file)!;
    for (const specifier of importsOf(readFileSync(join(root, file), 'utf8'))) {
      if (isCdktf(specifier)) {
        if (!CDKTF_IMPORTERS.includes(file)) problems.push(`${file}: ${specifier} (only ${CDKTF_IMPORTERS.join(' and ')} import cdktf)`);
        continue;
      }
      if (specifier === 'constructs' && !['constructs', 'main.ts', 'cli'].includes(layer)) {
        problems.push(`${file}: ${specifier} (the constructs library belongs to constructs/)`);
        continue;
      }
      if (!specifier.startsWith('.')) continue; // an npm package or a node built-in
      const target = relative(root, resolve(root, dirname(file), specifier)).split(sep).join('/');
      const targetLayer = target.startsWith('..') ? '(outside the repository)' : layerOf(target.endsWith('.ts') ? target : `${target}.ts`) ?? target.split('/')[0]!;
      if (!MAY_IMPORT[layer].includes(targetLayer)) problems.push(`${file}: ${specifier} (${layer} may import only ${MAY_IMPORT[layer].join(', ')})`);
    }
  }
  return problems.sort();
}

describe('module boundaries', () => {
  test('every file of every product folder, at any depth, keeps the layer rules of ARCHITECTURE.md', () => {
    expect(layerViolations(ROOT)).toEqual([]);
  });

  test('the walk reaches nested folders (a check that saw only top-level files would pass vacuously)', () => {
    const nested = ['provisioning', 'policies', 'simulator', 'cli'].flatMap((folder) => tsFilesUnder(ROOT, folder)).filter((f) => f.split('/').length > 2);
    expect(nested).toEqual(expect.arrayContaining(['provisioning/settings/registry.ts', 'policies/rules/host/PersonalRoomAutoLock.ts', 'cli/commands/assess.ts']));
    expect(nested.some((f) => f.startsWith('simulator/') && f.split('/').length > 2)).toBe(true);
  });

  describe('each rule fails when it is broken (a synthetic tree)', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'boundaries-'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    function write(path: string, source: string): void {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), source);
    }

    test.each([
      ['policies ↛ provisioning', 'policies/rules/deep/Rule.ts', "import type { ObservedOrg } from '../../../provisioning/observe';"],
      ['policies ↛ constructs', 'policies/subject.ts', "import { HostLobby } from '../constructs/host-lobby';"],
      ['policies ↛ cli', 'policies/x.ts', "export { VERSION } from '../cli/version';"],
      ['constructs ↛ provisioning', 'constructs/x.ts', "const p = require('../provisioning/plan');"],
      ['constructs ↛ policies', 'constructs/x.ts', "const p = import('../policies/rule');"],
      ['provisioning ↛ constructs', 'provisioning/settings/x.ts', "import { HipaaBaseline } from '../../constructs/hipaa-baseline';"],
      ['provisioning ↛ simulator', 'provisioning/x.ts', "import '../simulator/index';"],
      ['provisioning ↛ cli', 'provisioning/x.ts', "import {\n  a,\n} from '../cli/output';"],
      ['simulator ↛ manifest', 'simulator/routes/x.ts', "import { z } from '../../manifest/schema';"],
      ['simulator ↛ provisioning', 'simulator/x.ts', "import type { Plan } from '../provisioning/plan';"],
      ['manifest ↛ constructs', 'manifest/x.ts', "import { WebexOrg } from '../constructs/webex-org';"],
      ['manifest ↛ the constructs library', 'manifest/x.ts', "import { Construct } from 'constructs';"],
      ['cdktf only in the stack file', 'cli/commands/x.ts', "import { App } from 'cdktf';"],
      ['cdktf providers only in the stack file', 'constructs/x.ts', "import { Resource } from '@cdktf/provider-null/lib/resource';"],
      ['nothing outside the repository', 'cli/x.ts', "import x from '../../elsewhere/x';"],
      ['a require in a nested function', 'policies/render/x.ts', "function f() {\n  return require('../../provisioning/plan');\n}"],
    ])('%s', (_rule, file, source) => {
      write('main.ts', "import { App } from 'cdktf';\n");
      write('cli/init/template.ts', "export const main = `import { App } from 'cdktf';`;\n");
      write('constructs/webex-stack.ts', "import { TerraformStack } from 'cdktf';\nimport { Construct } from 'constructs';\n");
      write('manifest/schema.ts', "import { z } from 'zod';\n");
      expect(layerViolations(root)).toEqual([]);
      write(file, `${source}\n`);
      const problems = layerViolations(root);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}: `));
    });
  });

  test('constructs/index.ts only re-exports', () => {
    const lines = readFileSync(join(ROOT, 'constructs/index.ts'), 'utf8').split('\n').filter((l) => l.trim() !== '');
    expect(lines.filter((l) => !/^export \* from '\.\/[a-z-]+';$/.test(l))).toEqual([]);
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
