import type { Seed } from '../state/seed';
import { webexId } from '../state/webex-id';
import { FULL_ADMINISTRATOR_ROLE_ID } from '../state/well-known-roles';

/** Identifiers of the `clinic` seed, fixed so tests and demos can name them. */
export const CLINIC = {
  orgId: webexId('ORGANIZATION', '3f2b8c1e-5d4a-4e9b-a7c6-1b2d3e4f5a60'),
  orgName: 'Riverside Family Clinic',
  adminPersonId: webexId('PEOPLE', '9a1c5e7b-2d4f-4b8a-9c3e-6f7a8b9c0d1e'),
  adminEmail: 'admin@riverside-clinic.example',
  siteUrl: 'riverside-clinic.webex.com',
  meetingsLicenseId: webexId('LICENSE', '4d6e8f0a-1b3c-4d5e-8f9a-0b1c2d3e4f5a'),
} as const;

/**
 * A small clinic whose only Meetings site is not HIPAA-safe: attendees may join and talk before the
 * host, meetings are listed, sign-in is not required and meeting passwords are weak.
 */
export function clinicSeed(): Seed {
  return {
    organizations: [{ id: CLINIC.orgId, displayName: CLINIC.orgName, created: '2021-03-15T16:02:11+00:00' }],
    adminPersonId: CLINIC.adminPersonId,
    people: [
      {
        defaultSiteUrl: CLINIC.siteUrl,
        person: {
          id: CLINIC.adminPersonId,
          emails: [CLINIC.adminEmail],
          phoneNumbers: [{ type: 'work', value: '+1 555 010 2040', primary: true }],
          displayName: 'Morgan Ellis',
          firstName: 'Morgan',
          lastName: 'Ellis',
          orgId: CLINIC.orgId,
          roles: [FULL_ADMINISTRATOR_ROLE_ID],
          licenses: [CLINIC.meetingsLicenseId],
          department: 'IT',
          title: 'IT Administrator',
          created: '2021-03-15T16:05:42.000Z',
          lastModified: '2024-11-04T09:12:30.000Z',
          timezone: 'America/Chicago',
          lastActivity: '2025-01-06T14:31:07.118Z',
          siteUrls: [`${CLINIC.siteUrl}#host`],
          status: 'active',
          invitePending: 'false',
          loginEnabled: 'true',
          type: 'person',
        },
      },
    ],
    sites: [
      {
        siteUrl: CLINIC.siteUrl,
        orgId: CLINIC.orgId,
        commonSettings: {
          siteOptions: { allowCustomPersonalRoomURL: true },
          telephonyConfig: {
            allowCallIn: true,
            allowCallBack: true,
            allowOtherTeleconf: false,
            allowTollFreeCallin: true,
            allowInternationalCallin: false,
            allowInternationalCallback: false,
            VoIP: true,
          },
          defaultSchedulerOptions: {
            entryAndExitTone: 'Beep',
            joinTeleconfNotPress1: true,
            telephonySupport: 'WebexTeleconferencing',
            tollFree: true,
            VoIP: true,
          },
          scheduleMeetingOptions: { emailReminders: true },
          securityOptions: {
            joinBeforeHost: true,
            audioBeforeHost: true,
            firstAttendeeAsPresenter: true,
            unlistAllMeetings: false,
            requireLoginBeforeAccess: false,
            allowMobileScreenCapture: true,
            requireStrongPassword: false,
            passwordCriteria: {
              mixedCase: false,
              minLength: 4,
              minNumeric: 0,
              minAlpha: 0,
              minSpecial: 0,
              disallowDynamicWebText: false,
              disallowList: false,
              disallowValues: [],
            },
          },
        },
      },
    ],
  };
}
