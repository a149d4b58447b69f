import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below a folder (recursively), for scanning outputs for secrets. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}

export function anyFileContains(dir: string, needle: string): string | undefined {
  return filesBelow(dir).find((file) => readFileSync(file).includes(needle));
}
