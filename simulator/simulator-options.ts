import { AccessTokens } from './access-tokens';
import { loopbackCheck } from './loopback';
import { HEALTH_SYSTEM, type HealthSystemSize } from './seeds/health-system';
import { isSeedName, type SeedName } from './seeds/load-seed';
import { isPatchSiteUrlMode, PATCH_SITE_URL_MODES, type PatchSiteUrlMode } from './server-behaviour';

/** How to start a simulator. Everything but the tokens has a default. */
export interface SimulatorOptions {
  /** TCP port. @default 0, a free port chosen by the system */
  port?: number;
  /** Address to listen on; anything but a loopback address is refused. @default '127.0.0.1' */
  host?: string;
  /** Valid bearer tokens. A list grants every scope; a record grants each token its `scopes` (every scope when omitted). */
  tokens: Record<string, { scopes?: string[] }> | string[];
  /** Initial data. @default 'clinic' */
  seed?: SeedName;
  /**
   * Size of the `health-system` seed: orgs, sites per org, users per org (each org also has its admin).
   * @default { orgs: 2, sites: 2, users: 50 }
   */
  size?: Partial<HealthSystemSize>;
  /** Epoch milliseconds the simulator takes as its start: seeded times count back from it, and its clock runs on from it. @default Date.now() */
  now?: number;
  /** Requests per second allowed per token; above it, 429 with Retry-After. @default 0, unlimited */
  ratePerSecond?: number;
  /** Delay added before answering each request. @default 0 */
  latencyMs?: number;
  /**
   * What `PATCH /v1/admin/meeting/config/commonSettings` does with a `?siteUrl=` the spec does not
   * declare: `'ignored'` writes the caller's default site; `'honoured'` writes the named site.
   * @default 'ignored'
   */
  patchSiteUrl?: PatchSiteUrlMode;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  tokens: AccessTokens;
  seed: SeedName;
  size: HealthSystemSize;
  now: number;
  ratePerSecond: number;
  latencyMs: number;
  patchSiteUrl: PatchSiteUrlMode;
}

/** Fills in defaults and refuses options the simulator cannot honour. */
export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  const port = options.port ?? 0;
  const host = options.host ?? '127.0.0.1';
  const seed = options.seed ?? 'clinic';
  const now = options.now ?? Date.now();
  const ratePerSecond = options.ratePerSecond ?? 0;
  const latencyMs = options.latencyMs ?? 0;
  const patchSiteUrl = options.patchSiteUrl ?? 'ignored';
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Simulator port must be an integer from 0 to 65535; received ${port}.`);
  }
  loopbackCheck(host);
  if (!isSeedName(seed)) {
    throw new Error(`Unknown simulator seed ${JSON.stringify(seed)}.`);
  }
  if (!Number.isFinite(now)) {
    throw new Error(`Simulator now must be epoch milliseconds; received ${now}.`);
  }
  if (!(ratePerSecond >= 0) || !Number.isFinite(ratePerSecond)) {
    throw new Error(`Simulator ratePerSecond must be 0 (unlimited) or a positive number; received ${ratePerSecond}.`);
  }
  if (!(latencyMs >= 0) || !Number.isFinite(latencyMs)) {
    throw new Error(`Simulator latencyMs must be 0 or more; received ${latencyMs}.`);
  }
  if (!isPatchSiteUrlMode(patchSiteUrl)) {
    throw new Error(`Simulator patchSiteUrl must be one of ${PATCH_SITE_URL_MODES.join(', ')}; received ${JSON.stringify(patchSiteUrl)}.`);
  }
  return { port, host, tokens: new AccessTokens(options.tokens), seed, size: resolveSize(seed, options.size), now, ratePerSecond, latencyMs, patchSiteUrl };
}

function resolveSize(seed: SeedName, size: Partial<HealthSystemSize> = {}): HealthSystemSize {
  const given = Object.entries(size).filter(([, value]) => value !== undefined);
  if (seed !== 'health-system' && given.length > 0) {
    throw new Error(`Simulator size applies only to the health-system seed, not to ${seed}.`);
  }
  const resolved = { ...HEALTH_SYSTEM.defaultSize, ...Object.fromEntries(given) } as HealthSystemSize;
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`Simulator size.${name} must be a positive integer; received ${value}.`);
    }
  }
  return resolved;
}
