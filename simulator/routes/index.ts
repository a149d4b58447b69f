import type { Route } from '../http/route';
import { getMeetingCommonSettings, updateMeetingCommonSettings } from './meeting-common-settings';
import { getSiteList } from './meeting-preferences-sites';
import { getOrganizationDetails, listOrganizations } from './organizations';
import { getMyOwnDetails } from './people';

/** Every operation the simulator serves. Scopes are listed in simulator/README.md. */
export const ALL_ROUTES: readonly Route[] = [
  getMyOwnDetails,
  listOrganizations,
  getOrganizationDetails,
  getSiteList,
  getMeetingCommonSettings,
  updateMeetingCommonSettings,
];
