/** A phone number as the People API returns it. */
export interface PhoneNumber {
  type: 'work' | 'work_extension' | 'mobile' | 'fax';
  value: string;
  primary: boolean;
}

export interface PostalAddress {
  type?: string;
  country?: string;
  locality?: string;
  region?: string;
  streetAddress?: string;
  postalCode?: string;
}

/** A person as the People API returns it to an admin (schema `Person`, webex-admin.json). */
export interface Person {
  id: string;
  emails: string[];
  phoneNumbers?: PhoneNumber[];
  extension?: string;
  locationId?: string;
  displayName: string;
  nickName?: string;
  firstName?: string;
  lastName?: string;
  avatar?: string;
  orgId: string;
  roles: string[];
  licenses: string[];
  department?: string;
  manager?: string;
  managerId?: string;
  title?: string;
  addresses?: PostalAddress[];
  created: string;
  lastModified: string;
  timezone?: string;
  lastActivity?: string;
  /** `<siteUrl>#<role>`, e.g. `example.webex.com#host` or `example.webex.com#attendee`. */
  siteUrls: string[];
  status: 'active' | 'call' | 'DoNotDisturb' | 'inactive' | 'meeting' | 'OutOfOffice' | 'pending' | 'presenting' | 'unknown';
  /** A string, not a boolean, in Cisco's spec. */
  invitePending: 'true' | 'false';
  /** A string, not a boolean, in Cisco's spec. */
  loginEnabled: 'true' | 'false';
  type: 'person' | 'bot' | 'appuser';
}

/** What the simulator knows about a person: the API view plus state no single endpoint returns. */
export interface PersonRecord {
  person: Person;
  /** The Meetings site this person's requests act on when they name none. */
  defaultSiteUrl: string;
  /** `mfaEnabled` of the SCIM Cisco extension (`urn:scim:schemas:extension:cisco:webexidentity:2.0:User`). */
  mfaEnabled: boolean;
}

export type SiteRole = 'host' | 'attendee';

/** The person's role on a site, from their `siteUrls`; undefined when they have none there. */
export function siteRole(person: Person, siteUrl: string): SiteRole | undefined {
  const wanted = siteUrl.toLowerCase();
  for (const entry of person.siteUrls) {
    const [site, role] = entry.split('#');
    if (site.toLowerCase() === wanted) {
      return role === 'attendee' ? 'attendee' : 'host';
    }
  }
  return undefined;
}

/** The site URLs (host names, as listed) of every site the person has a role on. */
export function siteUrlsOf(person: Person): string[] {
  return person.siteUrls.map((entry) => entry.split('#')[0]);
}

export function primaryEmail(person: Person): string {
  return person.emails[0] ?? '';
}
