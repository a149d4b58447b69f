import { personTarget } from './plan';
import { compareCodePoints, controlOf, Org, OrgControlKey } from '../manifest';
import { ScimUserListSchema, WEBEX_IDENTITY_USER_EXTENSION } from './client/schemas/identity';
import { RoleListSchema } from './client/schemas/person';
import { WebexClient } from './client/webex-client';
import { mapConcurrent } from './concurrency';
import { identityOrgId } from './people/identity-org-id';
import { peoplePages, UnreadablePerson } from './people/people-directory';
import { unreadableReason, type UnknownTargets } from './unknown-targets';
import { readWriteOnlyAudit, WriteOnlyAudit } from './audit/write-only-audit';
import { EnforcementRecord, readEnforcements } from './state/enforcement-state';
import { WRITE_ONLY_HANDLERS } from './settings/registry';

/** Cisco's name of the role that administers everything (GET /v1/roles). */
export const FULL_ADMINISTRATOR = 'Full Administrator';

/** A person holding at least one admin role. */
export interface ObservedAdmin {
  readonly email: string;
  readonly personId: string;
  /** Names of the admin roles held, sorted. */
  readonly roles: string[];
  readonly unsendablePhoneTypes: string[];
}

/** What the MFA report read from SCIM: whether Webex exposes per-user MFA at all, and who has it off. */
export interface ObservedMfaUsers {
  readonly exposed: boolean;
  readonly withoutMfa: string[];
}

/** Org-level observations; each present only when its control is declared, or when every org control is read. */
export interface ObservedOrgSettings {
  /** Write-only settings: what webex-iac last enforced (state file), null when never. Never a read of Webex. */
  readonly enforced?: Record<string, EnforcementRecord | null>;
  /**
   * Write-only settings webex-iac enforced: what the admin audit log says of them since (changed by another
   * admin, not covered by the log, or unchanged). Absent for a setting never enforced.
   */
  readonly writeOnlyAudit?: Record<string, WriteOnlyAudit>;
  /** Everyone holding an admin role, by email. */
  readonly admins?: ObservedAdmin[];
  readonly mfaUsers?: ObservedMfaUsers;
}

/** SCIM page size (Cisco's default and usual maximum). */
const SCIM_COUNT = 100;

/** Reads what the org's declared org-level controls need. */
export async function observeOrgSettings(
  client: WebexClient,
  org: Org,
  orgId: string,
  options: {
    readonly stateDir: string;
    readonly concurrency?: number;
    readonly unknown?: UnknownTargets;
    readonly readEverything?: boolean;
    /** Read every org control, declared or not (ObserveOptions.readEveryOrgControl). */
    readonly readEveryOrgControl?: boolean;
    /** The time the audit log is read up to. @default now */
    readonly now?: Date;
    /** The person id of the token's user, whose own writes never count as a change made elsewhere. */
    readonly tokenPersonId?: () => Promise<string>;
  },
): Promise<ObservedOrgSettings> {
  const observed: { -readonly [K in keyof ObservedOrgSettings]: ObservedOrgSettings[K] } = {};
  // Declared, or, when every org control is read, each one the catalogue says can be read or recorded.
  const reads = (setting: string) => org.settings[setting as OrgControlKey] !== undefined || (options.readEveryOrgControl === true && controlOf(setting)?.access !== 'attestation');
  const writeOnly = Object.keys(WRITE_ONLY_HANDLERS).filter(reads);
  if (writeOnly.length > 0) {
    const records = readEnforcements(options.stateDir, orgId);
    observed.enforced = Object.fromEntries(writeOnly.map((setting) => [setting, records[setting] ?? null]));
    const audit = await writeOnlyAuditOf(client, orgId, observed.enforced, options);
    if (audit !== undefined) observed.writeOnlyAudit = audit;
  }
  // A record that cannot be understood makes its target unknown (listed in the plan, which then fails)
  // instead of aborting the org's read.
  if (reads('adminAccess')) observed.admins = await readAdmins(client, orgId, options.concurrency, options.unknown);
  if (org.settings.mfa?.reportUsersWithoutMfa || (options.readEverything && org.settings.mfa !== undefined) || (options.readEveryOrgControl && reads('mfa'))) {
    const mfaUsers = options.unknown ? await options.unknown.read({ kind: 'org', orgId }, 'mfa', () => readMfaUsers(client, orgId)) : await readMfaUsers(client, orgId);
    if (mfaUsers !== undefined) observed.mfaUsers = mfaUsers;
  }
  return observed;
}

