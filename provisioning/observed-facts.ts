import type { Org } from '../manifest';
import type { HostFact, ObservedFacts, SiteFacts, WriteOnlyFact } from '../policies/facts';
import type { ObservedOrg } from './observe';
import { WRITE_ONLY_HANDLERS, writeOnlyHandler } from './settings/registry';
import { enforcementHash } from './state/enforcement-state';

/**
 * The facts the policy rules judge (policies/facts.ts), from what provisioning read of one org. The
 * write-only settings are compared here with what webex-iac last enforced, since only provisioning
 * knows how a declaration becomes the values it enforces (and hashes).
 */
export function observedFacts(declared: Org, live: ObservedOrg): ObservedFacts {
  const sites: Record<string, SiteFacts> = {};
  for (const siteUrl of new Set([...Object.keys(live.sites), ...Object.keys(live.hosts ?? {})])) {
    const hostControls: Record<string, readonly HostFact[]> = {};
    let sessionTypes: SiteFacts['sessionTypes'];
    for (const [setting, observed] of Object.entries(live.hosts?.[siteUrl] ?? {})) {
      hostControls[setting] = observed.hosts.map((host) => ({ email: host.email, values: host.values }));
      sessionTypes ??= observed.site.sessionTypes;
    }
    sites[siteUrl] = { controls: live.sites[siteUrl] ?? {}, hostControls, ...(sessionTypes === undefined ? {} : { sessionTypes }) };
  }
  const writeOnly: Record<string, WriteOnlyFact> = {};
  for (const setting of Object.keys(WRITE_ONLY_HANDLERS)) {
    const entry = declared.settings[setting as keyof typeof WRITE_ONLY_HANDLERS];
    if (entry === undefined) continue;
    const record = live.org?.enforced?.[setting];
    // What the admin audit log says since the enforcement: another admin's change is never "enforced".
    const audit = live.org?.writeOnlyAudit?.[setting];
    if (record === undefined || record === null) writeOnly[setting] = { state: 'never-enforced' };
    else if (record.sha256 !== enforcementHash(writeOnlyHandler(setting).desired(entry))) writeOnly[setting] = { state: 'differs', enforcedAt: record.enforcedAt };
    else if (audit?.state === 'changed') writeOnly[setting] = { state: 'changed-since', enforcedAt: record.enforcedAt, by: audit.event.actorEmail || audit.event.actorName, at: audit.event.at };
    else writeOnly[setting] = { state: 'enforced', enforcedAt: record.enforcedAt, trackingId: record.trackingId };
  }
  return {
    orgId: live.orgId,
    sites,
    writeOnly,
    ...(live.org?.admins ? { admins: live.org.admins.map((a) => ({ email: a.email, roles: [...a.roles] })) } : {}),
    ...(live.inactive ? { idle: live.inactive.map((a) => ({ email: a.email, lastActivity: a.lastActivity })) } : {}),
    ...(live.org?.mfaUsers ? { mfaUsers: live.org.mfaUsers } : {}),
  };
}
