import { Org } from '../../manifest';
import { AppliedChange } from '../applier';
import { sameValue } from '../field-values';
import { Change, describeTarget, FieldValue, Plan } from '../plan';
import { WRITE_ONLY_HANDLERS } from '../settings/registry';
import { WriteResult } from '../write-result';
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
    ...(change.attribution === undefined ? {} : { attribution: change.attribution }),
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
 * Per org: each write that reached Webex, with its before values, the values read back and its
 * trackingId; each write Webex refused (`failed`) or whose outcome is unknown (`outcomeUnknown`: sent,
 * never answered, perhaps applied); and what was never sent (`notApplied`). `results` are the writes'
 * outcomes (AppliedChange counts as applied); `interrupted` says why the run stopped, when it did.
 */
export function applyEvidence(plan: Plan, results: readonly (AppliedChange | WriteResult)[], failure?: unknown, interrupted?: string): OrgEvidence[] {
  const message = failure === undefined ? undefined : failure instanceof Error ? failure.message : String(failure);
  const outcomes = results.map(asWriteResult);
  return plan.orgs.map((org) => {
    const planned = plan.changes.filter((c) => c.org === org);
    const mine = outcomes.filter((r) => r.change.org === org);
    const done = mine.filter((r) => r.outcome === 'applied');
    const failed = mine.filter((r) => r.outcome === 'failed');
    const unknown = mine.filter((r) => r.outcome === 'unknown');
    const pending = planned.filter((c) => !mine.some((r) => r.change === c));
    const changes = done.map((r): EvidenceChange => ({
      control: r.change.setting,
      target: describeTarget(r.change.target),
      path: r.change.path,
      before: r.change.before,
      after: r.readBack ?? {},
      ...(r.trackingId === undefined ? {} : { trackingId: r.trackingId }),
      verified: r.verified === true,
      ...(r.error === undefined ? {} : { note: r.error }),
    }));
    const unsettled = (r: WriteResult, note: string): ControlObservation => ({ control: r.change.setting, target: describeTarget(r.change.target), path: r.change.path, status: 'error', note });
    const controls: ControlObservation[] = [
      ...summarizeApplied(done),
      ...failed.map((r) => unsettled(r, 'refused by Webex: not applied')),
      ...unknown.map((r) => unsettled(r, 'outcome unknown: sent, no answer')),
      ...pending.map((c): ControlObservation => ({ control: c.setting, target: describeTarget(c.target), path: c.path, status: message || interrupted ? 'error' : 'non-compliant', note: 'not applied: never sent' })),
    ];
    const outcome = interrupted ? 'interrupted' : message ? 'failed' : planned.length === 0 ? 'no-changes' : 'applied';
    const details: Record<string, unknown> = { outcome, planned: planned.length, applied: done.length, controls };
    if (failed.length > 0) details.failed = failed.map((r) => ({ ...toEvidenceChange(r.change), ...(r.trackingId ? { trackingId: r.trackingId } : {}), error: r.error }));
    if (unknown.length > 0) details.outcomeUnknown = unknown.map((r) => ({ ...toEvidenceChange(r.change), ...(r.trackingId ? { trackingId: r.trackingId } : {}), error: r.error }));
    if (pending.length > 0) details.notApplied = pending.map(toEvidenceChange);
    if (message) details.error = message;
    if (interrupted) details.interrupted = interrupted;
    return { org, changes, details };
  });
}

/** One write's outcome as an evidence change, for the records written while the apply runs. */
export function writeEvidence(result: WriteResult): EvidenceChange & { outcome: string; error?: string } {
  return {
    ...toEvidenceChange(result.change),
    ...(result.outcome === 'applied' && result.readBack ? { after: result.readBack } : {}),
    outcome: result.outcome,
    ...(result.trackingId === undefined ? {} : { trackingId: result.trackingId }),
    ...(result.outcome === 'applied' ? { verified: result.verified === true } : {}),
    ...(result.error === undefined ? {} : { error: result.error }),
  };
}

function asWriteResult(result: AppliedChange | WriteResult): WriteResult {
  if ('outcome' in result) return result;
  const verified = Object.entries(result.change.after).every(([field, value]) => sameValue(result.readBack[field] as FieldValue | undefined, value));
  return { change: result.change, outcome: 'applied', trackingId: result.trackingId, readBack: result.readBack, verified };
}

/**
 * One observation per control and target, except per-host controls, which are summed up per control
 * and site ("13 hosts written and read back"): a fleet of 20,000 hosts must not make 20,000 report rows.
 */
function summarizeApplied(done: readonly WriteResult[]): ControlObservation[] {
  const groups = new Map<string, { control: string; target: string; path: string; hosts: number; verified: number; writeOnly: boolean; perHost: boolean }>();
  for (const a of done) {
    const change = a.change;
    const perHost = change.target.kind === 'person' && change.target.siteUrl !== undefined && change.action === 'update';
    // Same target as the declared control (`site …`), so plan and apply records meet in one report row.
    const target = perHost ? `site ${(change.target as { siteUrl: string }).siteUrl}` : describeTarget(change.target);
    const key = `${change.setting}\u0000${target}`;
    const group = groups.get(key) ?? { control: change.setting, target, path: change.path, hosts: 0, verified: 0, writeOnly: change.writeOnly === true, perHost };
    group.hosts++;
    if (a.verified === true) group.verified++;
    groups.set(key, group);
  }
  return [...groups.values()].map((g): ControlObservation => {
    const all = g.verified === g.hosts;
    const count = g.perHost ? `${g.hosts} host(s) ` : '';
    const how = g.writeOnly ? 'enforced; checked against the PATCH response (write-only: Webex offers no GET)' : 'written and read back';
    return { control: g.control, target: g.target, path: g.path, status: all ? 'compliant' : 'not-verified', note: all ? `${count}${how}` : `${count}written; the read-back did not confirm ${g.hosts - g.verified} of them` };
  });
}
