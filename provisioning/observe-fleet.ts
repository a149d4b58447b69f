import { createHash } from 'node:crypto';
import { canonicalJson, compareCodePoints, HOST_CONTROL_KEYS, HostControlKey, Org, SITE_CONTROLS } from '../manifest';
import { WebexClient } from './client/webex-client';
import { forEachConcurrent, taskFanOut } from './concurrency';
import { isHostOf, isSelected, peoplePages, PersonSummary, UnreadablePerson } from './people/people-directory';
import { FieldValues, personTarget } from './plan';
import { currentMeter } from './run-progress';
import { HostRef, HostSiteContext } from './settings/host-setting-handler';
import { HostReads } from './settings/host-reads';
import { hostHandler, isHostSetting } from './settings/registry';
import { UnknownTargets } from './unknown-targets';
import { placedOn, siteSettingEntry } from './plan-errors';

/** One selected host and the normalized values of the declared fields. */
export interface ObservedHost {
  readonly email: string;
  readonly personId: string;
  readonly values: FieldValues;
}

/** What a per-host setting read on one site. */
export interface ObservedHostSetting {
  readonly site: HostSiteContext;
  /**
   * Selected hosts, by email: all of them, or, when `converged` is present, only those whose values
   * differ from the declaration.
   */
  readonly hosts: ObservedHost[];
  /**
   * When observed for a plan (`summarizeConverged`): the selected hosts that already have the declared
   * values, as a count and a digest instead of a list, so that a plan's memory grows with its changes,
   * not with the org. Absent when every host is listed in `hosts` (assess, import).
   */
  readonly converged?: ConvergedHosts;
  /** Emails the declaration selects by name that are not hosts of the site. */
  readonly notHosts: string[];
}

/** Hosts whose values already match the declaration, summarized. */
export interface ConvergedHosts {
  readonly count: number;
  /**
   * sha256 of every such host (email, person id and values read), combined so that the order hosts were
   * read in does not matter: any change to any of them changes it, and so the plan's observedHash.
   */
  readonly digest: string;
}

/** An account that may be inactive: no activity since the cutoff, or none known. */
export interface ObservedAccount {
  readonly email: string;
  readonly personId: string;
  readonly lastActivity: string | null;
  readonly unsendablePhoneTypes: string[];
}

export interface FleetObservation {
  /** siteUrl → per-host setting → observation. */
  readonly hosts: Record<string, Record<string, ObservedHostSetting>>;
  /** Inactive-account candidates, when the org declares inactiveAccounts. */
  readonly inactive?: ObservedAccount[];
}

interface HostControl {
  readonly siteUrl: string;
  readonly setting: string;
  /** Undefined: read without a declaration (readEverything), every host and every field. */
  readonly declared: unknown;
  /** The fields read of each host. */
  readonly fields: readonly string[];
  readonly site: HostSiteContext;
  readonly hosts: ObservedHost[];
  /** Emails the declaration names (selection `emails`), to report the ones that are not hosts. */
  readonly named: ReadonlySet<string>;
  converged?: ConvergedDigest;
}

/** Options of one fleet read. */
export interface FleetReadOptions {
  readonly now: Date;
  /** Host reads started at once. @default taskFanOut(client) */
  readonly concurrency?: number;
  /** Summarize the hosts that already match the declaration (see ObservedHostSetting.converged). @default false */
  readonly summarizeConverged?: boolean;
  /** Where a site, host or person whose record cannot be understood is listed; without it, such a record aborts the read. */
  readonly unknown?: UnknownTargets;
  /** Read every per-host control of the catalogue, declared or not, with every field (ObserveOptions.readEverything). @default false */
  readonly readEverything?: boolean;
  /** Without a declared inactiveAccounts, list every login-enabled account (ObserveOptions.readEveryOrgControl). @default false */
  readonly readEveryOrgControl?: boolean;
}

