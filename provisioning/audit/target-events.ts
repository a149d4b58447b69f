import type { AdminAuditEvent } from '../client/schemas/audit-events';
import type { Target } from '../plan';
import { bareEnum } from './audit-event-fields';
import { changesWriteOnly } from './write-only-audit-events';

/**
 * Whether an admin audit event is about a plan target. ASSUMPTION, to check against a real org: Cisco's
 * spec documents `targetId`, `targetName` and `targetType` without listing their values. Read here as the
 * simulator records them: a site's event names the site URL (`targetType` SITE), a person's event the
 * person's id and email (`targetType` USER); org settings follow WRITE_ONLY_AUDIT_EVENTS.
 */
export function isAboutTarget(event: AdminAuditEvent, target: Target, setting: string): boolean {
  const data = event.data ?? {};
  const ids = [data.targetId, data.targetName].filter((v): v is string => typeof v === 'string' && v !== '').map((v) => v.toLowerCase());
  switch (target.kind) {
    case 'site':
      return bareEnum(data.targetType) !== 'USER' && ids.includes(target.siteUrl.toLowerCase());
    case 'person':
      return (target.personId !== undefined && data.targetId === target.personId) || ids.includes(target.email.toLowerCase());
    default:
      return changesWriteOnly(event, target.orgId, setting);
  }
}
