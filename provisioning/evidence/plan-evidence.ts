import { Org } from '../../manifest';
import { AppliedChange } from '../applier';
import { sameValue } from '../field-values';
import { Change, describeTarget, FieldValue, Plan } from '../plan';
import { WRITE_ONLY_HANDLERS } from '../settings/registry';
import { declaredControls } from './declared-controls';
import { ControlObservation, EvidenceChange } from './record';

/** Controls Webex lets us write but not read (ARCHITECTURE §4): no plan can claim to have verified them. */
const isWriteOnly = (control: string) => control in WRITE_ONLY_HANDLERS;

/** What one org's plan (or drift run) shows, ready to append. */
export interface OrgEvidence {
  readonly org: string;
  readonly changes: EvidenceChange[];
  readonly details: Record<string, unknown>;
}

function toEvidenceChange(change: Change): EvidenceChange {
  return {
    control: change.setting,
    target: describeTarget(change.target),
    path: change.path,
    before: change.before,
    after: change.after,
    ...(change.impact === undefined ? {} : { impact: change.impact }),
  };
}

/**
 * Per org: the changes the plan proposes and, when the declaration is given, every declared control's
 * state as read: `compliant` when the plan changes nothing for it, `non-compliant` when it does.
 */
export function planEvidence(plan: Plan, declared: readonly Org[] = []): OrgEvidence[] {
  return plan.orgs.map((org) => {
    const changes = plan.changes.filter((c) => c.org === org);
    const declaration = declared.find((o) => o.name === org);
    const details: Record<string, unknown> = {
      summary: { changes: changes.length, fields: changes.reduce((n, c) => n + Object.keys(c.after).length, 0), weakening: changes.filter((c) => c.impact === 'weakens').length },
    };
    if (declaration) {
      details.controls = declaredControls(declaration).map((control): ControlObservation => {
        const changing = changes.some((c) => c.path === control.path);
        // A control whose opt-in action is off (admins, inactive accounts, users without MFA) changes
        // nothing but may still have found something: that is not compliant either.
        const findings = (plan.findings ?? []).filter((f) => f.org === org && f.path === control.path);
        if (findings.length > 0) return { ...control, status: 'non-compliant', note: `${findings.length} finding(s): ${[...new Set(findings.map((f) => f.kind))].join(', ')}` };
        if (isWriteOnly(control.control)) return { ...control, status: 'not-verified', note: 'write-only: Webex has no API to read it' };
        return { ...control, status: changing ? 'non-compliant' : 'compliant' };
      });
    }
    return { org, changes: changes.map(toEvidenceChange), details };
  });
}

/**
 * Per org: each change written, with its before values, the values read back after the write and the
 * write's trackingId; and, when the apply failed, what was not applied and why.
 */
export function applyEvidence(plan: Plan, applied: readonly AppliedChange[], failure?: unknown): OrgEvidence[] {
  const message = failure === undefined ? undefined : failure instanceof Error ? failure.message : String(failure);
  return plan.orgs.map((org) => {
    const planned = plan.changes.filter((c) => c.org === org);
    const done = applied.filter((a) => a.change.org === org);
    const pending = planned.filter((c) => !done.some((a) => a.change === c));
    const changes = done.map((a): EvidenceChange => {
      const verified = Object.entries(a.change.after).every(([field, value]) => sameValue(a.readBack[field] as FieldValue | undefined, value));
      return { control: a.change.setting, target: describeTarget(a.change.target), path: a.change.path, before: a.change.before, after: a.readBack, trackingId: a.trackingId, verified };
    });
    const controls: ControlObservation[] = [
      ...summarizeApplied(done),
      ...pending.map((c): ControlObservation => ({ control: c.setting, target: describeTarget(c.target), path: c.path, status: message ? 'error' : 'non-compliant', note: 'not applied' })),
    ];
    const outcome = message ? 'failed' : planned.length === 0 ? 'no-changes' : 'applied';
    const details: Record<string, unknown> = { outcome, planned: planned.length, applied: done.length, controls };
    if (pending.length > 0) details.notApplied = pending.map(toEvidenceChange);
    if (message) details.error = message;
    return { org, changes, details };
  });
}

/**
 * One observation per control and target, except per-host controls, which are summed up per control
 * and site ("13 hosts written and read back"): a fleet of 20,000 hosts must not make 20,000 report rows.
 */
function summarizeApplied(done: readonly AppliedChange[]): ControlObservation[] {
  const groups = new Map<string, { control: string; target: string; path: string; hosts: number; verified: number; writeOnly: boolean; perHost: boolean }>();
  for (const a of done) {
    const change = a.change;
    const perHost = change.target.kind === 'person' && change.target.siteUrl !== undefined && change.action === 'update';
    // Same target as the declared control (`site …`), so plan and apply records meet in one report row.
    const target = perHost ? `site ${(change.target as { siteUrl: string }).siteUrl}` : describeTarget(change.target);
    const key = `${change.setting}\u0000${target}`;
    const group = groups.get(key) ?? { control: change.setting, target, path: change.path, hosts: 0, verified: 0, writeOnly: change.writeOnly === true, perHost };
    group.hosts++;
    if (Object.entries(change.after).every(([field, value]) => sameValue(a.readBack[field] as FieldValue | undefined, value))) group.verified++;
    groups.set(key, group);
  }
  return [...groups.values()].map((g): ControlObservation => {
    const all = g.verified === g.hosts;
    const count = g.perHost ? `${g.hosts} host(s) ` : '';
    const how = g.writeOnly ? 'enforced; checked against the PATCH response (write-only: Webex offers no GET)' : 'written and read back';
    return { control: g.control, target: g.target, path: g.path, status: all ? 'compliant' : 'not-verified', note: all ? `${count}${how}` : `${count}written; the read-back did not confirm ${g.hosts - g.verified} of them` };
  });
}
