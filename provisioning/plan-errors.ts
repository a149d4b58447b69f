import { untrusted, Untrusted } from '../manifest/text';
import { PlanError, VerificationError } from './errors';
import type { Change } from './plan';

/*
 * The catalogue of errors a plan, apply or drift raises about one declared entry, in manifest vocabulary.
 * Each is one line: which entry (its construct path and manifest key, the names a person who wrote or
 * reads the manifest knows), what failed, and how to fix it, naming manifest fields as manifest/README.md
 * does (`sessionType.shortName`), never the prop a construct names it by: the manifest may be
 * hand-written. Every `new PlanError(`/`new VerificationError(` about a declared entry is here (a test
 * enforces it); text from Webex in them (names, emails) stays Untrusted, escaped where it is printed.
 */

/** A declared entry as every message names it. */
export interface DeclaredEntry {
  /** The entry's `path` in the manifest: the construct (or hand-written label) that declared it. */
  readonly path: string;
  /** Its manifest key: `settings.endToEndEncryption`, `siteUrl`, `name`. */
  readonly key: string;
  /** Where the entry sits: `site a.webex.com`, `org "Clinic"`, `host x@a.example of site a.webex.com`; none for an org. */
  readonly where?: Untrusted;
}

/**
 * What a handler knows of its entry: its manifest key, and its construct path in a plan (a diff knows
 * its declaration, not its site) or where it is in a write (a write knows its site, not its declaration).
 * The planner and the applier fill in the rest (`placedOn`) before the message reaches anyone.
 */
export type EntryAt = Omit<DeclaredEntry, 'path'> & { readonly path?: string };

/** An org as a manifest declares it. */
interface DeclaredOrg {
  readonly path: string;
  readonly name: string;
  readonly orgId?: string;
}

// ---- The entries ----

/** The org entry itself (found by `orgId` when declared, else by `name`). */
export function orgEntry(org: DeclaredOrg): DeclaredEntry {
  return { path: org.path, key: org.orgId ? `orgId ${org.orgId}` : `name ${JSON.stringify(org.name)}` };
}

/** A site entry itself (its `siteUrl`). */
export function siteEntry(org: DeclaredOrg, site: { readonly path: string; readonly siteUrl: string }): DeclaredEntry {
  return { path: site.path, key: `siteUrl ${site.siteUrl}`, where: untrusted(`org ${JSON.stringify(org.name)}`) };
}

/** A control under an org's `settings` (passwordPolicy, mfa, adminAccess, inactiveAccounts, …). */
export function orgSettingEntry(org: { readonly name: string }, setting: string, declared: { readonly path: string }): DeclaredEntry {
  return { path: declared.path, key: `settings.${setting}`, where: untrusted(`org ${JSON.stringify(org.name)}`) };
}

/** A control under a site's `settings` (meetingSecurity, or a per-host control for the site as a whole). */
export function siteSettingEntry(siteUrl: string, setting: string, declared: { readonly path: string }): DeclaredEntry {
  return { path: declared.path, key: `settings.${setting}`, where: untrusted(`site ${siteUrl}`) };
}

/** A per-host control of a site, for one host (its email is Webex's text). */
export function hostSettingAt(siteUrl: string, email: string, setting: string, declared?: { readonly path: string }): EntryAt {
  return { ...(declared ? { path: declared.path } : {}), key: `settings.${setting}`, where: untrusted(`host ${email} of site ${siteUrl}`) };
}

/** A site control being written, before the applier names its construct path. */
export function siteSettingAt(siteUrl: string, setting: string): EntryAt {
  return { key: `settings.${setting}`, where: untrusted(`site ${siteUrl}`) };
}

/** The entry a planned change comes from. */
export function changeEntry(change: Pick<Change, 'org' | 'target' | 'setting' | 'path'>): DeclaredEntry {
  const target = change.target;
  const org = `org ${JSON.stringify(change.org)}`;
  const where =
    target.kind === 'site'
      ? untrusted(`site ${target.siteUrl}`)
      : target.kind === 'org'
        ? untrusted(org)
        : target.siteUrl !== undefined
          ? untrusted(`host ${target.email} of site ${target.siteUrl}`)
          : untrusted(`person ${target.email} of ${org}`);
  return { path: change.path, key: `settings.${change.setting}`, where };
}

