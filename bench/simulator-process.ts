import { startSimulator } from '../simulator';
import type { HealthSystemSize } from '../simulator';

/**
 * The benchmark's simulator, in a process of its own: on a 2-core machine a simulator sharing the
 * client's event loop would slow the client down and make its memory look bigger than it is. Started
 * by bench/fleet.ts with fork(); talks over the IPC channel only.
 *
 * argv[2]: JSON { token, size, ratePerSecond, latencyMs, now }
 * → { kind: 'ready', url }            once listening
 * ← { kind: 'tally' } → { kind: 'tally', tally }   requests served so far, by status
 * ← { kind: 'close' }                  closes the server and exits
 */

export interface SimulatorTally {
  requests: number;
  byStatus: Record<string, number>;
  /** Peak resident set size of the simulator process, bytes. */
  peakRss: number;
}

interface Options {
  token: string;
  size: HealthSystemSize;
  ratePerSecond: number;
  latencyMs: number;
  now: number;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as Options;
  const sim = await startSimulator({
    tokens: [options.token],
    seed: 'health-system',
    size: options.size,
    ratePerSecond: options.ratePerSecond,
    latencyMs: options.latencyMs,
    now: options.now,
  });
  const tally: SimulatorTally = { requests: 0, byStatus: {}, peakRss: 0 };
  // The simulator records every exchange for tests; here only their statuses count, so count and let go.
  const drain = () => {
    for (const exchange of sim.exchanges) {
      tally.requests++;
      tally.byStatus[exchange.status] = (tally.byStatus[exchange.status] ?? 0) + 1;
    }
    sim.exchanges.length = 0;
    tally.peakRss = Math.max(tally.peakRss, process.memoryUsage().rss);
  };
  const timer = setInterval(drain, 250);
  process.on('message', (message: { kind: string }) => {
    if (message.kind === 'tally') {
      drain();
      process.send?.({ kind: 'tally', tally });
    } else if (message.kind === 'close') {
      clearInterval(timer);
      void sim.close().then(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ kind: 'ready', url: sim.url });
}

main().catch((error: unknown) => {
  process.stderr.write(`simulator process failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
