import { DEFAULT_SESSION_TYPE_MATCH, matchesSessionType, Org, Site, SITE_CONTROL_KEYS, SITE_CONTROLS, WRITE_ONLY_CONTROL_KEYS, WriteOnlyControlKey } from '../manifest';
import { controlFields, flattenValues } from './declared-subject';
import type { HostFact, ObservedFacts } from './facts';
import type { AuditView, ControlView, Instance, SiteSubject, Subject } from './subject';

/**
 * The subject of `assess`: one org as provisioning read it, handed over as plain facts. Setting values
 * are the values read (site-wide settings once per site, per-host settings once per host); write-only
 * settings are what webex-iac last enforced, or not verifiable; account reviews are facts (who holds
 * admin roles, who is idle, who has MFA off) that the rules judge against the declaration; attestations
 * are the declared ones, since Webex has no API for them.
 *
 * `declared` is the org as the manifest declares it: what a control requires, and which paths to name.
 * `facts` may hold more than was declared (assess probes undeclared site controls).
 */
export function observedSubject(declared: Org, facts: ObservedFacts, options: { today: string; audit?: AuditView }): Subject {
  const settings = declared.settings;
  const controls: Record<string, ControlView> = {};
  for (const key of WRITE_ONLY_CONTROL_KEYS) {
    const entry = settings[key];
    if (entry !== undefined) controls[key] = writeOnlyView(key, entry, facts);
  }
  const accounts = {
    ...(settings.adminAccess && facts.admins ? { admins: facts.admins.map((a) => ({ email: a.email, roles: [...a.roles] })) } : {}),
    ...(settings.inactiveAccounts && facts.idle ? { idle: facts.idle.map((a) => ({ email: a.email, lastActivity: a.lastActivity })) } : {}),
    ...(facts.mfaUsers ? { mfa: { exposed: facts.mfaUsers.exposed, withoutMfa: [...facts.mfaUsers.withoutMfa] } } : {}),
  };
  return {
    mode: 'observed',
    today: options.today,
    org: { name: declared.name, path: declared.path, orgId: facts.orgId },
    sites: declared.sites.map((site) => siteSubject(site, facts)),
    controls,
    ...(settings.adminAccess ? { adminAccess: settings.adminAccess } : {}),
    ...(settings.inactiveAccounts ? { inactiveAccounts: settings.inactiveAccounts } : {}),
    ...(settings.mfa?.reportUsersWithoutMfa !== undefined ? { reportUsersWithoutMfa: settings.mfa.reportUsersWithoutMfa } : {}),
    ...(settings.attestations ? { attestations: settings.attestations } : {}),
    accounts,
    ...(options.audit ? { audit: options.audit } : {}),
  };
}

function siteSubject(site: Site, facts: ObservedFacts): SiteSubject {
  const target = { kind: 'site', siteUrl: site.siteUrl } as const;
  const controls: Record<string, ControlView> = {};
  const read = facts.sites[site.siteUrl];
  for (const key of SITE_CONTROL_KEYS) {
    const path = site.settings[key]?.path ?? site.path;
    if (SITE_CONTROLS[key].scope === 'host') {
      const hosts = read?.hostControls[key];
      if (hosts !== undefined) controls[key] = hostView(path, site.siteUrl, hosts);
    } else {
      const values = read?.controls[key];
      if (values !== undefined) controls[key] = { path, instances: [{ target, values: flattenValues(values) }] };
    }
  }
  const e2ee = read?.hostControls.endToEndEncryption;
  const match = site.settings.endToEndEncryption?.sessionType ?? DEFAULT_SESSION_TYPE_MATCH;
  return {
    siteUrl: site.siteUrl,
    path: site.path,
    controls,
    ...(e2ee !== undefined ? { e2eeSessionTypeIds: (read?.sessionTypes ?? []).filter((t) => matchesSessionType(t, match)).map((t) => t.id) } : {}),
    ...(read?.removedRecordings !== undefined ? { removedRecordings: read.removedRecordings } : {}),
  };
}

function hostView(path: string, siteUrl: string, hosts: readonly HostFact[]): ControlView {
  return { path, instances: hosts.map((host): Instance => ({ target: { kind: 'host', siteUrl, email: host.email }, values: flattenValues(host.values) })) };
}

/**
 * A write-only setting in the live org: the declared values when webex-iac's last enforcement of this
 * org wrote exactly them (evidence: when), else not verifiable, since Webex cannot be asked.
 */
function writeOnlyView(setting: WriteOnlyControlKey, declared: { path: string }, facts: ObservedFacts): ControlView {
  const target = { kind: 'org' } as const;
  const path = declared.path;
  const values = controlFields(setting, declared);
  const fact = facts.writeOnly[setting] ?? { state: 'never-enforced' };
  switch (fact.state) {
    case 'never-enforced':
      return { path, instances: [{ target, values, unverifiable: `${setting} was never enforced by webex-iac for this org (no record in the state folder) and Webex has no API to read it: run webex-iac apply` }] };
    case 'differs':
      return { path, instances: [{ target, values, unverifiable: `the declared ${setting} differs from what webex-iac last enforced on ${fact.enforcedAt.slice(0, 10)}, and Webex has no API to read it: run webex-iac apply` }] };
    case 'changed-since':
      return { path, instances: [{ target, values, unverifiable: `${setting} was changed in Control Hub by ${fact.by} at ${fact.at}, after webex-iac enforced it on ${fact.enforcedAt.slice(0, 10)}: run webex-iac apply` }] };
    case 'enforced':
      return { path, instances: [{ target, values, evidence: `enforced by webex-iac on ${fact.enforcedAt.slice(0, 10)} (trackingId ${fact.trackingId})` }] };
  }
}
