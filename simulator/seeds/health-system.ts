import { defaultIdentitySettings } from '../state/identity-settings';
import type { OrganizationRecord } from '../state/organization';
import type { PersonRecord } from '../state/person';
import type { Seed } from '../state/seed';
import type { Site } from '../state/site';
import { counterUuid, webexId } from '../state/webex-id';
import { ROLE_IDS } from '../state/well-known-roles';
import { defaultCommonSettings, unsafeCommonSettings } from './default-common-settings';
import { hostSettings } from './host-defaults';
import { standardSessionTypes } from './standard-session-types';

/** How big a health system to build: orgs, Meetings sites per org, and users per org (besides each org's admin). */
export interface HealthSystemSize {
  orgs: number;
  sites: number;
  users: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const ORG_TAG = 0x4ea17500;
const PERSON_TAG = 0x4ea17501;
const LICENSE_TAG = 0x4ea17502;
const pad5 = (n: number) => String(n).padStart(5, '0');

/**
 * Names and ids of the `health-system` seed; org, site and user numbers start at 1, and user 0 of each
 * org is its admin.
 */
export const HEALTH_SYSTEM = {
  defaultSize: { orgs: 2, sites: 2, users: 50 } as const satisfies HealthSystemSize,
  orgName: (org: number) => `Health System Org ${org}`,
  orgId: (org: number) => webexId('ORGANIZATION', counterUuid(ORG_TAG, org, 0)),
  /** The org id the identity and SCIM APIs take. */
  identityOrgId: (org: number) => counterUuid(ORG_TAG, org, 0),
  siteUrl: (org: number, site: number) => `hs${org}-site${site}.webex.com`,
  userEmail: (org: number, user: number) => (user === 0 ? `admin@org${org}.example` : `user${pad5(user)}@org${org}.example`),
  personId: (org: number, user: number) => webexId('PEOPLE', counterUuid(PERSON_TAG, org, user)),
  /** The person every token acts as: org 1's admin, who also holds a host account on every site of every org. */
  adminPersonId: webexId('PEOPLE', counterUuid(PERSON_TAG, 1, 0)),
  adminEmail: 'admin@org1.example',
} as const;

/**
 * A health system of `size.orgs` orgs, each with `size.sites` Meetings sites and `size.users` users (plus
 * its admin), every one of them a host on every site of their org. Unsafe settings are mixed in by
 * number, so that tests can predict them: sites whose org + site number is even are left open (as the
 * clinic's); user 1 of each org is an unexpected Full Administrator and user 2 a User Administrator;
 * every 50th user has been idle for 120 days or more, every 97th has a pending invite and never signed
 * in, every 20th has MFA off; on each site, hosts with (user + site) % 5 == 0 have auto-lock off, those
 * with (user + site) % 7 == 0 let attendees join 10 minutes before them, and every 10th user also has
 * the webinar session type. Nobody has the end-to-end encrypted one.
 *
 * Host settings are computed on demand (see HostSettingsSource), so 20,000 users cost one person
 * record each.
 *
 * @param now epoch milliseconds that `lastActivity` times count back from
 */
export function healthSystemSeed(now: number, size: HealthSystemSize): Seed {
  const organizations: OrganizationRecord[] = [];
  const sites: Site[] = [];
  const people: PersonRecord[] = [];
  const userNumbers = new Map<string, number>();
  const siteNumbers = new Map<string, number>();
  for (let org = 1; org <= size.orgs; org += 1) {
    const orgId = HEALTH_SYSTEM.orgId(org);
    const licenseIds = [webexId('LICENSE', counterUuid(LICENSE_TAG, org, 1)), webexId('LICENSE', counterUuid(LICENSE_TAG, org, 2))];
    organizations.push({
      organization: { id: orgId, displayName: HEALTH_SYSTEM.orgName(org), created: '2020-06-01T12:00:00.000Z' },
      licenseIds,
      ...defaultIdentitySettings(),
    });
    const siteUrls: string[] = [];
    for (let site = 1; site <= size.sites; site += 1) {
      const siteUrl = HEALTH_SYSTEM.siteUrl(org, site);
      siteUrls.push(`${siteUrl}#host`);
      siteNumbers.set(siteUrl, site);
      sites.push({
        siteUrl,
        orgId,
        commonSettings: (org + site) % 2 === 0 ? unsafeCommonSettings() : defaultCommonSettings(),
        sessionTypes: standardSessionTypes(),
      });
    }
    for (let user = 0; user <= size.users; user += 1) {
      const record = healthSystemPerson(org, user, orgId, licenseIds, siteUrls, now);
      userNumbers.set(record.person.id, user);
      people.push(record);
    }
  }
  const everySite = sites.map(({ siteUrl }) => `${siteUrl}#host`);
  people[0].person.siteUrls = everySite;
  return {
    organizations,
    sites,
    people,
    adminPersonId: HEALTH_SYSTEM.adminPersonId,
    hostSettings: (record, site) => {
      const user = userNumbers.get(record.person.id) ?? 0;
      const siteNumber = siteNumbers.get(site.siteUrl) ?? 0;
      return hostSettings(record, user * 31 + siteNumber, {
        autoLockOff: (user + siteNumber) % 5 === 0,
        ...((user + siteNumber) % 7 === 0 ? { joinBeforeHostMinutes: 10 as const } : {}),
        webinar: user > 0 && user % 10 === 0,
        assistantByDefault: (user + siteNumber) % 11 === 0,
        autoShareRecording: (user + siteNumber) % 13 === 0,
      });
    },
  };
}

function healthSystemPerson(
  org: number,
  user: number,
  orgId: string,
  licenseIds: string[],
  siteUrls: string[],
  now: number,
): PersonRecord {
  const pending = user > 0 && user % 97 === 0;
  const idle = user > 0 && user % 50 === 0;
  const lastActivity = idle ? now - (120 + (user % 7) * 30) * DAY_MS : now - ((user * 37) % 240) * HOUR_MS - (user % 60) * 60_000;
  const roles = user <= 1 ? [ROLE_IDS.fullAdministrator] : user === 2 ? [ROLE_IDS.userAdministrator] : [];
  const lastName = user === 0 ? 'Admin' : pad5(user);
  return {
    defaultSiteUrl: HEALTH_SYSTEM.siteUrl(org, 1),
    mfaEnabled: user % 20 !== 0 || user === 0,
    person: {
      id: HEALTH_SYSTEM.personId(org, user),
      emails: [HEALTH_SYSTEM.userEmail(org, user)],
      displayName: `${user === 0 ? 'Org' : 'User'} ${lastName}`,
      firstName: user === 0 ? 'Org' : 'User',
      lastName,
      orgId,
      roles,
      licenses: licenseIds,
      created: '2020-06-01T12:30:00.000Z',
      lastModified: '2024-01-15T08:00:00.000Z',
      ...(pending ? {} : { lastActivity: new Date(lastActivity).toISOString() }),
      siteUrls,
      status: pending ? 'pending' : idle ? 'inactive' : 'active',
      invitePending: pending ? 'true' : 'false',
      loginEnabled: 'true',
      type: 'person',
    },
  };
}
