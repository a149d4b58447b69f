import { Manifest } from '../../manifest';

/** A hand-written manifest for the simulator's clinic seed, hardened as HipaaBaseline would declare it. */
export function clinicManifest(): Manifest {
  return {
    formatVersion: 1,
    stack: 'clinic',
    orgs: [
      {
        path: 'clinic/RiversideClinic',
        name: 'Riverside Family Clinic',
        settings: {},
        sites: [
          {
            path: 'clinic/RiversideClinic/MainSite',
            siteUrl: 'riverside-clinic.webex.com',
            settings: {
              meetingSecurity: {
                path: 'clinic/RiversideClinic/MainSite/MeetingSecurity',
                joinBeforeHost: false,
                audioBeforeHost: false,
                firstAttendeeAsPresenter: false,
                unlistAllMeetings: true,
                requireLoginBeforeAccess: true,
                allowMobileScreenCapture: false,
                requireStrongPassword: true,
                passwordCriteria: {
                  mixedCase: true,
                  minLength: 12,
                  minNumeric: 1,
                  minAlpha: 1,
                  minSpecial: 1,
                  disallowDynamicWebText: true,
                  disallowList: true,
                  disallowValues: ['password', 'webex'],
                },
              },
            },
          },
        ],
      },
    ],
  };
}
