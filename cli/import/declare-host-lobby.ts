import { HOST_LOBBY_DEFAULTS, HostLobbyProps, HostLobbySettings, resolveHostLobby } from '../../constructs/host-lobby-settings';
import type { FieldValues } from '../../provisioning';
import type { ObservedHost } from '../../provisioning/observe-fleet';
import { hostLobbyHandler } from '../../provisioning/settings/host-lobby';
import { best, count, hipaaNote, ImportNote, PROBE_SCOPE, sameJson, SiteControlDeclaration, tryDeclare } from './declaration';
import { array, entry, object, ObjectEntry, ObjectNode, scalar, SourceNode } from './source-node';
import { compareCodePoints } from '../../manifest';

/** The host lobby values of one host, as HostLobby props (autoLockMinutes only while auto-lock is on). */
interface LobbyValue {
  readonly enabledAutoLock: boolean;
  readonly autoLockMinutes?: number;
  readonly enabledNotifyHost: boolean;
  readonly enabledJoinBeforeHost: boolean;
}

const FIELDS = {
  enabledAutoLock: 'personalMeetingRoom.enabledAutoLock',
  autoLockMinutes: 'personalMeetingRoom.autoLockMinutes',
  enabledNotifyHost: 'personalMeetingRoom.enabledNotifyHost',
  enabledJoinBeforeHost: 'schedulingOptions.enabledJoinBeforeHost',
} as const;

type Lobby = Omit<HostLobbySettings, 'hosts'>;

interface SiteHosts {
  readonly siteUrl: string;
  readonly hosts: readonly ObservedHost[];
}

interface SiteGroups {
  readonly siteUrl: string;
  readonly hosts: readonly ObservedHost[];
  /** The value most hosts share; undefined when no host has a value the constructs can declare. */
  readonly common?: LobbyValue;
  readonly commonHosts: number;
}

/**
 * Every host's lobby (personal room auto-lock and lobby notification, join before host) as HipaaBaseline
 * props. On each site the value most hosts share is declared (the org-wide `hostLobby` holds the value most
 * sites share, `hostLobbySiteOverrides` what differs per site) and each host with another value is listed
 * in `hosts.exemptEmails`, grouped and commented by what differs: it is then never read nor changed, so
 * the first plan is empty, and removing it from the list is the reviewed hardening step. A site where no
 * host's value can be declared is left unmanaged.
 */
export function declareHostLobby(sites: readonly SiteHosts[], multiSite: boolean): SiteControlDeclaration {
  const notes: ImportNote[] = [];
  const unmanaged = new Map<string, string>();
  const grouped = sites.map(groupSite);
  for (const site of grouped) {
    if (site.common === undefined && site.hosts.length > 0) {
      const reasons = [...new Set(site.hosts.map((h) => candidate(h.values)).filter((c): c is { ok: false; reason: string } => !c.ok).map((c) => c.reason))];
      unmanaged.set(site.siteUrl, `no host's lobby can be declared as it is: ${reasons.join('; ')}`);
      notes.push({ level: 'warning', control: 'hostLobby', siteUrl: site.siteUrl, message: `left unmanaged: no host's lobby can be declared as it is (${reasons.join('; ')})` });
    }
  }
  const withValue = grouped.filter((s): s is SiteGroups & { common: LobbyValue } => s.common !== undefined);
  const orgWideValue = multiSite ? mostCommonAmongSites(withValue) : withValue[0]?.common;

  // The org-wide props, then each site's override over them. An org-wide lock delay would reach a site
  // whose hosts have auto-lock off (HostLobby declares the delay whenever a layer sets it): without it,
  // or without org-wide props at all, every site's value is reachable.
  let plan: { orgWide: HostLobbyProps; overrides: Map<string, HostLobbyProps> } | undefined;
  for (const orgWide of candidatesForOrgWide(orgWideValue)) {
    const overrides = new Map<string, HostLobbyProps>();
    let reachable = true;
    for (const site of withValue) {
      const props = differences(site.common, resolvedValue(orgWide));
      if (!sameJson(resolve([orgWide, props]), resolve([site.common]))) reachable = false;
      if (Object.keys(props).length > 0) overrides.set(site.siteUrl, props);
    }
    if (reachable) {
      plan = { orgWide, overrides };
      break;
    }
  }
  if (plan === undefined) throw new Error('internal error: no org-wide host lobby reaches every site');

  const managedHosts = new Map<string, number>();
  const exemptHosts = new Map<string, number>();
  const siteNodes = new Map<string, { props: HostLobbyProps; exempt?: SourceNode }>();
  for (const site of withValue) {
    const props = plan.overrides.get(site.siteUrl) ?? {};
    const declared = resolve([plan.orgWide, props]);
    const exempt = site.hosts.filter((host) => hostLobbyHandler.diff({ path: 'import', ...declared }, host.values, {}) !== undefined);
    managedHosts.set(site.siteUrl, site.hosts.length - exempt.length);
    exemptHosts.set(site.siteUrl, exempt.length);
    const groups = exemptGroups(exempt, declared);
    if (exempt.length > 0) {
      const summary = groups.map((g) => `${g.emails.length} with ${g.description}`).join('; ');
      notes.push({
        level: 'warning',
        control: 'hostLobby',
        siteUrl: site.siteUrl,
        message: `${exempt.length} of ${count(site.hosts.length, 'host')} differ from the site's common lobby values and are exempt (hosts.exemptEmails: not read or changed until removed from the list): ${summary}`,
      });
    }
    siteNodes.set(site.siteUrl, { props, ...(exempt.length > 0 ? { exempt: exemptNode(groups) } : {}) });
  }

  const overrides = new Map<string, ObjectNode>();
  let orgWideNode = lobbyNode(plan.orgWide);
  if (multiSite) {
    for (const [siteUrl, { props, exempt }] of [...siteNodes].sort(([a], [b]) => compareCodePoints(a, b))) {
      const node = withHosts(lobbyNode(props), exempt);
      if (node.entries.length > 0) overrides.set(siteUrl, node);
    }
  } else {
    const only = [...siteNodes.values()][0];
    orgWideNode = withHosts(orgWideNode, only?.exempt);
  }
  const leading = [multiSite ? "Each host's personal room lobby and join-before-host, as most sites have them; only values that differ from the HIPAA defaults." : "Each host's personal room lobby and join-before-host, as most hosts have them; only values that differ from the HIPAA defaults."];
  const orgWide = orgWideNode.entries.length > 0 ? { ...orgWideNode, leading } : undefined;
  return { ...(orgWide ? { orgWide } : {}), overrides, unmanaged, exemptHosts, managedHosts, notes };
}

