import type { CommonSettings } from '../meeting-settings/common-settings';
import { AdminAuditLog } from './admin-audit-log';
import type { Organization } from './organization';
import type { PersonRecord } from './person';
import type { Seed } from './seed';
import type { Site } from './site';

/**
 * The simulator's in-memory Webex: organizations, people, Meetings sites and the admin audit
 * trail. Routes read and write it only through these methods, so indexes can grow with the data.
 */
export class SimulatorState {
  readonly adminAudit: AdminAuditLog;
  private readonly organizations = new Map<string, Organization>();
  private readonly people = new Map<string, PersonRecord>();
  private readonly peopleByEmail = new Map<string, PersonRecord>();
  private readonly sites = new Map<string, Site>();
  private readonly adminPersonId: string;

  constructor(seed: Seed, clock: () => Date = () => new Date()) {
    const data = structuredClone(seed);
    this.adminAudit = new AdminAuditLog(clock);
    data.organizations.forEach((org) => this.organizations.set(org.id, org));
    data.people.forEach((record) => {
      this.people.set(record.person.id, record);
      record.person.emails.forEach((email) => this.peopleByEmail.set(email.toLowerCase(), record));
    });
    data.sites.forEach((site) => this.sites.set(site.siteUrl.toLowerCase(), site));
    if (!this.people.has(seed.adminPersonId)) {
      throw new Error(`Seed names admin ${seed.adminPersonId}, who is not among its people.`);
    }
    this.adminPersonId = seed.adminPersonId;
  }

  /** The person every accepted token acts as. */
  get admin(): PersonRecord {
    return this.people.get(this.adminPersonId)!;
  }

  listOrganizations(): Organization[] {
    return [...this.organizations.values()];
  }

  organization(orgId: string): Organization | undefined {
    return this.organizations.get(orgId);
  }

  personByEmail(email: string): PersonRecord | undefined {
    return this.peopleByEmail.get(email.toLowerCase());
  }

  sitesOf(orgId: string): Site[] {
    return [...this.sites.values()].filter((site) => site.orgId === orgId);
  }

  /** A site of the given org; site URLs are host names, so case does not matter. */
  site(orgId: string, siteUrl: string): Site | undefined {
    const site = this.sites.get(siteUrl.toLowerCase());
    return site?.orgId === orgId ? site : undefined;
  }

  replaceCommonSettings(site: Site, settings: CommonSettings): void {
    site.commonSettings = settings;
  }
}
