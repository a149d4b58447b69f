import type { AdminAuditEvent } from './admin-audit-log';
import type { HostSettings } from './host-settings';
import type { OrganizationRecord } from './organization';
import type { PersonRecord } from './person';
import type { ScheduledMeeting } from './scheduled-meeting';
import type { Site } from './site';

/** Everything a simulator holds, as plain data: what a test compares before and after a run. */
export interface SimulatorSnapshot {
  /** By org id, with the write-only password policy and authentication config. */
  organizations: Record<string, OrganizationRecord>;
  /** By person id: the People API view, the default site and the SCIM MFA flag. */
  people: Record<string, PersonRecord>;
  /** By site URL (lower case): common settings and session types. */
  sites: Record<string, Site>;
  /** By site URL (lower case), then person id: every host's settings on that site. */
  hosts: Record<string, Record<string, HostSettings>>;
  /** By meeting id: every scheduled meeting, its password included. */
  meetings: Record<string, ScheduledMeeting>;
  /** The admin audit trail, oldest first. */
  adminAudit: AdminAuditEvent[];
}
