import type { Route } from '../http/route';
import { listAdminRecordings } from './admin-recordings';
import { listAdminAuditEventCategories, listAdminAuditEvents, listSecurityAuditEvents } from './audit-events';
import { updateAuthenticationConfig, updatePasswordPolicy } from './identity-organization-settings';
import { createMessage, createRoom, listMessages } from './messages';
import { getMeetingCommonSettings, updateMeetingCommonSettings } from './meeting-common-settings';
import { getMeetingPreferenceDetails } from './meeting-preference-details';
import { getSiteList, updateDefaultSite } from './meeting-preferences-sites';
import { listMeetings, patchMeeting } from './meetings';
import { getOrganizationDetails, listOrganizations } from './organizations';
import { getMyOwnDetails, getPersonDetails, listPeople, updatePerson } from './people';
import { getPersonalMeetingRoom, updatePersonalMeetingRoom } from './personal-meeting-room';
import { getRoleDetails, listRoles } from './roles';
import { getSchedulingOptions, updateSchedulingOptions } from './scheduling-options';
import { searchScimUsers } from './scim-users';
import { listSiteSessionTypes, listUserSessionTypes, updateUserSessionTypes } from './session-types';

/** Every operation the simulator serves. Scopes are listed in simulator/README.md. */
export const ALL_ROUTES: readonly Route[] = [
  getMyOwnDetails,
  listPeople,
  getPersonDetails,
  updatePerson,
  listRoles,
  getRoleDetails,
  listOrganizations,
  getOrganizationDetails,
  getSiteList,
  updateDefaultSite,
  getMeetingPreferenceDetails,
  getPersonalMeetingRoom,
  updatePersonalMeetingRoom,
  getSchedulingOptions,
  updateSchedulingOptions,
  getMeetingCommonSettings,
  updateMeetingCommonSettings,
  listSiteSessionTypes,
  listUserSessionTypes,
  updateUserSessionTypes,
  listMeetings,
  patchMeeting,
  listAdminRecordings,
  updatePasswordPolicy,
  updateAuthenticationConfig,
  searchScimUsers,
  listAdminAuditEvents,
  listAdminAuditEventCategories,
  listSecurityAuditEvents,
  createRoom,
  createMessage,
  listMessages,
];
