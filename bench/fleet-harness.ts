import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { synth } from '../cli/commands/synth';
import { Org, readManifest } from '../manifest';
import { HEALTH_SYSTEM } from '../simulator/seeds/health-system';
import { FleetOrg, writeFleetApp } from './fleet-app';

/** The size of the simulator's health-system fleet and how it answers. */
export interface FleetSize {
  readonly orgs: number;
  readonly sites: number;
  readonly users: number;
  readonly latencyMs: number;
  readonly rate: number;
}

export const BENCH_TOKEN = 'bench-token';

/** The health system's declaration, synthesized as a project would, and read back from its manifest. */
export function fleetDeclaration(size: FleetSize, dir: string): Org[] {
  const orgs: FleetOrg[] = Array.from({ length: size.orgs }, (_, i) => ({
    name: HEALTH_SYSTEM.orgName(i + 1),
    siteUrls: Array.from({ length: size.sites }, (_, j) => HEALTH_SYSTEM.siteUrl(i + 1, j + 1)),
    admins: [...new Set([HEALTH_SYSTEM.userEmail(i + 1, 0), HEALTH_SYSTEM.adminEmail])],
  }));
  writeFleetApp(dir, orgs);
  const result = synth({ cwd: dir, outdir: join(dir, 'cdktf.out'), env: process.env, policy: { profile: 'hipaa-current' } });
  return result.manifests.flatMap((file) => readManifest(file).orgs);
}

/** The simulator's health-system seed in a child process of its own (bench/simulator-process.ts). */
export async function startSimulatorProcess(size: FleetSize): Promise<{ child: ChildProcess; url: string }> {
  const options = { token: BENCH_TOKEN, size: { orgs: size.orgs, sites: size.sites, users: size.users }, ratePerSecond: size.rate, latencyMs: size.latencyMs, now: Date.now() };
  // Inherits this process's tsx loader (execArgv), so the child runs the simulator's TypeScript as is.
  const child = fork(join(__dirname, 'simulator-process.ts'), [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the simulator process exited (${code}) before it was ready`)));
    child.on('message', (message: { kind: string; url?: string }) => {
      if (message.kind === 'ready' && message.url) resolve(message.url);
    });
  });
  child.removeAllListeners('exit');
  return { child, url };
}
