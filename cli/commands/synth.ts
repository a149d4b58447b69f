import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findManifests, ManifestError, readManifest } from '../../manifest';

/** Variables that may hold secrets; the app never needs them, so they never reach the synth process. */
const SECRET_VARIABLES = ['WEBEX_TOKEN', 'WEBEX_CLIENT_SECRET', 'WEBEX_REFRESH_TOKEN'];

export interface SynthResult {
  readonly outdir: string;
  readonly manifests: string[];
  readonly orgs: number;
  readonly sites: number;
}

/**
 * Runs the cdktf app named in cdktf.json (as `cdktf synth` does) with the output folder set, then reads
 * back every manifest it wrote so a broken declaration fails here and not at plan time.
 */
export function synth(options: { cwd?: string; outdir?: string; env?: NodeJS.ProcessEnv; quiet?: boolean } = {}): SynthResult {
  const cwd = resolve(options.cwd ?? '.');
  const config = join(cwd, 'cdktf.json');
  if (!existsSync(config)) throw new ManifestError(`no cdktf.json in ${cwd}: run webex-iac synth in the project folder`);
  let app: unknown;
  try {
    app = (JSON.parse(readFileSync(config, 'utf8')) as { app?: unknown }).app;
  } catch (error) {
    throw new ManifestError(`cdktf.json is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof app !== 'string' || app.trim() === '') throw new ManifestError('cdktf.json must name the program to run in "app", e.g. "npx tsx main.ts"');

  const outdir = resolve(cwd, options.outdir ?? 'cdktf.out');
  const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env), CDKTF_OUTDIR: outdir };
  for (const name of SECRET_VARIABLES) delete env[name];
  const run = spawnSync(app, { cwd, env, shell: true, encoding: 'utf8' });
  if (run.error) throw new ManifestError(`could not run the app "${app}": ${run.error.message}`);
  if (run.status !== 0) {
    const output = `${run.stderr ?? ''}`.trim() || `${run.stdout ?? ''}`.trim();
    throw new ManifestError(`the app "${app}" failed (exit ${run.status}): ${firstMeaningfulLine(output)}`);
  }
  const manifests = findManifests(outdir);
  if (manifests.length === 0) throw new ManifestError(`the app "${app}" wrote no webex-manifest.json under ${outdir}: does it declare a WebexStack with a WebexOrg?`);
  let orgs = 0;
  let sites = 0;
  for (const file of manifests) {
    const manifest = readManifest(file);
    orgs += manifest.orgs.length;
    sites += manifest.orgs.reduce((n, o) => n + o.sites.length, 0);
  }
  return { outdir, manifests, orgs, sites };
}

/** A construct error is thrown with a stack trace by the app; the user needs its message line only. */
function firstMeaningfulLine(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const error = lines.find((l) => /^(\w*Error|Error):/.test(l));
  return (error ?? lines[0] ?? 'no output').replace(/^\w*Error:\s*/, '');
}
