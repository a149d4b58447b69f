import { DEFAULT_E2EE_NAME_CONTAINS, Org, SessionTypeMatch, Site } from '../manifest';
import type { ObservedOrg } from '../provisioning/observe';
import type { ObservedHostSetting } from '../provisioning/observe-fleet';
import { writeOnlyHandler } from '../provisioning/settings/registry';
import { enforcementHash } from '../provisioning/state/enforcement-state';
import { flattenValues } from './declared-subject';
import type { AuditView, ControlView, Instance, SiteSubject, Subject } from './subject';

/**
 * The subject of `assess`: one org as provisioning's handlers read it. Setting values are the values
 * read (site-wide settings once per site, per-host settings once per host); write-only settings are
 * what webex-iac last enforced, or not verifiable; account reviews are facts (who holds admin roles,
 * who is idle, who has MFA off) that the rules judge against the declaration; attestations are the
 * declared ones, since Webex has no API for them.
 *
 * `declared` is the org as the manifest declares it: what a control requires, and which paths to name.
 * `live` may have been observed with more than was declared (assess probes undeclared site controls).
 */
export function observedSubject(declared: Org, live: ObservedOrg, options: { today: string; audit?: AuditView }): Subject {
  const settings = declared.settings;
  const controls: Record<string, ControlView> = {};
  for (const key of ['passwordPolicy', 'mfa'] as const) {
    const entry = settings[key];
    if (entry !== undefined) controls[key] = writeOnlyView(key, entry, live);
  }
  const accounts = {
    ...(settings.adminAccess && live.org?.admins ? { admins: live.org.admins.map((a) => ({ email: a.email, roles: [...a.roles] })) } : {}),
    ...(settings.inactiveAccounts && live.inactive ? { idle: live.inactive.map((a) => ({ email: a.email, lastActivity: a.lastActivity })) } : {}),
    ...(live.org?.mfaUsers ? { mfa: { exposed: live.org.mfaUsers.exposed, withoutMfa: [...live.org.mfaUsers.withoutMfa] } } : {}),
  };
  return {
    mode: 'observed',
    today: options.today,
    org: { name: declared.name, path: declared.path, orgId: live.orgId },
    sites: declared.sites.map((site) => siteSubject(site, live)),
    controls,
    ...(settings.adminAccess ? { adminAccess: settings.adminAccess } : {}),
    ...(settings.inactiveAccounts ? { inactiveAccounts: settings.inactiveAccounts } : {}),
    ...(settings.mfa?.reportUsersWithoutMfa !== undefined ? { reportUsersWithoutMfa: settings.mfa.reportUsersWithoutMfa } : {}),
    ...(settings.attestations ? { attestations: settings.attestations } : {}),
    accounts,
    ...(options.audit ? { audit: options.audit } : {}),
  };
}

function siteSubject(site: Site, live: ObservedOrg): SiteSubject {
  const target = { kind: 'site', siteUrl: site.siteUrl } as const;
  const controls: Record<string, ControlView> = {};
  const security = live.sites[site.siteUrl]?.meetingSecurity;
  if (security !== undefined) controls.meetingSecurity = { path: site.settings.meetingSecurity?.path ?? site.path, instances: [{ target, values: flattenValues(security) }] };
  const hosts = live.hosts?.[site.siteUrl] ?? {};
  const lobby = hosts.hostLobby;
  if (lobby !== undefined) controls.hostLobby = hostView(site.settings.hostLobby?.path ?? site.path, site.siteUrl, lobby);
  const e2ee = hosts.endToEndEncryption;
  if (e2ee !== undefined) controls.endToEndEncryption = hostView(site.settings.endToEndEncryption?.path ?? site.path, site.siteUrl, e2ee);
  const match = site.settings.endToEndEncryption?.sessionType ?? { nameContains: DEFAULT_E2EE_NAME_CONTAINS };
  return {
    siteUrl: site.siteUrl,
    path: site.path,
    controls,
    ...(e2ee !== undefined ? { e2eeSessionTypeIds: (e2ee.site.sessionTypes ?? []).filter((t) => matches(t, match)).map((t) => t.id) } : {}),
  };
}

function hostView(path: string, siteUrl: string, observed: ObservedHostSetting): ControlView {
  return { path, instances: observed.hosts.map((host): Instance => ({ target: { kind: 'host', siteUrl, email: host.email }, values: flattenValues(host.values) })) };
}

/** Whether a session type is the one a declaration names (names compared case-insensitively). */
function matches(type: { name?: string; shortName?: string }, match: SessionTypeMatch): boolean {
  const lower = (value: string | undefined) => (value ?? '').toLowerCase();
  if ('shortName' in match) return lower(type.shortName) === lower(match.shortName);
  if ('name' in match) return lower(type.name) === lower(match.name);
  return lower(type.name).includes(lower(match.nameContains));
}

/**
 * A write-only setting in the live org: the declared values when webex-iac's last enforcement of this
 * org wrote exactly them (evidence: when), else not verifiable, since Webex cannot be asked.
 */
function writeOnlyView(setting: 'passwordPolicy' | 'mfa', declared: { path: string }, live: ObservedOrg): ControlView {
  const target = { kind: 'org' } as const;
  const { path, ...fields } = declared as { path: string } & Record<string, unknown>;
  const values = flattenValues(setting === 'mfa' ? { mfaEnabled: fields.mfaEnabled } : fields);
  const record = live.org?.enforced?.[setting];
  if (record === undefined || record === null) {
    return { path, instances: [{ target, values, unverifiable: `${setting} was never enforced by webex-iac for this org (no record in the state folder) and Webex has no API to read it: run webex-iac apply` }] };
  }
  if (record.sha256 !== enforcementHash(writeOnlyHandler(setting).desired(declared))) {
    return { path, instances: [{ target, values, unverifiable: `the declared ${setting} differs from what webex-iac last enforced on ${record.enforcedAt.slice(0, 10)}, and Webex has no API to read it: run webex-iac apply` }] };
  }
  return { path, instances: [{ target, values, evidence: `enforced by webex-iac on ${record.enforcedAt.slice(0, 10)} (trackingId ${record.trackingId})` }] };
}
