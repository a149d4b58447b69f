import { EvidenceChange, EvidenceRecord } from '../record';
import { linksOf } from './report-links';
import { ChangeGroup, ReportEvent } from './report-model';
import { fieldChanges } from './report-text';

/**
 * The period's writes grouped by control and target, so a site's meeting security is one group however
 * many fields it wrote, and a per-host control is one group per site however many hosts: a fleet's report
 * stays readable and small. Each group names who applied, and the PR/MR, CI run and commit it came from.
 */
export function groupChanges(applies: readonly { record: EvidenceRecord; event: ReportEvent }[]): ChangeGroup[] {
  const groups = new Map<string, { group: Mutable; fields: Map<string, { field: string; before: string; after: string; count: number }>; hosts: Set<string> }>();
  for (const { record, event } of applies) {
    const links = linksOf(record.actor);
    for (const change of (record.changes ?? []) as EvidenceChange[]) {
      const host = / on (\S+)$/.exec(change.target);
      const target = host ? `hosts on site ${host[1]}` : change.target;
      const key = `${change.control}\u0000${target}`;
      let entry = groups.get(key);
      if (!entry) {
        entry = { group: { control: change.control, target, writes: 0, verified: 0, first: event.time, last: event.time, actors: [], approvals: [], records: [], trackingIds: [] }, fields: new Map(), hosts: new Set() };
        groups.set(key, entry);
      }
      const g = entry.group;
      g.writes++;
      if (change.verified === true) g.verified++;
      if (change.trackingId) g.trackingIds.push(change.trackingId);
      if (event.time < g.first) g.first = event.time;
      if (event.time > g.last) g.last = event.time;
      if (!g.actors.includes(event.actor)) g.actors.push(event.actor);
      if (!g.records.includes(event.record)) g.records.push(event.record);
      for (const link of links) if (!g.approvals.some((a) => a.label === link.label && a.url === link.url)) g.approvals.push(link);
      if (host) entry.hosts.add(change.target);
      for (const f of fieldChanges(change.before, change.after)) {
        if (f.before === f.after) continue;
        const fieldKey = `${f.field}\u0000${f.before}\u0000${f.after}`;
        const known = entry.fields.get(fieldKey);
        if (known) known.count++;
        else entry.fields.set(fieldKey, { ...f, count: 1 });
      }
    }
  }
  return [...groups.values()]
    .map(({ group, fields, hosts }) => ({ ...group, ...(hosts.size > 0 ? { hosts: hosts.size } : {}), fields: [...fields.values()].sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0)) }))
    .sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : a.control < b.control ? -1 : a.control > b.control ? 1 : 0));
}

type Mutable = { -readonly [K in keyof Omit<ChangeGroup, 'fields' | 'hosts'>]: ChangeGroup[K] };
