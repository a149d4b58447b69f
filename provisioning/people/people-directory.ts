import { HostSelection } from '../../manifest';
import { linkPages } from '../client/paging';
import { z } from 'zod';
import { UnexpectedResponseError } from '../client/errors';
import { Person, PersonSchema } from '../client/schemas/person';
import { WebexClient } from '../client/webex-client';
import { unsendablePhoneTypes } from './person-update';

/** Page size asked of GET /v1/people; Webex caps it silently where it must. */
export const PEOPLE_PAGE_SIZE = 500;

/** What the fleet controls need of a person; read from GET /v1/people, never more. */
export interface PersonSummary {
  readonly id: string;
  /** The primary email, lower case; the person id when the record has no email (see `noEmail`). */
  readonly email: string;
  /** The record has no email (the spec requires one; some live records lack it): per-host reads, by email, are impossible. */
  readonly noEmail?: true;
  readonly roles: string[];
  readonly siteUrls: string[];
  readonly lastActivity?: string;
  readonly loginEnabled: boolean;
  readonly invitePending: boolean;
  /** `person`, `bot` or `appuser`; absent when Webex does not say. */
  readonly type?: string;
  /** Phone number types a full-body PUT cannot send back (it accepts only `work`). */
  readonly unsendablePhoneTypes: string[];
}

export function summarize(person: Person): PersonSummary {
  return {
    id: person.id,
    email: (person.emails?.[0] ?? person.id).toLowerCase(),
    ...(person.emails?.[0] === undefined ? { noEmail: true as const } : {}),
    roles: person.roles ?? [],
    siteUrls: person.siteUrls ?? [],
    ...(person.lastActivity === undefined ? {} : { lastActivity: person.lastActivity }),
    // Absent means the token is not an admin of the person's org; treat as enabled, the safe reading.
    loginEnabled: person.loginEnabled ?? true,
    invitePending: person.invitePending ?? false,
    ...(person.type === undefined ? {} : { type: person.type }),
    unsendablePhoneTypes: unsendablePhoneTypes(person.phoneNumbers),
  };
}

/** A person record of a page that does not have the shape Cisco's spec promises. */
export interface UnreadablePerson {
  /** The record's email or id, when it has one that is a string. */
  readonly email?: string;
  readonly id?: string;
  /** One line: the page's request, what is wrong, and its trackingId. */
  readonly reason: string;
}

/**
 * The people of an org, one page at a time as Webex sends them (GET /v1/people?orgId=&max=, then the
 * `Link` next URL verbatim), so that callers can start work on a page before the next one is fetched.
 * Each person is checked on its own: a record that cannot be understood goes to `onUnreadable` (and is
 * left out of the page) instead of failing the whole org's read; without `onUnreadable` it fails it.
 */
export async function* peoplePages(
  client: WebexClient,
  orgId: string,
  query: Record<string, string> = {},
  onUnreadable?: (person: UnreadablePerson) => void,
): AsyncGenerator<PersonSummary[]> {
  for await (const page of linkPages(client, '/v1/people', PeoplePageSchema, { orgId, max: PEOPLE_PAGE_SIZE, ...query })) {
    const people: PersonSummary[] = [];
    for (const [index, item] of page.items.entries()) {
      const parsed = PersonSchema.safeParse(item);
      if (parsed.success) {
        people.push(summarize(parsed.data));
        continue;
      }
      const issue = parsed.error.issues[0]!;
      const unreadable = describeUnreadable(item, `GET /v1/people: person ${index + 1} of a page is outside Cisco's spec (${issue.path.join('.') || '(root)'}: ${issue.message}) (trackingId ${page.trackingId})`);
      if (!onUnreadable) throw new UnexpectedResponseError(unreadable.reason);
      onUnreadable(unreadable);
    }
    yield people;
  }
}

/** A page of GET /v1/people whose items are checked one by one (see peoplePages). */
const PeoplePageSchema = z.object({ items: z.array(z.unknown()) });

function describeUnreadable(item: unknown, reason: string): UnreadablePerson {
  const record = item !== null && typeof item === 'object' ? (item as Record<string, unknown>) : {};
  const emails = Array.isArray(record.emails) ? record.emails : [];
  const email = typeof emails[0] === 'string' ? emails[0].toLowerCase() : undefined;
  const id = typeof record.id === 'string' ? record.id : typeof record.id === 'number' ? String(record.id) : undefined;
  return { ...(email === undefined ? {} : { email }), ...(id === undefined ? {} : { id }), reason };
}

/**
 * Whether the person is a host of the site. Cisco: `siteUrls` lists "site names where this user has a
 * role (host or attendee)"; `#attendee` marks attendees, and the simulator and live orgs mark hosts with
 * `#host`. A bare site name is read as host, since only the attendee role needs a suffix.
 */
export function isHostOf(person: Pick<PersonSummary, 'siteUrls'>, siteUrl: string): boolean {
  return person.siteUrls.some((entry) => {
    const [site, role] = entry.toLowerCase().split('#');
    return site === siteUrl && (role === undefined || role === '' || role === 'host');
  });
}

/** Whether a host is selected by a control's host selection (undefined selects every host). */
export function isSelected(selection: HostSelection | undefined, email: string): boolean {
  if (selection === undefined) return true;
  const { exempt, emails, domains } = selectionSets(selection);
  const address = email.toLowerCase();
  if (exempt.has(address)) return false;
  if (emails !== undefined) return emails.has(address);
  if (domains !== undefined) return domains.has(address.slice(address.lastIndexOf('@') + 1));
  return true;
}

/** Sets built once per selection: a fleet of 20,000 hosts with thousands of exemptions is checked per host. */
const selectionCache = new WeakMap<HostSelection, { exempt: Set<string>; emails?: Set<string>; domains?: Set<string> }>();

function selectionSets(selection: HostSelection): { exempt: Set<string>; emails?: Set<string>; domains?: Set<string> } {
  let sets = selectionCache.get(selection);
  if (sets === undefined) {
    sets = {
      exempt: new Set(selection.exemptEmails ?? []),
      ...(selection.emails === undefined ? {} : { emails: new Set(selection.emails) }),
      ...(selection.emailDomains === undefined ? {} : { domains: new Set(selection.emailDomains) }),
    };
    selectionCache.set(selection, sets);
  }
  return sets;
}
