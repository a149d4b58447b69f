import type { Route } from '../http/route';
import { isAcceptableHostPin } from '../state/host-settings';
import { type PersonRecord, primaryEmail, siteUrlsOf } from '../state/person';
import type { SimulatorState } from '../state/simulator-state';
import type { Site } from '../state/site';
import { stableHash } from '../state/stable-hash';
import { ADMIN_PREFERENCES_READ, PREFERENCES_READ } from './meeting-preferences-scopes';
import { personalRoom } from './personal-meeting-room';
import { hostOnSite } from './site-resolution';

/**
 * GET /v1/meetingPreferences ("Get Meeting Preference Details", `MeetingPreferenceObject`): a host's
 * personal room and scheduling options on `siteUrl` (or the caller's default site), as their own
 * endpoints answer them, with the host's audio and video options and sites. 404 unless they host there.
 */
export const getMeetingPreferenceDetails: Route = {
  method: 'GET',
  path: '/v1/meetingPreferences',
  scopes: PREFERENCES_READ,
  contentType: 'application/json;charset=UTF-8',
  handle({ state, caller, url }) {
    const { record, site } = hostOnSite(state, caller, url.searchParams, ADMIN_PREFERENCES_READ);
    const settings = state.hostSettings(record, site);
    return {
      status: 200,
      body: {
        personalMeetingRoom: personalRoom(record, site, settings.personalMeetingRoom),
        audio: audioOptions(record, site),
        video: { videoDevices: [] },
        schedulingOptions: structuredClone(settings.schedulingOptions),
        sites: sitesOf(state, record),
      },
    };
  },
};

/**
 * The audio options of a newly provisioned host (the simulator serves no audio writes): Webex audio,
 * no numbers of their own, and an audio PIN of 4 digits that is neither a run nor a repeat.
 */
function audioOptions(record: PersonRecord, site: Site) {
  const noNumber = { countryCode: '1', number: '', enabledCallInAuthentication: false, enabledCallMe: false };
  return {
    defaultAudioType: 'webexAudio' as const,
    otherTeleconferenceDescription: '',
    enabledGlobalCallIn: true,
    enabledTollFree: site.commonSettings.telephonyConfig.allowTollFreeCallin,
    enabledAutoConnection: false,
    audioPin: audioPin(`${primaryEmail(record.person)} ${site.siteUrl}`),
    officeNumber: noNumber,
    mobileNumber: { ...noNumber },
  };
}

/** Cisco: "exactly 4 digits … cannot contain sequential digits, such as 1234 or 4321, or repeat a digit 4 times". */
function audioPin(seed: string): string {
  let value = 1000 + (stableHash(seed) % 9000);
  while (!isAcceptableHostPin(String(value))) value = value === 9999 ? 1000 : value + 1;
  return String(value);
}

/** The host's sites, the default marked, as GET /v1/meetingPreferences/sites lists them. */
function sitesOf(state: SimulatorState, record: PersonRecord) {
  return siteUrlsOf(record.person)
    .map((siteUrl) => state.siteByUrl(siteUrl))
    .filter((site): site is Site => site !== undefined)
    .map((site) => ({ siteUrl: site.siteUrl, default: site.siteUrl === record.defaultSiteUrl }));
}
