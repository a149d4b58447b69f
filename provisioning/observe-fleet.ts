import { Org } from '../manifest';
import { WebexClient } from './client/webex-client';
import { forEachConcurrent } from './concurrency';
import { isHostOf, isSelected, peoplePages, PersonSummary } from './people/people-directory';
import { FieldValues } from './plan';
import { HostRef, HostSiteContext } from './settings/host-setting-handler';
import { hostHandler, isHostSetting } from './settings/registry';

/** One selected host and the normalized values of the declared fields. */
export interface ObservedHost {
  readonly email: string;
  readonly personId: string;
  readonly values: FieldValues;
}

/** What a per-host setting read on one site. */
export interface ObservedHostSetting {
  readonly site: HostSiteContext;
  /** Selected hosts, by email. */
  readonly hosts: ObservedHost[];
  /** Emails the declaration selects by name that are not hosts of the site. */
  readonly notHosts: string[];
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
  readonly declared: unknown;
  readonly site: HostSiteContext;
  readonly hosts: ObservedHost[];
}

/**
 * One pass over the org's people (GET /v1/people, page by page) that feeds every per-host control and
 * the inactive-account review. Each selected host's reads start as soon as its page arrives, at most
 * `concurrency` at a time (provisioning/concurrency.ts). Exempt and unselected hosts are never read.
 */
export async function observeFleet(client: WebexClient, org: Org, orgId: string, options: { readonly now: Date; readonly concurrency?: number }): Promise<FleetObservation | undefined> {
  const controls: HostControl[] = [];
  for (const site of org.sites) {
    for (const [setting, declared] of Object.entries(site.settings).sort(([a], [b]) => compare(a, b))) {
      if (declared === undefined || !isHostSetting(setting)) continue;
      controls.push({ siteUrl: site.siteUrl, setting, declared, site: await hostHandler(setting).readSite(client, site.siteUrl), hosts: [] });
    }
  }
  const inactiveDeclared = org.settings.inactiveAccounts;
  if (controls.length === 0 && inactiveDeclared === undefined) return undefined;

  const cutoff = inactiveDeclared === undefined ? undefined : options.now.getTime() - inactiveDeclared.inactiveDays * DAY_MS;
  const exempt = new Set(inactiveDeclared?.exemptEmails ?? []);
  const inactive: ObservedAccount[] = [];
  const seenHosts = new Map<HostControl, Set<string>>(controls.map((c) => [c, new Set<string>()]));

  async function* hostReads(): AsyncGenerator<{ control: HostControl; host: HostRef }> {
    for await (const page of peoplePages(client, orgId)) {
      for (const person of page) {
        if (cutoff !== undefined && isInactiveCandidate(person, cutoff, exempt)) {
          inactive.push({ email: person.email, personId: person.id, lastActivity: person.lastActivity ?? null, unsendablePhoneTypes: person.unsendablePhoneTypes });
        }
        for (const control of controls) {
          if (!isHostOf(person, control.siteUrl)) continue;
          seenHosts.get(control)!.add(person.email);
          if (isSelected(hostHandler(control.setting).hosts(control.declared), person.email)) yield { control, host: { email: person.email, personId: person.id } };
        }
      }
    }
  }
  await forEachConcurrent(hostReads(), async ({ control, host }) => {
    const handler = hostHandler(control.setting);
    const values = await handler.readHost(client, control.siteUrl, host, handler.fields(control.declared));
    control.hosts.push({ ...host, values });
  }, options.concurrency);

  const hosts: Record<string, Record<string, ObservedHostSetting>> = {};
  for (const control of controls) {
    const named = hostHandler(control.setting).hosts(control.declared)?.emails ?? [];
    const notHosts = named.filter((email) => !seenHosts.get(control)!.has(email)).sort(compare);
    (hosts[control.siteUrl] ??= {})[control.setting] = { site: control.site, hosts: [...control.hosts].sort((a, b) => compare(a.email, b.email)), notHosts };
  }
  return inactiveDeclared === undefined ? { hosts } : { hosts, inactive: inactive.sort((a, b) => compare(a.email, b.email)) };
}

const DAY_MS = 86_400_000;

/** Active login, a person (not a bot), not exempt, and no activity since the cutoff (or none known). */
function isInactiveCandidate(person: PersonSummary, cutoff: number, exempt: ReadonlySet<string>): boolean {
  if (!person.loginEnabled || exempt.has(person.email) || (person.type !== undefined && person.type !== 'person')) return false;
  if (person.lastActivity === undefined) return true;
  const last = Date.parse(person.lastActivity);
  return Number.isNaN(last) || last <= cutoff;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