/**
 * The admin audit log's word on each enforced write-only setting. A log answered outside Cisco's spec makes
 * those settings unknown (the plan lists them and fails); undefined then, and when none was enforced.
 */
async function writeOnlyAuditOf(
  client: WebexClient,
  orgId: string,
  enforced: Record<string, EnforcementRecord | null>,
  options: { readonly unknown?: UnknownTargets; readonly now?: Date; readonly tokenPersonId?: () => Promise<string> },
): Promise<Record<string, WriteOnlyAudit> | undefined> {
  const settings = Object.keys(enforced).filter((setting) => enforced[setting] !== null);
  if (settings.length === 0) return undefined;
  if (options.tokenPersonId === undefined) throw new Error('reading the admin audit log for write-only settings needs the token\'s person');
  const tokenPersonId = await options.tokenPersonId();
  try {
    return await readWriteOnlyAudit(client, orgId, enforced, tokenPersonId, options.now ?? new Date());
  } catch (error) {
    const reason = unreadableReason(error);
    if (reason === undefined || options.unknown === undefined) throw error;
    for (const setting of settings) options.unknown.add({ kind: 'org', orgId }, setting, `the admin audit log, which tells whether ${setting} was changed since webex-iac enforced it, could not be read: ${reason}`);
    return undefined;
  }
}

/** GET /v1/roles, then GET /v1/people?roles=<id> for each role (Link-paged): who holds which admin role. */
async function readAdmins(client: WebexClient, orgId: string, concurrency?: number, unknown?: UnknownTargets): Promise<ObservedAdmin[]> {
  const { data } = await client.get('/v1/roles', RoleListSchema);
  const byEmail = new Map<string, ObservedAdmin>();
  const holders = await mapConcurrent(data.items, async (role) => {
    const people = [];
    const onUnreadable = unknown && ((person: UnreadablePerson) => unknown.add(personTarget(person.email ?? person.id ?? '(no email, no id)'), 'adminAccess', person.reason));
    for await (const page of peoplePages(client, orgId, { roles: role.id }, onUnreadable)) people.push(...page);
    return { role, people };
  }, concurrency);
  for (const { role, people } of holders) {
    for (const person of people) {
      // The filter is the server's; check the person's own roles too, so a loose filter cannot add admins.
      if (person.roles.length > 0 && !person.roles.includes(role.id)) continue;
      const admin = byEmail.get(person.email) ?? { email: person.email, personId: person.id, roles: [], unsendablePhoneTypes: person.unsendablePhoneTypes };
      if (!admin.roles.includes(role.name)) admin.roles.push(role.name);
      byEmail.set(person.email, admin);
    }
  }
  return [...byEmail.values()].map((a) => ({ ...a, roles: [...a.roles].sort(compareCodePoints) })).sort((a, b) => compareCodePoints(a.email, b.email));
}

/**
 * Active SCIM users whose Cisco extension says `mfaEnabled: false`. Cisco's spec copies do not declare
 * the field (it appears only in an example), so a user record without it counts as unknown, not as off.
 */
async function readMfaUsers(client: WebexClient, orgId: string): Promise<ObservedMfaUsers> {
  const path = `/identity/scim/${encodeURIComponent(identityOrgId(orgId))}/v2/Users` as const;
  let exposed = false;
  const withoutMfa: string[] = [];
  for (let startIndex = 1; ; ) {
    const { data } = await client.get(path, ScimUserListSchema, { startIndex: String(startIndex), count: String(SCIM_COUNT) });
    const users = data.Resources ?? [];
    for (const user of users) {
      const mfa = user[WEBEX_IDENTITY_USER_EXTENSION]?.mfaEnabled;
      if (mfa !== undefined) exposed = true;
      if (mfa === false && user.active !== false) withoutMfa.push((user.emails?.find((e) => e.primary)?.value ?? user.userName).toLowerCase());
    }
    startIndex += users.length;
    if (users.length === 0 || (data.totalResults !== undefined && startIndex > data.totalResults)) break;
  }
  return { exposed, withoutMfa: [...new Set(withoutMfa)].sort(compareCodePoints) };
}
