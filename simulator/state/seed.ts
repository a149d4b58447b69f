import type { Organization } from './organization';
import type { PersonRecord } from './person';
import type { Site } from './site';

/** Everything a simulator starts with. Seeds are plain data; the state copies them. */
export interface Seed {
  organizations: Organization[];
  people: PersonRecord[];
  sites: Site[];
  /** The person every accepted token acts as. */
  adminPersonId: string;
}
