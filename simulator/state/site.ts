import type { CommonSettings } from '../meeting-settings/common-settings';

/** A Webex Meetings site and the settings the simulator serves for it. */
export interface Site {
  siteUrl: string;
  orgId: string;
  commonSettings: CommonSettings;
}
