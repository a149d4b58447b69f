import { accountsNotRead, adminsNotRead, auditLogNotRead, noFullAdministratorLeft, notObserved, orgSettingEntry } from './plan-errors';
import { AdminAccess, InactiveAccounts, Mfa, Org } from '../manifest';
import { untrusted, Untrusted } from '../manifest/text';
import { ObservedOrg } from './observe';
import { FULL_ADMINISTRATOR } from './observe-org-settings';
import { attestationStatuses } from './plan-attestations';
import { DraftChange, PlanParts } from './plan-parts';
import { FieldValues, personTarget } from './plan';
import { changeImpact, fieldImpact, Impact } from './security-impact';
import { WRITE_ONLY_HANDLERS, writeOnlyHandler } from './settings/registry';
import { enforcementHash } from './state/enforcement-state';
import type { AuditExplanation } from './audit/attribution';

const DAY_MS = 86_400_000;

/**
 * Pure: the org-level controls of one org. Write-only settings plan an `enforce` when the declared values
 * differ from what webex-iac last enforced (or with `reenforce`); admin access and inactive accounts plan
 * `revoke` / `deactivate` only when opted in, and findings otherwise; attestations get their state.
 */
export function planOrgSettings(org: Org, live: ObservedOrg, options: { readonly now: Date; readonly reenforce: boolean }, parts: PlanParts): void {
  const declared = org.settings;
  for (const setting of Object.keys(WRITE_ONLY_HANDLERS)) {
    const entry = declared[setting as keyof typeof declared];
    if (entry !== undefined) planWriteOnly(org, live, setting, entry as { path: string }, options.reenforce, parts);
  }
  if (declared.mfa !== undefined) reportUsersWithoutMfa(org, live, declared.mfa, parts);
  if (declared.adminAccess !== undefined) planAdminAccess(org, live, declared.adminAccess, parts);
  if (declared.inactiveAccounts !== undefined) planInactiveAccounts(org, live, declared.inactiveAccounts, options.now, parts);
  if (declared.attestations !== undefined) parts.attestations.push(...attestationStatuses(org.name, declared.attestations, options.now.toISOString().slice(0, 10)));
}

function planWriteOnly(org: Org, live: ObservedOrg, setting: string, declared: { path: string }, reenforce: boolean, parts: PlanParts): void {
  // The audit log could not be read: unknown (listed in plan.unknown), neither enforced nor unchanged.
  if ((live.unknown ?? []).some((u) => u.target.kind === 'org' && u.setting === setting)) return;
  const enforced = live.org?.enforced;
  if (enforced === undefined || !(setting in enforced)) throw notObserved(orgSettingEntry(org, setting, declared), 'its write-only record was not read');
  const record = enforced[setting] ?? null;
  const after = writeOnlyHandler(setting).desired(declared);
  const same = record !== null && record.sha256 === enforcementHash(after);
  const audit = record === null ? undefined : live.org?.writeOnlyAudit?.[setting];
  if (record !== null && audit === undefined) throw auditLogNotRead(orgSettingEntry(org, setting, declared));
  if (same && !reenforce && audit?.state === 'unchanged') {
    parts.unchangedSettings++;
    return;
  }
  const why =
    record === null
      ? 'never enforced by webex-iac for this org (no record in the state folder): enforcing it once records it'
      : !same
        ? `the declared values differ from those webex-iac last enforced on ${record.enforcedAt}`
        : audit?.state === 'changed'
          ? untrusted(`drifted: ${describeWriteOnlyChange(setting, audit.event)} after webex-iac enforced it on ${record.enforcedAt}`)
          : audit?.state === 'not-covered'
            ? `webex-iac last enforced it on ${record.enforcedAt}, longer ago than the admin audit log reaches (${audit.reachDays} days): no audit event can show it unchanged, so it is enforced again`
            : `--reenforce: enforced again although webex-iac last enforced these values on ${record.enforcedAt}`;
  const fieldImpacts: Record<string, Impact> = {};
  for (const [field, value] of Object.entries(after)) fieldImpacts[field] = writeOnlyImpact(setting, field, value);
  parts.changes.push({
    org: org.name,
    target: { kind: 'org', orgId: live.orgId },
    setting,
    action: 'enforce',
    path: declared.path,
    before: {},
    after,
    unchangedFields: 0,
    notes: [why, 'Webex has no API to read this setting: its live value is unknown, and the write is checked against the PATCH response only'],
    writeOnly: true,
    fieldImpacts,
    impact: changeImpact(Object.values(fieldImpacts)),
  });
}

/** "changed in Control Hub by it.lead@… at …" for the note of a drifted write-only setting (escaped by the renderers). */
function describeWriteOnlyChange(setting: string, event: AuditExplanation): Untrusted {
  const who = event.actorEmail === '' ? event.actorName : event.actorEmail;
  return untrusted(`${setting} changed in Control Hub by ${who || '(unnamed admin)'} at ${event.at} (trackingId ${event.trackingId || '(none)'}: ${event.category} "${event.description}")`);
}

/**
 * A write-only field's live value is unknown, so its impact is judged by what is written: a boolean
 * written to its unsafe value weakens, to its safe value strengthens; numbers and lists are neutral.
 */
function writeOnlyImpact(setting: string, field: string, after: FieldValues[string]): Impact {
  return typeof after === 'boolean' ? fieldImpact(setting, field, !after, after) : 'neutral';
}

function reportUsersWithoutMfa(org: Org, live: ObservedOrg, declared: Mfa, parts: PlanParts): void {
  if (!declared.reportUsersWithoutMfa) return;
  for (const email of live.org?.mfaUsers?.withoutMfa ?? []) {
    parts.findings.push({ org: org.name, kind: 'mfa-off', target: personTarget(email), setting: 'mfa', detail: untrusted('MFA is off in the user\'s SCIM record'), path: declared.path });
  }
}