/** A host's value, or why the constructs cannot declare it. */
function candidate(values: FieldValues): { ok: true; value: LobbyValue } | { ok: false; reason: string } {
  const autoLock = values[FIELDS.enabledAutoLock];
  const minutes = values[FIELDS.autoLockMinutes];
  if (autoLock === true && (minutes === null || minutes === undefined)) return { ok: false, reason: 'personal room auto-lock on without a lock delay (Webex returned none)' };
  const value = {
    enabledAutoLock: autoLock,
    ...(autoLock === true ? { autoLockMinutes: minutes } : {}),
    enabledNotifyHost: values[FIELDS.enabledNotifyHost],
    enabledJoinBeforeHost: values[FIELDS.enabledJoinBeforeHost],
  } as LobbyValue;
  const checked = tryDeclare(() => resolveHostLobby([{ owner: 'HostLobby', prefix: '', props: value }], PROBE_SCOPE));
  return checked.ok ? { ok: true, value } : checked;
}

function groupSite(site: SiteHosts): SiteGroups {
  const byKey = new Map<string, { value: LobbyValue; hosts: number }>();
  for (const host of site.hosts) {
    const c = candidate(host.values);
    if (!c.ok) continue;
    const key = JSON.stringify(c.value);
    const group = byKey.get(key) ?? { value: c.value, hosts: 0 };
    group.hosts++;
    byKey.set(key, group);
  }
  const groups = [...byKey.entries()].sort(([a], [b]) => compareCodePoints(a, b)).map(([, g]) => g);
  const top = best(groups, (g) => [g.hosts, closeness(g.value)]);
  return { siteUrl: site.siteUrl, hosts: site.hosts, ...(top ? { common: top.value } : {}), commonHosts: top?.hosts ?? 0 };
}

/** The value the most sites share; ties go to more hosts, then to the value closest to the HIPAA defaults. */
function mostCommonAmongSites(sites: readonly (SiteGroups & { common: LobbyValue })[]): LobbyValue | undefined {
  const byKey = new Map<string, { value: LobbyValue; sites: number; hosts: number }>();
  for (const site of sites) {
    const key = JSON.stringify(site.common);
    const group = byKey.get(key) ?? { value: site.common, sites: 0, hosts: 0 };
    group.sites++;
    group.hosts += site.commonHosts;
    byKey.set(key, group);
  }
  const groups = [...byKey.entries()].sort(([a], [b]) => compareCodePoints(a, b)).map(([, g]) => g);
  return best(groups, (g) => [g.sites, g.hosts, closeness(g.value)])?.value;
}

/** The org-wide props to try, in order: the common value, the same without its lock delay, nothing. */
function candidatesForOrgWide(value: LobbyValue | undefined): HostLobbyProps[] {
  if (value === undefined) return [{}];
  const props = differences(value, resolvedValue({}));
  const { autoLockMinutes: _minutes, ...withoutMinutes } = props;
  return [props, withoutMinutes, {}];
}

/** How many fields equal the HIPAA defaults: breaks ties towards the safer value. */
function closeness(value: LobbyValue): number {
  return (Object.keys(HOST_LOBBY_DEFAULTS) as (keyof LobbyValue)[]).filter((k) => value[k] === HOST_LOBBY_DEFAULTS[k]).length;
}