// ---- The error types ----

/** A PlanError about one declared entry; what failed and the fix are kept for placing it on a change. */
export class EntryPlanError extends PlanError {
  constructor(
    readonly entry: EntryAt,
    readonly failed: Untrusted,
    readonly fix: Untrusted,
  ) {
    super(line(entry, failed, fix));
  }
}

/** A VerificationError about one declared entry. */
export class EntryVerificationError extends VerificationError {
  constructor(
    readonly entry: EntryAt,
    readonly failed: Untrusted,
    readonly fix: Untrusted,
  ) {
    super(line(entry, failed, fix));
  }
}

/** `path (key of where): failed; fix`, or without the path while a handler does not know it yet. */
function line(entry: EntryAt, failed: Untrusted, fix: Untrusted): Untrusted {
  const key = entry.where === undefined ? entry.key : untrusted(`${entry.key} of ${entry.where}`);
  const names = entry.path === undefined ? key : untrusted(`${entry.path} (${key})`);
  return untrusted(`${names}: ${failed}; ${fix}`);
}

/** Any error about an entry: the one-line message of the catalogue. */
export function entryError(entry: EntryAt, failed: string, fix: string): EntryPlanError {
  return new EntryPlanError(entry, untrusted(failed), untrusted(fix));
}

/**
 * An error a handler raised knowing only part of its entry, completed from the entry the planner or the
 * applier is working on (its construct path, where it is); any other error is returned as it is.
 */
export function placedOn(error: unknown, entry: DeclaredEntry): unknown {
  if (!(error instanceof EntryPlanError || error instanceof EntryVerificationError)) return error;
  if (error.entry.path !== undefined && (error.entry.where !== undefined || entry.where === undefined)) return error;
  const where = error.entry.where ?? entry.where;
  const placed = { key: error.entry.key, path: error.entry.path ?? entry.path, ...(where === undefined ? {} : { where }) };
  return error instanceof EntryPlanError ? new EntryPlanError(placed, error.failed, error.fix) : new EntryVerificationError(placed, error.failed, error.fix);
}

/** A handler's diff, whose errors (which know their declaration, not their site) name the whole entry. */
export function placedDiff<T>(entry: DeclaredEntry, diff: () => T): T {
  try {
    return diff();
  } catch (error) {
    throw placedOn(error, entry);
  }
}

/** `placedOn` the entry a planned change comes from. */
export function placedOnChange(error: unknown, change: Change): unknown {
  return placedOn(error, changeEntry(change));
}

const PLAN_AGAIN = untrusted('plan again from a fresh read (webex-iac plan); if it persists, the observation does not match the manifest');

function quoted(values: readonly string[]): Untrusted {
  return untrusted(values.map((v) => JSON.stringify(v)).join(', ') || 'none');
}

// ---- Reading and planning ----

/** A declared entry whose live values were not read: nothing is planned rather than a guess. */
export function notObserved(entry: DeclaredEntry, what = 'was not read'): EntryPlanError {
  return new EntryPlanError(entry, untrusted(`${what}, so nothing can be planned for it`), PLAN_AGAIN);
}

/** A declared org the observation does not hold. */
export function orgNotObserved(org: DeclaredOrg): EntryPlanError {
  return notObserved(orgEntry(org), 'the org was not read');
}

/** A write-only control whose drift the admin audit log would show was planned without that log. */
export function auditLogNotRead(entry: DeclaredEntry): EntryPlanError {
  return notObserved(entry, 'the admin audit log was not read for it');
}

/** adminAccess planned without the org's admins. */
export function adminsNotRead(entry: DeclaredEntry): EntryPlanError {
  return notObserved(entry, "the org's admins were not read");
}

