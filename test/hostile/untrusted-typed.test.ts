import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { unescapedUntrusted } from './untrusted-sinks';

const ROOT = join(__dirname, '..', '..');

/** Every file of the tool: text from Webex may be turned into a message anywhere, not only in a renderer. */
const RENDERING = ['provisioning', 'policies', 'cli', 'manifest'];

function typescriptFiles(path: string): string[] {
  if (statSync(path).isFile()) return path.endsWith('.ts') ? [path] : [];
  return readdirSync(path).flatMap((name) => typescriptFiles(join(path, name)));
}

function programOf(files: readonly string[]): ts.Program {
  const { config } = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (p) => readFileSync(p, 'utf8'));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  return ts.createProgram({ rootNames: [...files], options: { ...options, noEmit: true } });
}

describe('text typed Untrusted reaches output only through an escaper', () => {
  const fixture = join(ROOT, 'test', 'fixtures', 'untrusted', 'renderer-with-holes.ts');
  const files = RENDERING.flatMap((p) => typescriptFiles(join(ROOT, p)));
  let program: ts.Program;
  beforeAll(() => {
    program = programOf([fixture, ...files]);
  }, 120_000);

  test('the check finds each hole of a renderer written wrong on purpose, and nothing else', () => {
    const holes = readFileSync(fixture, 'utf8').split('\n').flatMap((line, i) => (line.includes('// HOLE') ? [i + 1] : []));
    const found = unescapedUntrusted(program, [fixture], ROOT).map((f) => Number(/:(\d+):/.exec(f)![1]));
    expect(found).toEqual(holes);
  });

  test('no renderer, report or CLI file prints an Untrusted value unescaped', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(unescapedUntrusted(program, files, ROOT)).toEqual([]);
  });
});