/** What a layer of props resolves to, as the values the next layer is compared with. */
function resolvedValue(props: HostLobbyProps): Required<LobbyValue> {
  return {
    enabledAutoLock: props.enabledAutoLock ?? HOST_LOBBY_DEFAULTS.enabledAutoLock,
    autoLockMinutes: props.autoLockMinutes ?? HOST_LOBBY_DEFAULTS.autoLockMinutes,
    enabledNotifyHost: props.enabledNotifyHost ?? HOST_LOBBY_DEFAULTS.enabledNotifyHost,
    enabledJoinBeforeHost: props.enabledJoinBeforeHost ?? HOST_LOBBY_DEFAULTS.enabledJoinBeforeHost,
  };
}

/** The props that turn `base` into `value` (the lock delay only where auto-lock is on). */
function differences(value: LobbyValue, base: Required<LobbyValue>): HostLobbyProps {
  const props: Record<string, unknown> = {};
  if (value.enabledAutoLock !== base.enabledAutoLock) props.enabledAutoLock = value.enabledAutoLock;
  if (value.enabledAutoLock && value.autoLockMinutes !== base.autoLockMinutes) props.autoLockMinutes = value.autoLockMinutes;
  if (value.enabledNotifyHost !== base.enabledNotifyHost) props.enabledNotifyHost = value.enabledNotifyHost;
  if (value.enabledJoinBeforeHost !== base.enabledJoinBeforeHost) props.enabledJoinBeforeHost = value.enabledJoinBeforeHost;
  return props as HostLobbyProps;
}

function resolve(layers: readonly HostLobbyProps[]): Lobby {
  const { hosts: _hosts, ...lobby } = resolveHostLobby(layers.map((props) => ({ owner: 'HipaaBaseline', prefix: '', props })), PROBE_SCOPE);
  return lobby;
}

/** Exempt hosts grouped by what differs from the declared lobby, largest group first. */
function exemptGroups(hosts: readonly ObservedHost[], declared: Lobby): { description: string; emails: string[] }[] {
  const byDescription = new Map<string, string[]>();
  for (const host of hosts) {
    const c = candidate(host.values);
    const description = c.ok ? describeDifference(c.value, declared) : `a value that cannot be declared: ${c.reason}`;
    const emails = byDescription.get(description) ?? [];
    emails.push(host.email);
    byDescription.set(description, emails);
  }
  return [...byDescription.entries()]
    .map(([description, emails]) => ({ description, emails: [...emails].sort(compareCodePoints) }))
    .sort((a, b) => b.emails.length - a.emails.length || compareCodePoints(a.description, b.description));
}

/** What differs between a host's value and the declared one, in words. */
function describeDifference(value: LobbyValue, declared: Lobby): string {
  const room = declared.personalMeetingRoom ?? {};
  const parts: string[] = [];
  if (value.enabledAutoLock !== room.enabledAutoLock) parts.push(`personal room auto-lock ${value.enabledAutoLock ? `on after ${value.autoLockMinutes} minutes` : 'off'}`);
  else if (value.enabledAutoLock && room.autoLockMinutes !== undefined && value.autoLockMinutes !== room.autoLockMinutes) parts.push(`personal room auto-lock after ${value.autoLockMinutes} minutes`);
  if (value.enabledNotifyHost !== room.enabledNotifyHost) parts.push(`lobby notification ${value.enabledNotifyHost ? 'on' : 'off'}`);
  if (value.enabledJoinBeforeHost !== declared.schedulingOptions?.enabledJoinBeforeHost) parts.push(`join before host ${value.enabledJoinBeforeHost ? 'on' : 'off'}`);
  return parts.join(', ') || 'a value the handler reads differently';
}

function exemptNode(groups: readonly { description: string; emails: string[] }[]): SourceNode {
  const items = groups.flatMap((g) => g.emails.map((email, i) => (i === 0 ? { ...scalar(email), leading: [`${g.description} (${count(g.emails.length, 'host')})`] } : scalar(email))));
  return array(items);
}

function withHosts(node: ObjectNode, exempt: SourceNode | undefined): ObjectNode {
  if (exempt === undefined) return node;
  const hosts = object([entry('exemptEmails', exempt)], {
    leading: ['Hosts whose lobby differs from these values: exempt, so that the first plan changes nothing.', 'Remove a host from this list to manage it: the next plan shows the change for review.'],
  });
  return object([...node.entries, entry('hosts', hosts)], { ...(node.leading ? { leading: node.leading } : {}) });
}

function lobbyNode(props: HostLobbyProps): ObjectNode {
  const entries: ObjectEntry[] = [];
  for (const key of ['enabledAutoLock', 'autoLockMinutes', 'enabledNotifyHost', 'enabledJoinBeforeHost'] as const) {
    const value = props[key];
    if (value !== undefined) entries.push(entry(key, scalar(value, hipaaNote(value, HOST_LOBBY_DEFAULTS[key]))));
  }
  return object(entries);
}
