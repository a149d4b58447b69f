import { untrusted } from '../../manifest/text';
import { WebexApiError } from '../client/errors';
import type { AdminAuditEvent } from '../client/schemas/audit-events';
import type { WebexClient } from '../client/webex-client';
import { splitWindows } from '../evidence/audit-windows';
import type { ObservedOrg } from '../observe';
import { Change, describeTarget, Plan, UnknownTarget } from '../plan';
import { unreadableReason } from '../unknown-targets';
import { adminAuditPages, CLOCK_SKEW_MS } from './admin-audit-pages';
import { eventTime, explanationOf, mostRecent } from './audit-event-fields';
import type { Attribution } from './attribution';
import { isAboutTarget } from './target-events';
import { ADMIN_AUDIT_REACH_DAYS } from './write-only-audit';

const DAY_MS = 86_400_000;
/** Without an evidence record of when a target was last applied or verified: look this far back. */
export const ATTRIBUTION_LOOKBACK_DAYS = 30;

export interface AttributionOptions {
  /** The time the audit log is read up to. @default now */
  readonly now?: Date;
  /** When webex-iac last applied or verified `setting` on `target` in `org` (the evidence log), ISO 8601. */
  readonly lastSettled?: (org: string, key: { control: string; target: string }) => string | undefined;
  /** The token's person id: its own writes are told apart from an admin's. */
  readonly tokenPersonId?: string;
}

/**
 * Adds to each change of `plan` who made the drift, from the admin audit log: the most recent admin event on
 * the change's target since webex-iac last applied or verified it. One read of the log per org with changes.
 * A log that cannot be read (off-spec answer, or a refusal such as a missing `audit:events_read` scope)
 * makes the attributions `unknown` and lists the org's audit log in `plan.unknown`, so the command fails:
 * a drift is never shown as unexplained when the explanation could not be looked for.
 * Returns a new plan; `plan` itself (what apply re-derives and saves) is left as it was.
 */
export async function attributeChanges(client: WebexClient, plan: Plan, observed: readonly ObservedOrg[], options: AttributionOptions = {}): Promise<Plan> {
  if (plan.changes.length === 0) return plan;
  const now = options.now ?? new Date();
  const reach = now.getTime() - ADMIN_AUDIT_REACH_DAYS * DAY_MS;
  const attributions = new Map<Change, Attribution>();
  const unknown: UnknownTarget[] = [];
  for (const org of plan.orgs) {
    const changes = plan.changes.filter((c) => c.org === org);
    const live = observed.find((o) => o.name === org);
    if (changes.length === 0 || live === undefined) continue;
    const sinceOf = new Map(changes.map((change) => [change, sinceFor(change, live, options, now, reach)]));
    const from = Math.min(...sinceOf.values());
    let events: AdminAuditEvent[];
    try {
      events = await readEvents(client, live.orgId, new Date(from), new Date(now.getTime() + CLOCK_SKEW_MS));
    } catch (error) {
      const reason = unreadableReason(error) ?? (error instanceof WebexApiError ? error.message : undefined);
      if (reason === undefined) throw error;
      unknown.push({ org, target: { kind: 'org', orgId: live.orgId }, setting: 'adminAudit', reason: untrusted(`the admin audit log, which tells who made each drift, could not be read: ${reason}`) });
      for (const change of changes) attributions.set(change, { status: 'unknown', since: iso(sinceOf.get(change)!), reason });
      continue;
    }
    for (const change of changes) {
      const since = sinceOf.get(change)!;
      const latest = mostRecent(events.filter((event) => eventTime(event) > since && isAboutTarget(event, change.target, change.setting)));
      attributions.set(
        change,
        latest === undefined
          ? { status: 'no-audit-event', since: iso(since) }
          : { status: 'audit-event', since: iso(since), event: explanationOf(latest), byToken: options.tokenPersonId !== undefined && latest.actorId === options.tokenPersonId },
      );
    }
  }
  const all = [...plan.unknown, ...unknown];
  return {
    ...plan,
    changes: plan.changes.map((change) => {
      const attribution = attributions.get(change);
      return attribution === undefined ? change : { ...change, attribution };
    }),
    unknown: all,
    summary: { ...plan.summary, unknown: all.length },
  };
}

/**
 * Where to start looking: when webex-iac last applied or verified the target (a write-only setting: when
 * it last enforced it), else ATTRIBUTION_LOOKBACK_DAYS ago; never before the audit log's reach.
 */
function sinceFor(change: Change, live: ObservedOrg, options: AttributionOptions, now: Date, reach: number): number {
  const enforced = change.writeOnly ? live.org?.enforced?.[change.setting]?.enforcedAt : undefined;
  const settled = enforced ?? options.lastSettled?.(change.org, { control: change.setting, target: describeTarget(change.target) });
  const time = settled === undefined ? NaN : Date.parse(settled);
  const since = Number.isNaN(time) ? now.getTime() - ATTRIBUTION_LOOKBACK_DAYS * DAY_MS : time;
  return Math.max(Math.min(since, now.getTime() - 1), reach);
}

async function readEvents(client: WebexClient, orgId: string, from: Date, to: Date): Promise<AdminAuditEvent[]> {
  const events: AdminAuditEvent[] = [];
  for (const window of splitWindows(from, to)) {
    for await (const page of adminAuditPages(client, orgId, window)) events.push(...page);
  }
  return events;
}

function iso(time: number): string {
  return new Date(time).toISOString();
}

/** The plan as apply re-derives and a saved plan holds it: without attributions. */
export function withoutAttribution(plan: Plan): Plan & { readonly changes: (Change & { readonly attribution?: undefined })[] } {
  return { ...plan, changes: plan.changes.map(({ attribution: _attribution, ...change }) => change) };
}
