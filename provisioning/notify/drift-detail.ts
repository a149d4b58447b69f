import { markdownText } from '../../manifest/text';
import { Change, describeTarget, FieldValue, Plan } from '../plan';
import type { ComparedItem } from '../evidence/since-last-run';

/** Fields shown per drifted setting in a message before "and N more field(s)". */
const FIELDS_SHOWN = 3;

/**
 * The detail line of a drift item in a message: each drifted field's live value and the declared one
 * (`joinBeforeHost` is true, declared false), escaped; for a finding, the plan's own line about it.
 */
export function driftDetail(plan: Plan): (org: string, item: ComparedItem) => string | undefined {
  const changes = new Map(plan.changes.map((c) => [`${c.org}\u0000${c.setting}\u0000${describeTarget(c.target)}`, c]));
  const findings = new Map((plan.findings ?? []).map((f) => [`${f.org}\u0000${f.setting}\u0000${describeTarget(f.target)}\u0000${f.kind}`, f]));
  return (org, item) => {
    if (item.kind === 'finding') {
      const finding = findings.get(`${org}\u0000${item.control}\u0000${item.target}\u0000${item.detail}`);
      return finding ? markdownText(finding.detail) : undefined;
    }
    const change = changes.get(`${org}\u0000${item.control}\u0000${item.target}`);
    return change ? fieldsLine(change) : undefined;
  };
}

function fieldsLine(change: Change): string {
  if (change.writeOnly) return 'write-only: enforce planned';
  const fields = Object.keys(change.after);
  const shown = fields.slice(0, FIELDS_SHOWN).map((f) => `${markdownText(f)} is ${value(change.before[f])}, declared ${value(change.after[f])}`);
  return `${shown.join('; ')}${fields.length > FIELDS_SHOWN ? `; and ${fields.length - FIELDS_SHOWN} more field(s)` : ''}`;
}

function value(v: FieldValue | undefined): string {
  return markdownText(v === undefined ? 'unset' : JSON.stringify(v));
}
