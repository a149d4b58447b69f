import { webexId } from './webex-id';

/** A role as `GET /v1/roles` returns it (schema `Role`, webex-admin.json). */
export interface Role {
  id: string;
  name: string;
}

/** The Full Administrator role id, as Cisco's spec gives it in its `/roles` and `/people` examples. */
export const FULL_ADMINISTRATOR_ROLE_ID = 'Y2lzY29zcGFyazovL3VzL1JPTEUvOTZhYmMyYWEtM2RjYy0xMWU1LWExNTItZmUzNDgxOWNkYzlh';

/**
 * The admin roles every simulated org offers. The Full Administrator id is the spec's; the others are
 * `ciscospark://us/ROLE/<Identity role name>`, as Webex issues them.
 */
export const ROLE_IDS = {
  fullAdministrator: FULL_ADMINISTRATOR_ROLE_ID,
  userAdministrator: webexId('ROLE', 'id_user_admin'),
  readOnlyAdministrator: webexId('ROLE', 'id_readonly_admin'),
  deviceAdministrator: webexId('ROLE', 'id_device_admin'),
  complianceOfficer: webexId('ROLE', 'atlas-portal.compliance_officer'),
} as const;

export const ROLES: readonly Role[] = [
  { id: ROLE_IDS.fullAdministrator, name: 'Full Administrator' },
  { id: ROLE_IDS.userAdministrator, name: 'User Administrator' },
  { id: ROLE_IDS.readOnlyAdministrator, name: 'Read-only Administrator' },
  { id: ROLE_IDS.deviceAdministrator, name: 'Device Administrator' },
  { id: ROLE_IDS.complianceOfficer, name: 'Compliance Officer' },
];
