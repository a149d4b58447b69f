import { startSimulator } from '../../simulator';

export interface SimulatorCommandOptions {
  readonly port: number;
  readonly token?: string;
  readonly seed: 'clinic' | 'empty' | 'health-system';
  /** Size of the health-system seed (--orgs, --sites, --users); refused with another seed. */
  readonly orgs?: number;
  readonly sites?: number;
  readonly users?: number;
  readonly rate?: number;
  readonly latencyMs?: number;
  /** What PATCH commonSettings does with `?siteUrl=`: ignored (the spec's literal reading) or honoured. */
  readonly patchSiteUrl?: 'ignored' | 'honoured';
}

/** Runs the simulator in the foreground until interrupted; prints its base URL, never the token. */
export async function simulatorCommand(options: SimulatorCommandOptions, out: NodeJS.WriteStream = process.stdout): Promise<void> {
  const token = options.token ?? process.env.WEBEX_TOKEN;
  if (!token) throw new Error('the simulator needs a token to accept: pass --token T or set WEBEX_TOKEN');
  const size = { orgs: options.orgs, sites: options.sites, users: options.users };
  const sized = Object.values(size).some((n) => n !== undefined);
  if (sized && options.seed !== 'health-system') throw new Error(`--orgs, --sites and --users size the health-system seed; they cannot be used with --seed ${options.seed}`);
  const sim = await startSimulator({ port: options.port, tokens: [token], seed: options.seed, ...(sized ? { size } : {}), ratePerSecond: options.rate, latencyMs: options.latencyMs, patchSiteUrl: options.patchSiteUrl });
  const patch = options.patchSiteUrl === 'honoured' ? ', PATCH commonSettings honours ?siteUrl=' : '';
  out.write(`Webex simulator (seed ${options.seed}${patch}) listening on ${sim.url}\n`);
  out.write(`Point webex-iac at it with: export WEBEX_BASE_URL=${sim.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void sim.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
