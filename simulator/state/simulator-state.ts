import type { CommonSettings } from '../meeting-settings/common-settings';
import { AdminAuditLog } from './admin-audit-log';
import type { HostSettings, HostSettingsSource, PersonalRoomSettings, SchedulingOptions } from './host-settings';
import type { AuthenticationConfig, PasswordPolicy } from './identity-settings';
import type { Organization, OrganizationRecord } from './organization';
import { type PersonRecord, siteRole } from './person';
import type { Recording } from './recording';
import type { ScheduledMeeting } from './scheduled-meeting';
import type { Seed } from './seed';
import { SecurityAuditLog } from './security-audit-log';
import { Messaging } from './messaging';
import type { SimulatorSnapshot } from './simulator-snapshot';
import type { Site } from './site';
import { uuidOf } from './webex-id';

/**
 * The simulator's in-memory Webex: organizations, people, Meetings sites, per-host settings and the
 * audit trails. Routes read and write it only through these methods, so indexes can grow with the data.
 */
export class SimulatorState {
  readonly adminAudit: AdminAuditLog;
  readonly securityAudit: SecurityAuditLog;
  /** Spaces and messages (`/v1/rooms`, `/v1/messages`), for notifications. */
  readonly messaging: Messaging;
  private readonly organizations = new Map<string, OrganizationRecord>();
  private readonly organizationsByIdentityId = new Map<string, OrganizationRecord>();
  private readonly people = new Map<string, PersonRecord>();
  private readonly peopleByEmail = new Map<string, PersonRecord>();
  /** Each org's people in seed order, then in order of creation. */
  private readonly peopleByOrg = new Map<string, PersonRecord[]>();
  private readonly sites = new Map<string, Site>();
  private readonly adminPersonId: string;
  private readonly seedHostSettings: HostSettingsSource;
  /** Host settings PUT since the start, by hostKey(); everything else comes from the seed. */
  private readonly writtenHostSettings = new Map<string, Partial<HostSettings>>();
  /** Scheduled meetings by id, in seed order. */
  private readonly meetings = new Map<string, ScheduledMeeting>();
  private readonly recordings: Recording[];

  constructor(
    seed: Seed,
    private readonly clock: () => Date = () => new Date(),
  ) {
    const { hostSettings, ...plain } = seed;
    const data = structuredClone(plain);
    this.seedHostSettings = hostSettings;
    this.adminAudit = new AdminAuditLog(clock);
    this.messaging = new Messaging(clock);
    for (const record of data.organizations) {
      this.organizations.set(record.organization.id, record);
      this.organizationsByIdentityId.set(uuidOf('ORGANIZATION', record.organization.id) ?? record.organization.id, record);
      this.peopleByOrg.set(record.organization.id, []);
    }
    for (const record of data.people) {
      this.people.set(record.person.id, record);
      record.person.emails.forEach((email) => this.peopleByEmail.set(email.toLowerCase(), record));
      const members = this.peopleByOrg.get(record.person.orgId);
      if (members === undefined) {
        throw new Error(`Seed person ${record.person.id} belongs to org ${record.person.orgId}, which is not among its organizations.`);
      }
      members.push(record);
    }
    data.sites.forEach((site) => this.sites.set(site.siteUrl.toLowerCase(), site));
    if (!this.people.has(seed.adminPersonId)) {
      throw new Error(`Seed names admin ${seed.adminPersonId}, who is not among its people.`);
    }
    this.adminPersonId = seed.adminPersonId;
    (data.meetings ?? []).forEach((meeting) => this.meetings.set(meeting.id, meeting));
    this.recordings = data.recordings ?? [];
    this.securityAudit = new SecurityAuditLog(data.people, (orgId) => this.organization(orgId));
  }

  /** The simulator's current time. */
  now(): Date {
    return this.clock();
  }

  /** The person every accepted token acts as. */
  get admin(): PersonRecord {
    return this.people.get(this.adminPersonId)!;
  }

  listOrganizations(): Organization[] {
    return [...this.organizations.values()].map((record) => record.organization);
  }

  organization(orgId: string): Organization | undefined {
    return this.organizations.get(orgId)?.organization;
  }

  /** An org by the id the identity and SCIM APIs use: the UUID inside its Webex id. */
  organizationByIdentityId(identityOrgId: string): OrganizationRecord | undefined {
    return this.organizationsByIdentityId.get(identityOrgId);
  }

  organizationRecord(orgId: string): OrganizationRecord | undefined {
    return this.organizations.get(orgId);
  }

  person(personId: string): PersonRecord | undefined {
    return this.people.get(personId);
  }

  personByEmail(email: string): PersonRecord | undefined {
    return this.peopleByEmail.get(email.toLowerCase());
  }

