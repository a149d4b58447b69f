import type { Rule } from '../../rule';
import { ScheduledMeetingsLobby } from './ScheduledMeetingsLobby';
import { SiteAudioBeforeHostOff } from './SiteAudioBeforeHostOff';
import { SiteFirstAttendeeNotPresenter } from './SiteFirstAttendeeNotPresenter';
import { SiteJoinBeforeHostOff } from './SiteJoinBeforeHostOff';
import { SiteLobbyPolicyAttested } from './SiteLobbyPolicyAttested';
import { SiteMeetingPasswordDenyList } from './SiteMeetingPasswordDenyList';
import { SiteMeetingsUnlisted } from './SiteMeetingsUnlisted';
import { SiteMobileScreenCaptureOff } from './SiteMobileScreenCaptureOff';
import { SiteSignInRequired } from './SiteSignInRequired';
import { SiteStrongMeetingPasswords } from './SiteStrongMeetingPasswords';

export const MEET_RULES: readonly Rule[] = [
  SiteJoinBeforeHostOff,
  SiteAudioBeforeHostOff,
  SiteMeetingsUnlisted,
  SiteSignInRequired,
  SiteStrongMeetingPasswords,
  SiteMeetingPasswordDenyList,
  SiteFirstAttendeeNotPresenter,
  SiteMobileScreenCaptureOff,
  SiteLobbyPolicyAttested,
  ScheduledMeetingsLobby,
];
