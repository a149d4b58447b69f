import { EndToEndEncryptionProps } from '../../constructs/end-to-end-encryption-settings';
import { compareCodePoints, DEFAULT_E2EE_NAME_CONTAINS, DEFAULT_SESSION_TYPE_MATCH, matchesSessionType } from '../../manifest';
import type { SessionType } from '../../provisioning/client/schemas/session-types';
import type { ObservedHostSetting } from '../../provisioning/observe-fleet';
import { count, ImportNote, SiteControlDeclaration } from './declaration';
import { array, entry, object, ObjectEntry, ObjectNode, scalar } from './source-node';

interface SiteE2ee {
  readonly siteUrl: string;
  readonly observed: ObservedHostSetting | undefined;
}

/** How a site's E2EE session type is named in props: by default (name contains …), short name, or name. */
type Naming = Pick<EndToEndEncryptionProps, 'sessionTypeShortName' | 'sessionTypeName'>;

interface Decided {
  readonly siteUrl: string;
  readonly naming: Naming;
  readonly type: SessionType;
  /** `exemptEmails` (most hosts have the type) or `emails` (a minority has it); absent: every host has it. */
  readonly hosts?: { readonly exemptEmails: string[] } | { readonly emails: string[] };
  readonly managed: number;
  readonly exempt: number;
}

/**
 * Each site's end-to-end encryption session type as HipaaBaseline props. The control only ever adds the
 * type, so what exists is reproduced by selecting the hosts that have it: every host but those without it
 * (`hosts.exemptEmails`) when most have it, only those with it (`hosts.emails`) otherwise. A site where no
 * host has it, or whose E2EE session type cannot be named unambiguously, is left unmanaged: declaring it
 * would assign the type to every host, or fail the plan.
 */
export function declareEndToEndEncryption(sites: readonly SiteE2ee[], multiSite: boolean): SiteControlDeclaration {
  const notes: ImportNote[] = [];
  const unmanaged = new Map<string, string>();
  const decided: Decided[] = [];
  for (const site of sites) {
    const result = decideSite(site);
    if ('reason' in result) {
      unmanaged.set(site.siteUrl, result.reason);
      notes.push({ level: 'warning', control: 'endToEndEncryption', siteUrl: site.siteUrl, message: `left unmanaged: ${result.reason}` });
      continue;
    }
    decided.push(result);
    if (result.hosts !== undefined && 'emails' in result.hosts) {
      notes.push({
        level: 'warning',
        control: 'endToEndEncryption',
        siteUrl: site.siteUrl,
        message: `only ${result.managed} of ${count(result.managed + result.exempt, 'host')} have the E2EE session type ${describe(result.type)}: the declaration selects those by email, and the ${result.exempt} others are not managed`,
      });
    } else if (result.exempt > 0) {
      notes.push({
        level: 'warning',
        control: 'endToEndEncryption',
        siteUrl: site.siteUrl,
        message: `${result.exempt} of ${count(result.managed + result.exempt, 'host')} lack the E2EE session type ${describe(result.type)} and are exempt (hosts.exemptEmails)`,
      });
    }
  }

  // Org-wide: the naming every managed site shares (the default needs no props); per site what differs.
  const namings = [...new Set(decided.map((d) => JSON.stringify(d.naming)))];
  const sharedNaming: Naming = namings.length === 1 ? (JSON.parse(namings[0]!) as Naming) : {};
  const overrides = new Map<string, ObjectNode>();
  let orgWide: ObjectNode = namingNode(sharedNaming);
  for (const site of [...decided].sort((a, b) => compareCodePoints(a.siteUrl, b.siteUrl))) {
    const naming = JSON.stringify(site.naming) === JSON.stringify(sharedNaming) ? {} : site.naming;
    const node = object([...namingNode(naming).entries, ...hostsEntries(site)]);
    if (!multiSite) orgWide = object([...orgWide.entries, ...hostsEntries(site)]);
    else if (node.entries.length > 0) overrides.set(site.siteUrl, node);
  }
  const managedHosts = new Map(decided.map((d) => [d.siteUrl, d.managed]));
  const exemptHosts = new Map(decided.map((d) => [d.siteUrl, d.exempt]));
  const leading = ["Each host's end-to-end encryption session type: the hosts that have it, as imported."];
  return { ...(orgWide.entries.length > 0 ? { orgWide: { ...orgWide, leading } } : {}), overrides, unmanaged, exemptHosts, managedHosts, notes };
}