/**
 * One pass over the org's people (GET /v1/people, page by page) that feeds every per-host control and
 * the inactive-account review. Each selected host's reads start as soon as its page arrives, at most
 * `concurrency` hosts at a time (provisioning/concurrency.ts); the client's scheduler bounds the HTTP
 * requests in flight. Exempt and unselected hosts are never read.
 */
export async function observeFleet(client: WebexClient, org: Org, orgId: string, options: FleetReadOptions): Promise<FleetObservation | undefined> {
  const controls: HostControl[] = [];
  for (const site of org.sites) {
    const settings = options.readEverything ? [...new Set([...Object.keys(site.settings), ...HOST_CONTROL_KEYS])] : Object.keys(site.settings);
    for (const setting of settings.sort(compareCodePoints)) {
      const declared: unknown = site.settings[setting as keyof typeof site.settings];
      if (!isHostSetting(setting) || (declared === undefined && !options.readEverything)) continue;
      const handler = hostHandler(setting);
      const readSite = () => handler.readSite(client, site.siteUrl);
      const siteContext = options.unknown ? await options.unknown.read({ kind: 'site', siteUrl: site.siteUrl }, setting, readSite) : await readSite();
      // A site whose context cannot be read: its hosts are not planned, and the site is listed as unknown.
      if (siteContext === undefined) continue;
      controls.push({
        siteUrl: site.siteUrl,
        setting,
        declared,
        fields: options.readEverything || declared === undefined ? Object.keys(SITE_CONTROLS[setting as HostControlKey].fields) : handler.fields(declared),
        site: siteContext,
        hosts: [],
        named: new Set(declared === undefined ? [] : handler.hosts(declared)?.emails ?? []),
        ...(options.summarizeConverged ? { converged: new ConvergedDigest() } : {}),
      });
    }
  }
  const inactiveDeclared = org.settings.inactiveAccounts;
  const readsInactive = inactiveDeclared !== undefined || options.readEveryOrgControl === true;
  if (controls.length === 0 && !readsInactive) return undefined;

  // Without a declared cutoff, every account: the plan and the rules apply the declaration's.
  const cutoff = !readsInactive ? undefined : inactiveDeclared === undefined ? Number.POSITIVE_INFINITY : options.now.getTime() - inactiveDeclared.inactiveDays * DAY_MS;
  const exempt = new Set(inactiveDeclared?.exemptEmails ?? []);
  const inactive: ObservedAccount[] = [];
  // Only the named hosts that turn up are remembered: enough to report the named ones that did not.
  const seenHosts = new Map<HostControl, Set<string>>(controls.map((c) => [c, new Set<string>()]));

  const meter = currentMeter();
  async function* hostReads(): AsyncGenerator<{ control: HostControl; host: HostRef; reads: HostReads }> {
    const onUnreadable = options.unknown && ((person: UnreadablePerson) => options.unknown!.add(personTarget(person.email ?? person.id ?? '(no email, no id)'), 'people', person.reason));
    for await (const page of peoplePages(client, orgId, {}, onUnreadable)) {
      // One page's reads at a time: counted as found when the page arrives, read as workers free up.
      const reads: { control: HostControl; host: HostRef; reads: HostReads }[] = [];
      for (const person of page) {
        // One host's controls on one site share their reads (one GET /v1/meetingPreferences for all of them).
        const shared = new Map<string, HostReads>();
        if (cutoff !== undefined && isInactiveCandidate(person, cutoff, exempt)) {
          inactive.push({ email: person.email, personId: person.id, lastActivity: person.lastActivity ?? null, unsendablePhoneTypes: person.unsendablePhoneTypes });
        }
        for (const control of controls) {
          if (!isHostOf(person, control.siteUrl)) continue;
          if (control.named.has(person.email)) seenHosts.get(control)!.add(person.email);
          if (!isSelected(control.declared === undefined ? undefined : hostHandler(control.setting).hosts(control.declared), person.email)) continue;
          if (person.noEmail && options.unknown) {
            options.unknown.add(personTarget(person.email, { siteUrl: control.siteUrl, personId: person.id }), control.setting, `person ${person.id} has no email address; Webex reads per-host settings by email`);
            continue;
          }
          const host = { email: person.email, personId: person.id };
          let hostReads = shared.get(control.siteUrl);
          if (hostReads === undefined) {
            hostReads = new HostReads(client, control.siteUrl, host);
            shared.set(control.siteUrl, hostReads);
          }
          reads.push({ control, host, reads: hostReads });
        }
      }
      if (meter) meter.found += reads.length;
      yield* reads;
    }
    if (meter) meter.complete = true;
  }
  await forEachConcurrent(hostReads(), async ({ control, host, reads }) => {
    const handler = hostHandler(control.setting);
    // An error about the entry names its construct path too (the handler knows only the host).
    const declared = control.declared as { path?: string } | undefined;
    const entry = declared?.path === undefined ? undefined : siteSettingEntry(control.siteUrl, control.setting, { path: declared.path });
    const readHost = () => handler.readHost(client, control.siteUrl, host, control.fields, reads).catch((error: unknown) => Promise.reject(entry ? placedOn(error, entry) : error));
    const values = options.unknown ? await options.unknown.read(personTarget(host.email, { siteUrl: control.siteUrl, personId: host.personId }), control.setting, readHost) : await readHost();
    if (values === undefined) {
      if (meter) meter.done++;
      return;
    }
    if (control.converged !== undefined && isConverged(control, values)) control.converged.add(host, values);
    else control.hosts.push({ ...host, values });
    if (meter) meter.done++;
  }, options.concurrency ?? taskFanOut(client));

  const hosts: Record<string, Record<string, ObservedHostSetting>> = {};
  for (const control of controls) {
    const notHosts = [...control.named].filter((email) => !seenHosts.get(control)!.has(email)).sort(compareCodePoints);
    const listed = [...control.hosts].sort((a, b) => compareCodePoints(a.email, b.email));
    (hosts[control.siteUrl] ??= {})[control.setting] = { site: control.site, hosts: listed, ...(control.converged ? { converged: control.converged.summary() } : {}), notHosts };
  }
  return !readsInactive ? { hosts } : { hosts, inactive: inactive.sort((a, b) => compareCodePoints(a.email, b.email)) };
}

