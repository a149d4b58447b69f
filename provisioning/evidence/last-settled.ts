import type { EvidenceRecord } from './record';

/** A drifted setting on one target, as the evidence log names it (`describeTarget`). */
export interface SettledKey {
  readonly control: string;
  readonly target: string;
}

/**
 * When webex-iac last applied or verified a setting on a target, by its evidence log: the newest `apply`
 * record that wrote it, or the newest `plan`/`drift` record that checked the control (declared it) and
 * found nothing to change on that target. Undefined when the log holds neither. Audit events older than
 * that cannot explain a drift found now.
 */
export function lastSettledLookup(records: readonly EvidenceRecord[]): (key: SettledKey) => string | undefined {
  const relevant = records
    .filter((r) => r.kind === 'apply' || r.kind === 'plan' || r.kind === 'drift')
    .map((r) => ({
      kind: r.kind,
      time: r.time,
      changed: new Set((r.changes ?? []).map((c) => keyOf(c))),
      checked: new Set(controlsOf(r)),
    }))
    .sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
  return (key) => {
    const wanted = keyOf(key);
    for (const record of relevant) {
      if (record.kind === 'apply' ? record.changed.has(wanted) : record.checked.has(key.control) && !record.changed.has(wanted)) return record.time;
    }
    return undefined;
  };
}

function keyOf(key: SettledKey): string {
  return `${key.control}\u0000${key.target}`;
}

/** The controls a plan or drift record checked (`details.controls`, written when the declaration was known). */
function controlsOf(record: EvidenceRecord): string[] {
  const controls = record.details?.controls;
  if (!Array.isArray(controls)) return [];
  return controls.flatMap((c: unknown) => (c !== null && typeof c === 'object' && typeof (c as { control?: unknown }).control === 'string' ? [(c as { control: string }).control] : []));
}
