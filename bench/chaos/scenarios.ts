import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { canonicalJson, Manifest, Org, readManifest } from '../../manifest';
import { HEALTH_SYSTEM } from '../../simulator';
import type { HealthSystemSize, SeedName } from '../../simulator';

export const REPO = resolve(__dirname, '..', '..');

/** What one chaos run applies: a simulator seed, a manifest for it, and which of its orgs `apply` selects. */
export interface Scenario {
  /** `clinic`, `fleet`, or `fleet --org …`. */
  readonly name: string;
  readonly seed: SeedName;
  readonly size?: HealthSystemSize;
  readonly manifestPath: string;
  /** The orgs the command selects: what must converge; everything else must stay as it was. */
  readonly orgs: readonly Org[];
  /** Extra `apply` arguments (the selection). */
  readonly args: readonly string[];
}

/** The small fleet: big enough for several orgs, sites, hosts and a default-site switch; small enough for 200 runs. */
export const FLEET_SIZE: HealthSystemSize = { orgs: 2, sites: 2, users: 3 };

/**
 * The scenarios of a chaos suite, their manifests written under `dir`: the clinic as main.ts (the demo
 * declaration) synthesizes it, and a fleet of the health-system seed declared with the same baseline per
 * org and site, applied whole or one org at a time (the other org must then stay untouched).
 */
export function chaosScenarios(dir: string): Scenario[] {
  mkdirSync(dir, { recursive: true });
  const clinic = synthesizeMain();
  const clinicPath = join(dir, 'clinic-manifest.json');
  writeFileSync(clinicPath, canonicalJson(clinic));

  const fleet = fleetManifest(clinic.orgs[0]!, FLEET_SIZE);
  const fleetPath = join(dir, 'fleet-manifest.json');
  writeFileSync(fleetPath, canonicalJson(fleet));
  // Read back as the CLI will: the manifest must be valid, or every run would fail for the harness's sake.
  const clinicOrgs = readManifest(clinicPath).orgs;
  const fleetOrgs = readManifest(fleetPath).orgs;
  return [
    { name: 'clinic', seed: 'clinic', manifestPath: clinicPath, orgs: clinicOrgs, args: [] },
    { name: 'fleet', seed: 'health-system', size: FLEET_SIZE, manifestPath: fleetPath, orgs: fleetOrgs, args: [] },
    ...fleetOrgs.map((org, i): Scenario => ({
      name: `fleet --org ${i + 1}`,
      seed: 'health-system',
      size: FLEET_SIZE,
      manifestPath: fleetPath,
      orgs: [org],
      args: ['--org', org.name],
    })),
  ];
}

/** The manifest main.ts synthesizes (the demo's clinic, hardened with HipaaBaseline). */
function synthesizeMain(): Manifest {
  const outdir = mkdtempSync(join(tmpdir(), 'webex-iac-chaos-synth-'));
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

/** Every org and site of the health-system seed, with the clinic's baseline (the same controls and values). */
function fleetManifest(template: Org, size: HealthSystemSize): Manifest {
  const site = template.sites[0]!;
  const orgs = Array.from({ length: size.orgs }, (_, i): Org => {
    const n = i + 1;
    const rename = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll(template.path, `fleet/Org${n}`)) as T;
    const settings = rename(template.settings);
    const siteUrls = Array.from({ length: size.sites }, (_, j) => HEALTH_SYSTEM.siteUrl(n, j + 1));
    if (settings.adminAccess) settings.adminAccess = { ...settings.adminAccess, allowedAdmins: [...new Set([HEALTH_SYSTEM.userEmail(n, 0), HEALTH_SYSTEM.adminEmail])] };
    const e2e = settings.attestations?.siteEndToEndEncryption;
    if (e2e) e2e.details = { ...e2e.details, siteUrls };
    return {
      ...rename(template),
      name: HEALTH_SYSTEM.orgName(n),
      path: `fleet/Org${n}`,
      settings,
      sites: siteUrls.map((siteUrl, j) => ({ ...rename(site), siteUrl, path: `fleet/Org${n}/Site${j + 1}` })),
    };
  });
  return { formatVersion: 1, stack: 'fleet', orgs };
}