function decideSite(site: SiteE2ee): Decided | { reason: string } {
  const observed = site.observed;
  if (observed === undefined) return { reason: 'the hosts\' session types were not read' };
  const types = observed.site.sessionTypes ?? [];
  const named = types.filter((t) => matchesSessionType(t, DEFAULT_SESSION_TYPE_MATCH));
  const holders = (type: SessionType) => observed.hosts.filter((h) => (h.values.sessionTypeIds as string[] | undefined)?.includes(type.id) ?? false);
  const listed = types.map(describe).join(', ') || 'none';

  let type: SessionType;
  let naming: Naming = {};
  if (named.length === 1) {
    type = named[0]!;
  } else if (named.length === 0) {
    return { reason: `the site has no session type whose name contains "${DEFAULT_E2EE_NAME_CONTAINS}" (its session types: ${listed}); enable end-to-end encryption on the site in Control Hub, or name its type with sessionTypeShortName` };
  } else {
    // Several: the one hosts have, if exactly one of them has the most holders.
    const counts = named.map((t) => ({ t, n: holders(t).length })).sort((a, b) => b.n - a.n || compareCodePoints(a.t.id, b.t.id));
    if (counts[0]!.n === 0 || counts[0]!.n === counts[1]!.n) {
      return { reason: `${named.length} session types have a name containing "${DEFAULT_E2EE_NAME_CONTAINS}" (${named.map(describe).join(', ')}) and the hosts do not show which one is used; name it with sessionTypeShortName` };
    }
    type = counts[0]!.t;
    const sameShort = types.filter((t) => t.shortName !== undefined && matchesSessionType(t, { shortName: type.shortName ?? '' }));
    const sameName = types.filter((t) => matchesSessionType(t, { name: type.name ?? '' }));
    if (type.shortName && sameShort.length === 1) naming = { sessionTypeShortName: type.shortName };
    else if (type.name && sameName.length === 1) naming = { sessionTypeName: type.name };
    else return { reason: `the E2EE session type ${describe(type)} cannot be named unambiguously among the site's session types (${listed})` };
  }

  const having = holders(type).map((h) => h.email).sort(compareCodePoints);
  const has = new Set(having);
  const lacking = observed.hosts.map((h) => h.email).filter((email) => !has.has(email)).sort(compareCodePoints);
  if (observed.hosts.length === 0) return { siteUrl: site.siteUrl, naming, type, managed: 0, exempt: 0 };
  if (having.length === 0) {
    return { reason: `no host has the site's E2EE session type ${describe(type)} (declaring it would assign it to all ${count(observed.hosts.length, 'host')})` };
  }
  if (lacking.length === 0) return { siteUrl: site.siteUrl, naming, type, managed: having.length, exempt: 0 };
  if (having.length >= lacking.length) return { siteUrl: site.siteUrl, naming, type, hosts: { exemptEmails: lacking }, managed: having.length, exempt: lacking.length };
  return { siteUrl: site.siteUrl, naming, type, hosts: { emails: having }, managed: having.length, exempt: lacking.length };
}

function namingNode(naming: Naming): ObjectNode {
  const entries: ObjectEntry[] = [];
  if (naming.sessionTypeShortName !== undefined) entries.push(entry('sessionTypeShortName', scalar(naming.sessionTypeShortName)));
  if (naming.sessionTypeName !== undefined) entries.push(entry('sessionTypeName', scalar(naming.sessionTypeName)));
  return object(entries);
}

function hostsEntries(site: Decided): ObjectEntry[] {
  const hosts = site.hosts;
  if (hosts === undefined) return [];
  if ('exemptEmails' in hosts) {
    return [entry('hosts', object([entry('exemptEmails', array(hosts.exemptEmails.map((e) => scalar(e))))], { leading: [`Hosts without the E2EE session type (${count(hosts.exemptEmails.length, 'host')}): exempt, so that the first plan assigns it to nobody.`] }))];
  }
  return [entry('hosts', object([entry('emails', array(hosts.emails.map((e) => scalar(e))))], { leading: [`Only the hosts that have the E2EE session type (${count(hosts.emails.length, 'host')}); the others are not managed yet.`] }))];
}

function describe(type: SessionType): string {
  return `${JSON.stringify(type.name ?? '')}${type.shortName ? ` (${type.shortName})` : ''}`;
}
