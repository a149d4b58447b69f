import { WRITE_ONLY_CONTROL_KEYS } from '../../manifest/catalogue';
import type { AdminAuditEvent } from '../client/schemas/audit-events';
import { bareEnum } from './audit-event-fields';

/**
 * Which admin audit events count as a change of a write-only setting (the org password policy, org MFA):
 * THE one table. ASSUMPTION, to check against a real org: Cisco documents neither the category nor the
 * description Control Hub records for these changes (webex-admin.json shows only `EventCategory.LOGINS`,
 * "An Admin logged in"). The entries follow the spec's enum naming and the wording of the simulator, which
 * records the identity PATCHes as `ORG` "Password policy updated" / "Authentication settings updated".
 * Matching is deliberately wide (any description that names the setting): a false "drifted" only costs a
 * re-enforce of the declared values, a missed one leaves a weakened org unseen. When a real org shows other
 * wording, add a row (and its test in test/provisioning/audit/write-only-audit-events.test.ts).
 * Every row also needs the event's target to be the org itself (see changesWriteOnly).
 */
export const WRITE_ONLY_AUDIT_EVENTS: readonly WriteOnlyAuditEventRule[] = [
  { category: 'ORG', description: /password\s*polic/i, settings: ['passwordPolicy'] },
  { category: 'ORG', description: /authentication\s*(settings|config)/i, settings: ['mfa'] },
  { category: 'ORG', description: /multi[-\s]?factor|\bmfa\b|2fa|two[-\s]?factor/i, settings: ['mfa'] },
  // "Security settings" may cover any of them: every write-only control of the catalogue.
  { category: 'ORG', description: /security\s*settings/i, settings: WRITE_ONLY_CONTROL_KEYS },
  { category: 'COMPLIANCE', description: /password\s*polic/i, settings: ['passwordPolicy'] },
  { category: 'COMPLIANCE', description: /multi[-\s]?factor|\bmfa\b|two[-\s]?factor/i, settings: ['mfa'] },
];

export interface WriteOnlyAuditEventRule {
  /** `data.eventCategory`, bare (without an `EventCategory.` prefix), upper-case. */
  readonly category: string;
  /** Matched against `data.eventDescription` and `data.actionText`. */
  readonly description: RegExp;
  /** The write-only settings (manifest keys) such an event may have changed. */
  readonly settings: readonly string[];
}

/** Whether `event` may have changed write-only `setting` of org `orgId`, by the table above. */
export function changesWriteOnly(event: AdminAuditEvent, orgId: string, setting: string): boolean {
  const data = event.data ?? {};
  if (!targetsOrg(event, orgId)) return false;
  const category = bareEnum(data.eventCategory);
  const text = `${data.eventDescription ?? ''}\n${data.actionText ?? ''}`;
  return WRITE_ONLY_AUDIT_EVENTS.some((rule) => rule.category === category && rule.settings.includes(setting) && rule.description.test(text));
}

/** The org itself is the event's target (its id, or its org id with an ORG target type or none). */
function targetsOrg(event: AdminAuditEvent, orgId: string): boolean {
  const data = event.data ?? {};
  if (data.targetId === orgId) return true;
  const type = bareEnum(data.targetType);
  return data.targetOrgId === orgId && (type === 'ORG' || type === 'ORGANIZATION' || type === '');
}
