import type { StoredRecord } from '../../provisioning/evidence';
import { compareWithPreviousRuns, RunItem, sinceLastRunDetails } from '../../provisioning/evidence';

const SCOPE = '{"api":"https://webexapis.com","kind":"drift"}';
const site: RunItem = { kind: 'drift', control: 'meetingSecurity', target: 'site a.webex.com', detail: '', impact: 'weakens' };
const host: RunItem = { kind: 'drift', control: 'hostLobby', target: 'person dr@a.example on a.webex.com', detail: '' };
const admin: RunItem = { kind: 'finding', control: 'adminAccess', target: 'person x@a.example', detail: 'unexpected-admin' };

/** A log of runs, each made by comparing its items with the runs before it, as drift does. */
function history(runs: readonly (readonly RunItem[])[], scope = SCOPE, kind = 'drift'): StoredRecord[] {
  const log: StoredRecord[] = [];
  runs.forEach((items, i) => {
    const time = `2026-01-0${i + 1}T00:00:00.000Z`;
    const comparison = compareWithPreviousRuns(log, kind, scope, items, time);
    log.push({ file: '2026-01.jsonl', line: i + 1, record: { id: `run-${i}`, time, kind, details: { sinceLastRun: sinceLastRunDetails(comparison) } } as unknown as StoredRecord['record'] });
  });
  return log;
}

const statuses = (c: ReturnType<typeof compareWithPreviousRuns>) => Object.fromEntries(c.items.map((i) => [i.control, i.status]));

describe('compareWithPreviousRuns', () => {
  test('new, still (since the first run), resolved, and regressed after a run without it', () => {
    const log = history([[site, host], [site]]);
    const now = compareWithPreviousRuns(log, 'drift', SCOPE, [site, host, admin], '2026-01-09T00:00:00.000Z');
    expect(statuses(now)).toEqual({ meetingSecurity: 'still', hostLobby: 'regressed', adminAccess: 'new' });
    expect(now.items.find((i) => i.control === 'meetingSecurity')!.since).toBe('2026-01-01T00:00:00.000Z');
    expect(now.items.find((i) => i.control === 'hostLobby')!.since).toBe('2026-01-09T00:00:00.000Z');
    expect(now.previousRun).toEqual({ id: 'run-1', time: '2026-01-02T00:00:00.000Z' });

    const later = compareWithPreviousRuns(history([[site, host], [site], []]), 'drift', SCOPE, [host], '2026-01-09T00:00:00.000Z');
    expect(statuses(later)).toEqual({ hostLobby: 'regressed' });
    const gone = compareWithPreviousRuns(log, 'drift', SCOPE, [], '2026-01-09T00:00:00.000Z');
    expect(gone.items).toEqual([expect.objectContaining({ control: 'meetingSecurity', status: 'resolved', since: '2026-01-01T00:00:00.000Z' })]);
    expect(gone.summary).toEqual({ new: 0, still: 0, resolved: 1, regressed: 0 });
  });

  test('an item whose target could not be read stays open as it was, never resolved', () => {
    const log = history([[site, host]]);
    const now = compareWithPreviousRuns(log, 'drift', SCOPE, [], '2026-01-09T00:00:00.000Z', (item) => item.target.startsWith('person '));
    expect(now.items).toEqual([
      expect.objectContaining({ control: 'hostLobby', status: 'still', unread: true, since: '2026-01-01T00:00:00.000Z' }),
      expect.objectContaining({ control: 'meetingSecurity', status: 'resolved' }),
    ]);
    // Carried to the next run: back in view, it is still there since the first run.
    const next = compareWithPreviousRuns([...log, { file: 'f', line: 2, record: { id: 'r', time: 't', kind: 'drift', details: { sinceLastRun: sinceLastRunDetails(now) } } as unknown as StoredRecord['record'] }], 'drift', SCOPE, [host], 'x');
    expect(next.items).toEqual([expect.objectContaining({ control: 'hostLobby', status: 'still', since: '2026-01-01T00:00:00.000Z' })]);
  });

  test('runs of another scope or kind, and records without a comparison, are not the previous run', () => {
    const other = history([[site]], '{"api":"https://other.example","kind":"drift"}');
    const assess = history([[site]], SCOPE, 'assess');
    const old = [{ file: 'f', line: 1, record: { id: 'old', time: 't', kind: 'drift', details: { summary: {} } } }] as unknown as StoredRecord[];
    const forged = [{ file: 'f', line: 1, record: { id: 'forged', time: 't', kind: 'drift', details: { sinceLastRun: { scope: SCOPE, open: [{ key: 1 }, null] } } } }] as unknown as StoredRecord[];
    const now = compareWithPreviousRuns([...other, ...assess, ...old, ...forged], 'drift', SCOPE, [site], 'now');
    expect(now.previousRun).toEqual({ id: 'forged', time: 't' });
    expect(statuses(now)).toEqual({ meetingSecurity: 'new' });
  });
});
