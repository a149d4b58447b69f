import { compareCodePoints, PreferenceControlKey, PreferenceFlag, SITE_CONTROLS } from '../../manifest';
import type { ObservedHost } from '../../provisioning/observe-fleet';
import { count, ImportNote, SiteControlDeclaration } from './declaration';
import { array, entry, object, ObjectNode, scalar } from './source-node';

interface SiteHosts {
  readonly siteUrl: string;
  readonly hosts: readonly ObservedHost[];
}

/**
 * A per-host control of meeting-preference flags (catalogue `preferences`), as HipaaBaseline props: the
 * HIPAA-safe flags for every host, and the hosts with any flag otherwise as `hosts.exemptEmails` of their
 * site (org-wide on a single-site org), so that the first plan changes nobody. Each such site is a
 * warning: hardening work for a reviewed change.
 */
export function declareHostPreferences(control: PreferenceControlKey, sites: readonly SiteHosts[], multiSite: boolean): SiteControlDeclaration {
  const flags = Object.entries(SITE_CONTROLS[control].preferences as Readonly<Record<string, PreferenceFlag>>);
  const what = flags.map(([field, flag]) => `${field} ${!flag.safe}`).join(' or ');
  const notes: ImportNote[] = [];
  const overrides = new Map<string, ObjectNode>();
  const managedHosts = new Map<string, number>();
  const exemptHosts = new Map<string, number>();
  let orgWide: ObjectNode | undefined;
  for (const site of sites) {
    const unsafe = site.hosts.filter((host) => flags.some(([field, flag]) => (host.values[field] ?? flag.absentMeans) !== flag.safe)).map((host) => host.email).sort(compareCodePoints);
    managedHosts.set(site.siteUrl, site.hosts.length - unsafe.length);
    exemptHosts.set(site.siteUrl, unsafe.length);
    if (unsafe.length === 0) continue;
    notes.push({ level: 'warning', control, siteUrl: site.siteUrl, message: `${unsafe.length} of ${count(site.hosts.length, 'host')} have ${what} and are exempt (hosts.exemptEmails)` });
    const exempt = entry('exemptEmails', array(unsafe.map((email) => scalar(email))), { leading: [`Hosts with ${what} (${count(unsafe.length, 'host')}): exempt, so that the first plan changes nobody.`, 'Remove a host from this list to manage it: the next plan shows the change for review.'] });
    const node = object([entry('hosts', object([exempt]))]);
    if (multiSite) overrides.set(site.siteUrl, node);
    else orgWide = node;
  }
  return { ...(orgWide ? { orgWide } : {}), overrides, unmanaged: new Map(), exemptHosts, managedHosts, notes };
}