function planAdminAccess(org: Org, live: ObservedOrg, declared: AdminAccess, parts: PlanParts): void {
  const admins = live.org?.admins;
  if (admins === undefined) throw adminsNotRead(orgSettingEntry(org, 'adminAccess', declared));
  const allowed = new Set(declared.allowedAdmins);
  const actor = live.actor?.email;
  const revoked = new Set<string>();
  const changesBefore = parts.changes.length;
  for (const admin of admins) {
    if (allowed.has(admin.email)) continue;
    const holds = admin.roles.join(', ');
    if (admin.email === actor) {
      parts.findings.push(adminFinding(org, declared, admin, `holds ${holds} but is not in allowedAdmins; it is the token's own user, which webex-iac never revokes: revoke it in Control Hub`));
    } else if (declared.revokeUnexpected) {
      revoked.add(admin.email);
      parts.changes.push(personChange(org, live.orgId, declared.path, 'adminAccess', 'revoke', admin, { roles: admin.roles }, { roles: [] }, [
        `not in allowedAdmins; revokeUnexpected is set`,
        ...fullBodyNote(admin.unsendablePhoneTypes),
      ]));
    } else {
      parts.findings.push(adminFinding(org, declared, admin, `holds ${holds} but is not in allowedAdmins (set revokeUnexpected: true to revoke)`));
    }
  }
  const fullAdmins = admins.filter((a) => a.roles.includes(FULL_ADMINISTRATOR));
  const remaining = fullAdmins.filter((a) => !revoked.has(a.email));
  if (fullAdmins.length > 0 && remaining.length === 0) {
    throw noFullAdministratorLeft(orgSettingEntry(org, 'adminAccess', declared), FULL_ADMINISTRATOR);
  }
  const max = declared.maxFullAdmins;
  if (max !== undefined && remaining.length > max) {
    parts.findings.push({
      org: org.name,
      kind: 'too-many-full-admins',
      target: { kind: 'org', orgId: live.orgId },
      setting: 'adminAccess',
      detail: untrusted(`${remaining.length} people hold ${FULL_ADMINISTRATOR}${revoked.size > 0 ? ' after the planned revocations' : ''}, at most ${max} allowed: ${remaining.map((a) => a.email).join(', ')}`),
      path: declared.path,
    });
  }
  if (parts.changes.length === changesBefore) parts.unchangedSettings++;
}

function planInactiveAccounts(org: Org, live: ObservedOrg, declared: InactiveAccounts, now: Date, parts: PlanParts): void {
  const accounts = live.inactive;
  if (accounts === undefined) throw accountsNotRead(orgSettingEntry(org, 'inactiveAccounts', declared));
  const changesBefore = parts.changes.length;
  const finding = (email: string, kind: 'inactive-account' | 'activity-unknown', detail: string) =>
    parts.findings.push({ org: org.name, kind, target: personTarget(email), setting: 'inactiveAccounts', detail: untrusted(detail), path: declared.path });
  for (const account of accounts) {
    if (account.lastActivity === null) {
      finding(account.email, 'activity-unknown', 'Webex reports no last activity (never signed in, invite pending, or status sharing off): cannot tell whether it is inactive, so it is never deactivated');
      continue;
    }
    const days = Math.floor((now.getTime() - Date.parse(account.lastActivity)) / DAY_MS);
    if (days < declared.inactiveDays) continue;
    const idle = `no activity for ${days} days (last ${account.lastActivity.slice(0, 10)}), inactive after ${declared.inactiveDays}`;
    if (account.email === live.actor?.email) {
      finding(account.email, 'inactive-account', `${idle}; it is the token's own user, which webex-iac never deactivates`);
    } else if (declared.deactivate) {
      parts.changes.push({
        ...personChange(org, live.orgId, declared.path, 'inactiveAccounts', 'deactivate', account, { loginEnabled: true }, { loginEnabled: false }, [idle, ...fullBodyNote(account.unsendablePhoneTypes)]),
        plannedFrom: { lastActivity: account.lastActivity },
      });
    } else {
      finding(account.email, 'inactive-account', `${idle} (set deactivate: true to turn its login off)`);
    }
  }
  if (parts.changes.length === changesBefore) parts.unchangedSettings++;
}

function adminFinding(org: Org, declared: AdminAccess, admin: { email: string; personId: string }, detail: string) {
  return { org: org.name, kind: 'unexpected-admin' as const, target: personTarget(admin.email, { personId: admin.personId }), setting: 'adminAccess', detail: untrusted(detail), path: declared.path };
}

function personChange(
  org: Org,
  orgId: string,
  path: string,
  setting: string,
  action: 'revoke' | 'deactivate',
  person: { email: string; personId: string },
  before: FieldValues,
  after: FieldValues,
  notes: string[],
): DraftChange {
  // Taking access away always strengthens the org's posture.
  const fieldImpacts: Record<string, Impact> = Object.fromEntries(Object.keys(after).map((f) => [f, 'strengthens' as const]));
  return { org: org.name, target: personTarget(person.email, { personId: person.personId, orgId }), setting, action, path, before, after, unchangedFields: 0, notes, fieldImpacts, impact: 'strengthens' };
}

/** PUT /v1/people takes only work phone numbers: say so when the person has others, which Webex may drop. */
function fullBodyNote(unsendable: readonly string[]): string[] {
  return unsendable.length === 0 ? [] : [`the full-body PUT /v1/people accepts only work phone numbers: this person's ${unsendable.join(', ')} number(s) cannot be sent back and may be cleared by Webex`];
}