/** inactiveAccounts planned without the org's accounts. */
export function accountsNotRead(entry: DeclaredEntry): EntryPlanError {
  return notObserved(entry, "the org's accounts were not read");
}

/** The declared org (by orgId or name) is not among those the token sees; `visible` are Webex's names. */
export function orgNotVisible(entry: DeclaredEntry, visible: readonly string[]): EntryPlanError {
  return new EntryPlanError(
    entry,
    untrusted(`the org is not visible to this token (visible orgs: ${quoted(visible)})`),
    untrusted("set the org's name (or orgId) to one of them, or use a token of an administrator of that org"),
  );
}

/** The declared siteUrl is not a Meetings site the token administers in the org; `sites` as Webex lists them. */
export function siteNotAdministered(entry: DeclaredEntry, sites: readonly string[]): EntryPlanError {
  return new EntryPlanError(
    entry,
    untrusted(`not a Meetings site this token administers (its sites: ${sites.join(', ') || 'none'})`),
    untrusted("set the site's siteUrl to one of them, or use a token of an administrator of that site"),
  );
}

/** No session type of the site matches the declared `sessionType` (`match` as describeSessionTypeMatch writes it). */
export function noMatchingSessionType(entry: EntryAt, match: string, available: Untrusted): EntryPlanError {
  return new EntryPlanError(
    entry,
    untrusted(`the site has no session type matching ${match} (its session types: ${available})`),
    untrusted('enable end-to-end encryption on the site (Control Hub), or name the type to assign in sessionType.shortName or sessionType.name'),
  );
}

/** Several session types of the site match the declared `sessionType`. */
export function ambiguousSessionType(entry: EntryAt, match: string, found: Untrusted, count: number): EntryPlanError {
  return new EntryPlanError(entry, untrusted(`${count} session types match ${match}: ${found}`), untrusted('name the one to assign in sessionType.shortName'));
}

/** meetingSecurity pins audioBeforeHost true while joinBeforeHost stays false, which Webex refuses. */
export function audioBeforeHostWithoutJoin(entry: EntryAt): EntryPlanError {
  return new EntryPlanError(
    entry,
    untrusted('audioBeforeHost is pinned true in exactFields, but joinBeforeHost stays false on the site and Webex does not allow both'),
    untrusted('declare joinBeforeHost: true and list it in exactFields too, or take audioBeforeHost out of exactFields'),
  );
}

/** meetingSecurity changes passwordCriteria while requireStrongPassword stays false, which Webex refuses. */
export function passwordCriteriaWithoutStrongPassword(entry: EntryAt, changing: readonly string[]): EntryPlanError {
  return new EntryPlanError(
    entry,
    untrusted(`passwordCriteria cannot be applied while requireStrongPassword is false on the site (changing: ${changing.join(', ')})`),
    untrusted('declare requireStrongPassword: true'),
  );
}

/** adminAccess with revokeUnexpected would revoke every Full Administrator of the org. */
export function noFullAdministratorLeft(entry: DeclaredEntry, role: string): EntryPlanError {
  return new EntryPlanError(
    entry,
    untrusted(`revoking every admin not in allowedAdmins would leave the org without a ${role}`),
    untrusted(`add the email of a ${role} to allowedAdmins`),
  );
}

/** A host's upcoming meeting whose id cannot be put into a request path: the host cannot be read safely. */
export function unaddressableMeeting(entry: EntryAt, meetingId: string): EntryPlanError {
  return new EntryPlanError(
    entry,
    untrusted(`Webex lists an upcoming meeting with id ${JSON.stringify(meetingId)}, which webex-iac cannot address`),
    untrusted("list the host in hosts.exemptEmails until the meeting is gone, or report the id to webex-iac's maintainers"),
  );
}

// ---- Applying ----

/** One field of a change whose live value moved since the plan (`was`/`now` as the plan shows values). */
export function changedField(change: Change, field: string, was: string, now: string): Untrusted {
  const entry = changeEntry(change);
  return untrusted(`${entry.path} (${entry.key}.${field} of ${entry.where ?? 'the org'}) was ${was} when planned, is now ${now}`);
}

