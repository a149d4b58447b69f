/** A person as the People API returns it to an admin (schema `Person`, webex-admin.json). */
export interface Person {
  id: string;
  emails: string[];
  phoneNumbers?: { type: 'work' | 'work_extension' | 'mobile' | 'fax'; value: string; primary: boolean }[];
  displayName: string;
  nickName?: string;
  firstName: string;
  lastName: string;
  orgId: string;
  roles: string[];
  licenses: string[];
  department?: string;
  title?: string;
  created: string;
  lastModified: string;
  timezone?: string;
  lastActivity?: string;
  /** `<siteUrl>#<role>`, e.g. `example.webex.com#host`. */
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
}