  /** An org's people, in a stable order. */
  peopleOf(orgId: string): readonly PersonRecord[] {
    return this.peopleByOrg.get(orgId) ?? [];
  }

  /** Every person of every org, org by org. */
  allPeople(): PersonRecord[] {
    return [...this.peopleByOrg.values()].flat();
  }

  /**
   * Replaces a person's API view (a full-body PUT). The email index follows a changed email; the
   * caller has checked that a new email is free.
   */
  replacePerson(record: PersonRecord, person: PersonRecord['person']): void {
    record.person.emails.forEach((email) => this.peopleByEmail.delete(email.toLowerCase()));
    record.person = person;
    person.emails.forEach((email) => this.peopleByEmail.set(email.toLowerCase(), record));
  }

  setDefaultSite(record: PersonRecord, site: Site): void {
    record.defaultSiteUrl = site.siteUrl;
  }

  /** Any site the simulator serves; site URLs are host names, so case does not matter. */
  siteByUrl(siteUrl: string): Site | undefined {
    return this.sites.get(siteUrl.toLowerCase());
  }

  replaceCommonSettings(site: Site, settings: CommonSettings): void {
    site.commonSettings = settings;
  }

  /** Every person holding a host account on the site, in a stable order. */
  hostsOf(site: Site): PersonRecord[] {
    return this.allPeople().filter((record) => siteRole(record.person, site.siteUrl) === 'host');
  }

  /** A host's current settings on a site: what the seed defines, overlaid with what was PUT since. */
  hostSettings(record: PersonRecord, site: Site): HostSettings {
    const written = this.writtenHostSettings.get(hostKey(record, site));
    const seeded = this.seedHostSettings(record, site);
    return written === undefined ? seeded : { ...seeded, ...written };
  }

  setPersonalRoom(record: PersonRecord, site: Site, settings: PersonalRoomSettings): void {
    this.writeHostSettings(record, site, { personalMeetingRoom: settings });
  }

  setSchedulingOptions(record: PersonRecord, site: Site, options: SchedulingOptions): void {
    this.writeHostSettings(record, site, { schedulingOptions: options });
  }

  setSessionTypes(record: PersonRecord, site: Site, sessionTypeIds: string[]): void {
    this.writeHostSettings(record, site, { sessionTypeIds });
  }

  /** The scheduled meetings of a host (by email, case-insensitive), on one site or on all, by start time. */
  scheduledMeetingsOf(hostEmail: string, siteUrl?: string): ScheduledMeeting[] {
    const email = hostEmail.toLowerCase();
    const site = siteUrl?.toLowerCase();
    return [...this.meetings.values()]
      .filter((m) => m.hostEmail.toLowerCase() === email && (site === undefined || m.siteUrl.toLowerCase() === site))
      .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  }

  scheduledMeeting(meetingId: string): ScheduledMeeting | undefined {
    return this.meetings.get(meetingId);
  }

  replaceScheduledMeeting(meeting: ScheduledMeeting): void {
    this.meetings.set(meeting.id, structuredClone(meeting));
  }

  /** The recordings of a site in one status, newest first (as Cisco sorts them). */
  recordingsOf(siteUrl: string, status: Recording['status']): Recording[] {
    const site = siteUrl.toLowerCase();
    return this.recordings.filter((r) => r.siteUrl.toLowerCase() === site && r.status === status).sort((a, b) => b.createTime.localeCompare(a.createTime) || a.id.localeCompare(b.id));
  }

  setPasswordPolicy(org: OrganizationRecord, policy: PasswordPolicy): void {
    org.passwordPolicy = policy;
  }

  setAuthenticationConfig(org: OrganizationRecord, config: AuthenticationConfig): void {
    org.authenticationConfig = config;
  }

  /** A deep copy of everything held; per-host settings of every host on every site (a test seam, not for large seeds). */
  snapshot(): SimulatorSnapshot {
    const hosts: SimulatorSnapshot['hosts'] = {};
    for (const [siteUrl, site] of this.sites) {
      hosts[siteUrl] = Object.fromEntries(this.hostsOf(site).map((record) => [record.person.id, this.hostSettings(record, site)]));
    }
    return structuredClone({
      organizations: Object.fromEntries(this.organizations),
      people: Object.fromEntries(this.people),
      sites: Object.fromEntries(this.sites),
      hosts,
      meetings: Object.fromEntries(this.meetings),
      adminAudit: [...this.adminAudit.list()],
    });
  }

  private writeHostSettings(record: PersonRecord, site: Site, change: Partial<HostSettings>): void {
    const key = hostKey(record, site);
    this.writtenHostSettings.set(key, { ...this.writtenHostSettings.get(key), ...structuredClone(change) });
  }
}

function hostKey(record: PersonRecord, site: Site): string {
  return `${record.person.id} ${site.siteUrl.toLowerCase()}`;
}
