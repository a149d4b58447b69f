import { chaosSuite, problemsOf } from '../../bench/chaos/chaos-suite';

/**
 * A short, seeded run of the chaos suite (`npm run chaos` runs 200): `webex-iac apply` of the clinic and
 * of one org of the small fleet (whose sites need default-site switches) in a child process against the
 * simulator, under 429 bursts, 5xx, connection resets, lost responses and slow-drip bodies, some runs
 * SIGKILLed mid-apply, each rerun until it succeeds. Then every declared value must be in the simulator,
 * nothing undeclared may have changed (the token user's default site included), and the evidence log
 * must name every write the simulator's audit trail lists. Each run has its own simulator and temp
 * folders (chaos-run.ts); no timing is asserted.
 */
describe('chaos, short run', () => {
  test('10 seeded runs converge, change nothing undeclared, and keep evidence that matches the audit trail', async () => {
    const runs = 10;
    const { summary, results } = await chaosSuite({ seed: 'npm-test', runs, calibrate: false, scenarios: ['clinic', 'fleet --org 1'], parallel: 2 });
    expect(results.map((r) => ({ run: r.index, problems: problemsOf(r) }))).toEqual(results.map((r) => ({ run: r.index, problems: [] })));
    expect(summary).toMatchObject({ runs, converged: runs, wrongFields: 0, undeclaredChanges: 0, evidenceMismatches: 0 });
    // The run is not vacuous: both scenarios ran, faults of every kind were injected, some runs were killed or needed a rerun.
    expect(Object.keys(summary.byScenario).sort()).toEqual(['clinic', 'fleet --org 1']);
    for (const kind of ['throttle-burst', 'server-error', 'drop', 'lose-response', 'slow-drip'] as const) {
      expect({ kind, injected: summary.faults[kind] > 0 }).toEqual({ kind, injected: true });
    }
    expect(summary.faults.kill).toBeGreaterThan(0);
    expect(summary.attempts).toBeGreaterThan(runs);
  }, 600_000);
});
