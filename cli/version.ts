import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The tool version from package.json, recorded in plans, reports and evidence. */
export const VERSION: string = (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
