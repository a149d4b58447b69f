import { asData, markdownText } from '../../manifest/text';
import { Change, describeTarget, FieldValue, Plan } from '../plan';
import type { ComparedItem } from '../evidence/since-last-run';

/** Fields shown per drifted setting in a message before "and N more field(s)". */
const FIELDS_SHOWN = 3;

/**
 * The detail line of a drift item in a message: each drifted field's live value and the declared one
 * (`joinBeforeHost` is true, declared false), escaped; for a finding, the plan's own line about it.
 */
export function driftDetail(plan: Plan): (org: string, item: ComparedItem) => string | undefined {
  const changes = new Map(plan.changes.map((c) => [`${c.org}\u0000${c.setting}\u0000${asData(describeTarget(c.target))}`, c]));
  const findings = new Map((plan.findings ?? []).map((f) => [`${f.org}\u0000${f.setting}\u0000${asData(describeTarget(f.target))}\u0000${f.kind}`, f]));
  return (org, item) => {
    if (item.kind === 'finding') {
      const finding = findings.get(`${org}\u0000${item.control}\u0000${item.target}\u0000${item.detail}`);
      return finding ? markdownText(finding.detail) : undefined;
    }
    const change = changes.get(`${org}\u0000${item.control}\u0000${item.target}`);
    if (!change) return undefined;
    const who = attributionLine((change as Change & { attribution?: unknown }).attribution);
    return who ? `${fieldsLine(change)} · ${who}` : fieldsLine(change);
  };
}

/**
 * Who changed it, when the plan carries an attribution from the admin audit log (status `audit-event`:
 * actor, time, trackingId), read by shape so a plan without one renders as before; every part escaped.
 */
export function attributionLine(attribution: unknown): string | undefined {
  const a = attribution as { status?: unknown; byToken?: unknown; event?: Record<string, unknown> } | undefined;
  if (a?.status === 'no-audit-event') return 'no audit event found (changed by the user, or older than the audit window)';
  if (a?.status !== 'audit-event' || typeof a.event !== 'object' || a.event === null) return undefined;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const who = text(a.event.actorEmail) || text(a.event.actorName) || 'an unnamed admin';
  const how = a.byToken === true ? 'with the token webex-iac uses, by' : 'in Control Hub by';
  const tracking = text(a.event.trackingId);
  return `changed ${how} ${markdownText(who)} at ${markdownText(text(a.event.at))}${tracking ? `, trackingId ${markdownText(tracking)}` : ''}`;
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
