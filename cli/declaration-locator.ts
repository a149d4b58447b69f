import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { SourceLocation } from '../policies/render/sarif';
import { projectRootOf } from '../provisioning/state/state-dir';
import { lineOfConstructPath } from './commands/check';

/**
 * Finds, for a construct path of a synthesized manifest, the line of the user's program that declared it,
 * as a path relative to the repository root: code scanning then shows results on a file the repository
 * holds, not on cdktf.out/, which is generated and ignored. The program is the one cdktf.json's "app"
 * runs; the line is the first that names the deepest construct id of the path (a child a construct
 * creates itself, such as Attestations, points at its parent's line). Without a program, the manifest's
 * own line, relative to the repository, with a note.
 */
export function declarationLocator(): (manifest: string, constructPath: string) => SourceLocation | undefined {
  const programs = new Map<string, { root: string; program?: string; lines?: string[] } | undefined>();
  return (manifest, constructPath) => {
    const dir = dirname(resolve(manifest));
    if (!programs.has(dir)) programs.set(dir, projectOf(dir));
    const project = programs.get(dir);
    if (project === undefined) return undefined;
    if (project.program !== undefined && project.lines !== undefined) {
      const line = lineDeclaring(project.lines, constructPath);
      if (line !== undefined) return { uri: repoRelative(project.root, project.program), line };
    }
    const file = resolve(manifest);
    if (!isBelow(project.root, file)) return undefined;
    return { uri: repoRelative(project.root, file), line: lineOfConstructPath(file, constructPath), note: `declared by ${constructPath}; the program that declares it was not found, so this points at the generated manifest` };
  };
}

function projectOf(from: string): { root: string; program?: string; lines?: string[] } | undefined {
  const projectDir = projectRootOf(from);
  if (projectDir === undefined) return undefined;
  const root = upwards(projectDir, (dir) => existsSync(join(dir, '.git'))) ?? projectDir;
  const program = programOf(projectDir);
  return program === undefined ? { root } : { root, program, lines: readFileSync(program, 'utf8').split('\n') };
}

/** The source file cdktf.json's "app" command runs (e.g. "npx tsx main.ts" → main.ts). */
function programOf(projectDir: string): string | undefined {
  try {
    const app = (JSON.parse(readFileSync(join(projectDir, 'cdktf.json'), 'utf8')) as { app?: unknown }).app;
    if (typeof app !== 'string') return undefined;
    const file = app.split(/\s+/).find((word) => /\.(ts|js|mjs|cjs)$/.test(word));
    return file !== undefined && existsSync(join(projectDir, file)) ? join(projectDir, file) : undefined;
  } catch {
    return undefined;
  }
}

function lineDeclaring(lines: readonly string[], constructPath: string): number | undefined {
  for (const id of constructPath.split('/').slice(1).reverse()) {
    const literal = new RegExp(`,\\s*(['"\`])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`);
    const index = lines.findIndex((line) => literal.test(line));
    if (index >= 0) return index + 1;
  }
  return undefined;
}

function upwards(from: string, found: (dir: string) => boolean): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (found(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function isBelow(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function repoRelative(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}
