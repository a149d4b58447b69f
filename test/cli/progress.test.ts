import { duration, eta, LineDisplay, startProgress } from '../../cli/progress';
import { OrgMeter, ProgressMeters } from '../../provisioning';

/** A stream that keeps what was written; `isTTY` false, as in CI. */
function captured(): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = { isTTY: false, write: (chunk: string) => chunks.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join('') };
}

function meter(meters: ProgressMeters, fields: Partial<OrgMeter> & { org: string; phase: OrgMeter['phase'] }): OrgMeter {
  return Object.assign(meters.meter(fields.org, fields.phase), fields);
}

describe('progress without a terminal (CI)', () => {
  test('a line per org that moved since the last one, and one when it ends', () => {
    const out = captured();
    const meters = new ProgressMeters();
    let now = 10_000;
    const display = new LineDisplay(meters, { command: 'plan', stream: out.stream }, () => now, false);
    const org1 = meter(meters, { org: 'Org 1', phase: 'read', startedAt: 0, found: 1000, done: 250, calls: 800, throttled: 2 });
    meter(meters, { org: 'Org 2', phase: 'read' }); // not started: no line
    display.tick();
    expect(out.text()).toBe('plan: Org 1: read 250/1,000+ targets · 800 calls · 2 × 429 · 80 calls/s · ETA ≥ 30s\n');

    display.tick();
    expect(out.text().split('\n')).toHaveLength(2); // nothing moved: no second line

    Object.assign(org1, { done: 1000, calls: 3012, complete: true, finishedAt: 40_500 });
    now = 41_000;
    display.tick();
    display.stop();
    expect(out.text().split('\n').slice(1)).toEqual(['plan: Org 1: read 1,000 targets in 41s · 3,012 calls · 2 × 429', '']);
  });

  test('a run shorter than one interval prints nothing', () => {
    const out = captured();
    const meters = new ProgressMeters();
    const display = new LineDisplay(meters, { command: 'apply', stream: out.stream }, () => 1_000, false);
    meter(meters, { org: 'Org 1', phase: 'apply', startedAt: 0, found: 3, done: 3, complete: true, finishedAt: 900 });
    display.stop();
    expect(out.text()).toBe('');
  });

  test('--quiet shows nothing and reports into nothing', () => {
    const out = captured();
    const display = startProgress({ command: 'plan', stream: out.stream, quiet: true });
    expect(display.progress).toBeUndefined();
    display.stop();
    expect(out.text()).toBe('');
  });

  test('ETA is exact once every target is known, a lower bound before', () => {
    const meters = new ProgressMeters();
    const listing = meter(meters, { org: 'A', phase: 'read', startedAt: 0, found: 300, done: 100 });
    expect(eta(listing, 20_000)).toBe('≥ 40s');
    listing.complete = true;
    expect(eta(listing, 20_000)).toBe('40s');
    expect(eta(meter(meters, { org: 'B', phase: 'read', startedAt: 0 }), 1_000)).toBe('–');
    expect([duration(59.4), duration(61), duration(3_725)]).toEqual(['59s', '1m01s', '1h02m']);
  });

  test('a meter whose targets were all known ends with its last one', () => {
    const m = new OrgMeter('Org', 'apply');
    m.found = 2;
    m.complete = true;
    m.step();
    expect(m.finishedAt).toBeUndefined();
    m.step();
    expect(m.finishedAt).toEqual(expect.any(Number));
  });
});
