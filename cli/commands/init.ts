import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { CDKTF_JSON, GITIGNORE, mainTs, packageJson, ScaffoldNames, TSCONFIG_JSON } from '../init/templates';
import { PACKAGE, PACKAGE_ROOT, VERSION } from '../version';

export interface InitOptions {
  readonly org?: string;
  readonly site?: string;
  readonly force?: boolean;
}

export class InitError extends Error {}

/** The CI files a new repo gets, as shipped in the package (the same files this repository runs). */
const CI_FILES = ['.github/workflows/webex-iac-plan.yml', '.github/workflows/webex-iac-apply.yml', '.github/workflows/webex-iac-nightly.yml', '.gitlab-ci.yml'];

/**
 * Scaffolds a repo that declares a hardened org with webex-iac as a dependency: package.json, cdktf.json,
 * tsconfig.json, main.ts, the CI workflows and .gitignore. Refuses a folder with files in it (a git
 * folder aside) unless --force, and then overwrites only the files it writes.
 */
export function initCommand(directory: string, options: InitOptions, out: NodeJS.WriteStream): number {
  const dir = resolve(directory);
  if (existsSync(dir) && !options.force) {
    const present = readdirSync(dir).filter((name) => name !== '.git');
    if (present.length > 0) throw new InitError(`${directory} is not empty (${present.slice(0, 3).join(', ')}${present.length > 3 ? ', …' : ''}): run init in an empty folder, or pass --force to overwrite the files init writes`);
  }
  const siteUrl = options.site ?? 'your-site.webex.com';
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(siteUrl)) {
    throw new InitError(`--site must be a Meetings site host name such as clinic.webex.com, received: ${JSON.stringify(siteUrl)}`);
  }
  // WebexOrg refuses these at synth (cdktf and Terraform would rewrite them): say so now, not later.
  if (options.org !== undefined && (/\$\{|%\{|#\{/.test(options.org) || options.org.trim() === '')) {
    throw new InitError(`--org must be the org's display name in Webex, not empty and without "\${", "%{" or "#{", received: ${JSON.stringify(options.org)}`);
  }
  const names: ScaffoldNames = {
    packageName: npmName(basename(dir)),
    stackId: stackId(basename(dir)),
    orgName: options.org ?? 'Your Organization',
    siteUrl,
  };
  const files: Record<string, string> = {
    'package.json': packageJson(names, { webexIac: VERSION, dependencies: PACKAGE.dependencies, devDependencies: PACKAGE.devDependencies ?? {} }),
    'cdktf.json': CDKTF_JSON,
    'tsconfig.json': TSCONFIG_JSON,
    'main.ts': mainTs(names),
    '.gitignore': GITIGNORE,
    ...Object.fromEntries(CI_FILES.map((file) => [file, readFileSync(join(PACKAGE_ROOT, file), 'utf8')])),
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  out.write(`Created ${Object.keys(files).length} files in ${directory}: ${Object.keys(files).join(', ')}\n`);
  out.write('Next: npm install, fill in the TODOs of main.ts, then npx webex-iac synth and npx webex-iac plan (WEBEX_TOKEN set).\n');
  return 0;
}

/** A valid npm package name from a folder name. */
function npmName(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|[-]+$/g, '');
  return name === '' ? 'webex-org' : name.slice(0, 214);
}

/** A cdktf stack id from a folder name: letters, digits, "-" and "_". */
function stackId(folder: string): string {
  const id = folder.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[-_]+|[-_]+$/g, '');
  return id === '' ? 'webex-org' : id;
}
