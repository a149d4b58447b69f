import { chaosSuite, problemsOf } from '../../bench/chaos/chaos-suite';

/**
 * A short, seeded run of the chaos suite (`npm run chaos` runs 200): `webex-iac apply` of the clinic in
 * a child process against the simulator under 429 bursts, 5xx, connection resets, lost responses and
 * slow-drip bodies, rerun until it succeeds; then every declared value must be in the simulator, nothing
 * undeclared may have changed, and the evidence log must agree with the simulator's audit trail.
 */
describe('chaos, short run', () => {
  test('8 seeded runs of the clinic under injected faults converge, change nothing undeclared, and keep evidence that matches the audit trail', async () => {
    const { summary, results } = await chaosSuite({ seed: 'npm-test', runs: 8, calibrate: false, scenarios: ['clinic'], kills: false });
    expect(results.map((r) => ({ run: r.index, problems: problemsOf(r) }))).toEqual(results.map((r) => ({ run: r.index, problems: [] })));
    expect(summary.converged).toBe(8);
    // The run is not vacuous: faults of every kind were injected, and some runs needed a rerun.
    for (const kind of ['throttle-burst', 'server-error', 'drop', 'lose-response', 'slow-drip'] as const) {
      expect({ kind, injected: summary.faults[kind] > 0 }).toEqual({ kind, injected: true });
    }
    expect(summary.attempts).toBeGreaterThan(8);
  }, 600_000);
});
