import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_JSON = packageJsonPath(__dirname);

/** The folder of webex-iac's own package.json: the source checkout, or the installed package. */
export const PACKAGE_ROOT: string = dirname(PACKAGE_JSON);

/** webex-iac's own package.json, for its version and the versions it pins. */
export const PACKAGE: { readonly version: string; readonly dependencies: Record<string, string>; readonly devDependencies?: Record<string, string> } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8'));

/** The tool version from package.json, recorded in plans, reports and evidence. */
export const VERSION: string = PACKAGE.version;

/** The package's own package.json: one folder up from the sources, two from their compiled copy in dist/. */
function packageJsonPath(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'webex-iac') return candidate;
    if (dirname(dir) === dir) throw new Error(`webex-iac: cannot find its package.json above ${from}`);
  }
}
