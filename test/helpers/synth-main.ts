import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Manifest, readManifest } from '../../manifest';
import { REPO } from './run-cli';

/**
 * The manifest that main.ts (the demo declaration) synthesizes, written to a temporary folder: tests of
 * the `clinic` seed use exactly what `npm start` applies.
 */
export function synthesizeMainManifest(): Manifest {
  const outdir = mkdtempSync(join(tmpdir(), 'webex-iac-main-'));
  try {
    const run = spawnSync(process.execPath, [join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'main.ts'], {
      cwd: REPO,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CDKTF_OUTDIR: outdir },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`main.ts failed: ${run.stderr}`);
    return readManifest(join(outdir, 'stacks', 'clinic', 'webex-manifest.json'));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
