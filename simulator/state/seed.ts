import type { HostSettingsSource } from './host-settings';
import type { OrganizationRecord } from './organization';
import type { PersonRecord } from './person';
import type { Recording } from './recording';
import type { ScheduledMeeting } from './scheduled-meeting';
import type { Site } from './site';

/** Everything a simulator starts with. Apart from `hostSettings`, seeds are plain data; the state copies them. */
export interface Seed {
  organizations: OrganizationRecord[];
  people: PersonRecord[];
  sites: Site[];
  /** The person every accepted token acts as. */
  adminPersonId: string;
  hostSettings: HostSettingsSource;
  /** Scheduled meetings of the hosts (List Meetings, PATCH a meeting). @default none */
  meetings?: ScheduledMeeting[];
  /** Recordings of every site, in any status (List Recordings For an Admin). @default none */
  recordings?: Recording[];
}
