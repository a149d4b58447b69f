import type { CommonSettings } from '../meeting-settings/common-settings';

/** Meeting types a session type can create (enum of `SiteSessionType.type`, webex-meeting.json). */
export type SessionTypeKind = 'meeting' | 'webinar' | 'privateMeeting' | 'EventCenter' | 'SupportCenter' | 'TrainCenter';

/** A session type a site offers (schema `SessionType`; `SiteSessionType` adds the siteUrl). */
export interface SessionType {
  id: string;
  shortName: string;
  name: string;
  type: SessionTypeKind;
}

/** A Webex Meetings site and the settings the simulator serves for it. */
export interface Site {
  siteUrl: string;
  orgId: string;
  commonSettings: CommonSettings;
  sessionTypes: SessionType[];
}