/** The stale check: the live org moved since the plan; `changed` from changedField. */
export function changedSincePlan(changed: readonly Untrusted[]): PlanError {
  return new PlanError(untrusted(`the live org changed since the plan was made; nothing was written. Plan again. Changed: ${changed.join('; ')}`));
}

/** A change the applier cannot carry out as planned (a plan edited or made by another version). */
export function cannotApply(change: Change, failed: string): EntryPlanError {
  return new EntryPlanError(changeEntry(change), untrusted(failed), untrusted('nothing was written; plan again (webex-iac plan) and apply that plan'));
}

/** A write Webex took whose result is not what was written (`detail` holds values as the plan shows them). */
export function writeNotVerified(change: Change, detail: Untrusted, trackingId: string): EntryVerificationError {
  return new EntryVerificationError(
    changeEntry(change),
    untrusted(`failed to apply: ${detail} (trackingId ${trackingId})`),
    untrusted('check the entry in Control Hub, then plan and apply again (webex-iac plan)'),
  );
}

/** A write of fields webex-iac does not manage for this entry (an edited plan): refused. */
export function unmanagedFields(entry: EntryAt, fields: readonly string[]): EntryPlanError {
  return new EntryPlanError(entry, untrusted(`${fields.join(', ')} is not a field webex-iac writes for it; nothing was written`), untrusted('plan again (webex-iac plan) and apply that plan'));
}

/** A full-body PUT whose read lacks a field it must send back unchanged: refused. */
export function incompleteRead(entry: EntryAt, what: string, field: string): EntryPlanError {
  return new EntryPlanError(
    entry,
    untrusted(`Webex returned ${what} without its ${field}, which the full-body PUT must send back unchanged; nothing was written`),
    untrusted("check the host's personal room in Control Hub, or list the host in hosts.exemptEmails"),
  );
}

/** A site write goes through the token user's default site, which must be one of their sites. */
export function notTokenUsersSite(entry: EntryAt, sites: readonly string[]): EntryPlanError {
  return new EntryPlanError(
    entry,
    untrusted(`the site is not one of the token's user's sites (their sites: ${quoted(sites)}), and Webex writes site settings through them`),
    untrusted("use a token whose user hosts that site, or declare the site's siteUrl as one of theirs"),
  );
}

/** A site write needs the token user's default site to put it back afterwards. */
export function noDefaultSite(entry: EntryAt): EntryPlanError {
  return new EntryPlanError(entry, untrusted("Webex marks no default site for the token's user, so it cannot be put back after a write"), untrusted("set the user's default site in Control Hub and apply again"));
}

/** A site write landed on another site (`undone` says what was put back there). */
export function writeLandedElsewhere(entry: EntryAt, landedOn: string, fields: readonly string[], undone: string, trackingId: string | undefined): EntryVerificationError {
  return new EntryVerificationError(
    entry,
    untrusted(`the write landed on ${JSON.stringify(landedOn)} (${fields.join(', ')}): Webex wrote the token user's default site, which something else changed during the write. ${undone} The declared site did not get them (trackingId ${trackingId ?? 'unknown'})`),
    untrusted('apply again'),
  );
}

/** Other sites changed during a site write: which write landed where cannot be told. */
export function otherSitesChanged(entry: EntryAt, changed: Untrusted, trackingId: string | undefined): EntryVerificationError {
  return new EntryVerificationError(
    entry,
    untrusted(`other sites changed during the write (${changed}); someone else is writing these sites at the same time, so webex-iac cannot tell which write landed where and changed nothing back (trackingId ${trackingId ?? 'unknown'})`),
    untrusted('check those sites, and do not run applies with one token from two machines at once'),
  );
}

/** A person a change revokes or deactivates is gone from the org. */
export function personGone(entry: EntryAt): EntryVerificationError {
  return new EntryVerificationError(entry, untrusted('the person is no longer in the org'), untrusted('plan again (webex-iac plan): nothing is left to change for them'));
}
