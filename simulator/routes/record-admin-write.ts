import type { RouteRequest } from '../http/route';
import { FULL_ADMINISTRATOR_ROLE_ID } from '../state/well-known-roles';

export interface AdminWrite {
  eventCategory: string;
  eventDescription: string;
  actionText: string;
  target: { id: string; name: string; type: string; orgId: string };
}

/** Adds a successful write to the admin audit trail, as Control Hub records admin changes. */
export function recordAdminWrite({ state, caller, trackingId }: RouteRequest, write: AdminWrite): void {
  const actor = caller.record.person;
  state.adminAudit.record({
    actor,
    actorOrg: state.organization(actor.orgId)!,
    adminRoles: actor.roles.includes(FULL_ADMINISTRATOR_ROLE_ID) ? ['Full_Admin'] : ['User'],
    eventCategory: write.eventCategory,
    eventDescription: write.eventDescription,
    actionText: write.actionText,
    target: { id: write.target.id, name: write.target.name, type: write.target.type, org: state.organization(write.target.orgId)! },
    trackingId,
  });
}