const DAY_MS = 86_400_000;
const MOD_256 = 1n << 256n;

/**
 * A digest of a set of hosts that does not depend on the order they were added in (hosts are read
 * concurrently): the sum, modulo 2^256, of each host's sha256.
 */
class ConvergedDigest {
  private count = 0;
  private sum = 0n;

  add(host: HostRef, values: FieldValues): void {
    this.count++;
    const hash = createHash('sha256').update(canonicalJson({ email: host.email, personId: host.personId, values })).digest('hex');
    this.sum = (this.sum + BigInt(`0x${hash}`)) % MOD_256;
  }

  summary(): ConvergedHosts {
    return { count: this.count, digest: this.sum.toString(16).padStart(64, '0') };
  }
}

/** Whether the host already has the declared values; a diff that cannot be made now keeps the host listed, for the planner to report. */
function isConverged(control: HostControl, values: FieldValues): boolean {
  if (control.declared === undefined) return false;
  try {
    return hostHandler(control.setting).diff(control.declared, values, control.site) === undefined;
  } catch {
    return false;
  }
}

/** Active login, a person (not a bot), not exempt, and no activity since the cutoff (or none known). */
function isInactiveCandidate(person: PersonSummary, cutoff: number, exempt: ReadonlySet<string>): boolean {
  if (!person.loginEnabled || exempt.has(person.email) || (person.type !== undefined && person.type !== 'person')) return false;
  if (person.lastActivity === undefined) return true;
  const last = Date.parse(person.lastActivity);
  return Number.isNaN(last) || last <= cutoff;
}

