import { Org, PREFERENCE_CONTROL_KEYS, PREFERENCE_SECTIONS } from '../../manifest';
import type { SimulatorSnapshot } from '../../simulator';

/** What a run left in the simulator, judged against the manifest alone (not against what webex-iac thinks). */
export interface StateVerdict {
  /** Declared values that are not in the simulator after the run: `path: found … expected …`. */
  readonly wrong: string[];
  /** Values the run changed that no selected org declares (host PINs, co-hosts, other session types, people, other orgs and sites…). */
  readonly undeclared: string[];
}

/**
 * Compares the simulator's state before and after a run, leaf by leaf, with what the selected orgs of
 * the manifest declare. Written from the manifest's schema and the simulator's own data, sharing no
 * code with provisioning/, so it can catch what the tool's own read-back would miss.
 *
 * Declared, per selected org: the password policy and MFA (org, write-only); per declared site, the
 * meeting security fields of the site's common settings; per host of the site who belongs to the org,
 * the declared personal-room and scheduling fields, and the E2EE session type added to the host's
 * others. Anything else that changed is undeclared.
 */
export function judgeState(orgs: readonly Org[], before: SimulatorSnapshot, after: SimulatorSnapshot): StateVerdict {
  const wrong: string[] = [];
  const allowed = new Set<string>();
  /** Session types may change only by gaining the E2EE type: checked per host, below. */
  const sessionTypes = new Map<string, { site: string; personId: string; e2eType: string }>();
  const expect = (path: string, found: unknown, expected: unknown) => {
    allowed.add(path);
    if (!sameJson(found, expected)) wrong.push(`${path}: found ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
  };

  for (const org of orgs) {
    const record = Object.values(after.organizations).find((o) => o.organization.displayName === org.name);
    if (record === undefined) {
      wrong.push(`organization ${JSON.stringify(org.name)}: not in the simulator`);
      continue;
    }
    const orgId = record.organization.id;
    const at = `organizations/${orgId}`;
    const policy = org.settings.passwordPolicy;
    if (policy) {
      const declared: Record<string, unknown> = {
        minimumNumeric: policy.minimumNumeric,
        minimumCapAlpha: policy.minimumCapAlpha,
        minimumLowAlpha: policy.minimumLowAlpha,
        minimumSpecial: policy.minimumSpecial,
        minimumLength: policy.minimumLength,
        historyCount: policy.historyCount,
        maxPasswordAge: policy.maxPasswordAgeDays,
        notAcceptableStrings: policy.notAcceptableStrings?.join(','),
      };
      for (const [field, value] of Object.entries(declared)) {
        if (value === undefined) continue;
        expect(`${at}/passwordPolicy/${field}`, record.passwordPolicy[field as keyof typeof record.passwordPolicy], String(value));
      }
    }
    if (org.settings.mfa?.mfaEnabled !== undefined) {
      expect(`${at}/authenticationConfig/mfaEnabled`, record.authenticationConfig.mfaEnabled, org.settings.mfa.mfaEnabled);
    }
    if (org.settings.adminAccess?.revokeUnexpected || org.settings.inactiveAccounts?.deactivate) {
      throw new Error(`the chaos suite does not judge people changes (revokeUnexpected, deactivate) yet: ${org.name}`);
    }

    for (const site of org.sites) {
      const key = site.siteUrl.toLowerCase();
      const siteAfter = after.sites[key];
      if (siteAfter === undefined) {
        wrong.push(`sites/${key}: not in the simulator`);
        continue;
      }
      const security = site.settings.meetingSecurity;
      if (security) {
        const { path: _path, passwordCriteria, ...fields } = security;
        const options = siteAfter.commonSettings.securityOptions as unknown as Record<string, unknown>;
        for (const [field, value] of Object.entries(fields)) {
          expect(`sites/${key}/commonSettings/securityOptions/${field}`, options[field], value);
        }
        for (const [field, value] of Object.entries(passwordCriteria ?? {})) {
          expect(`sites/${key}/commonSettings/securityOptions/passwordCriteria/${field}`, (options.passwordCriteria as Record<string, unknown>)[field], value);
        }
      }
      const lobby = site.settings.hostLobby;
      const e2e = site.settings.endToEndEncryption;
      // The per-host controls of meeting-preference flags: each declared flag, under its section.
      const flagControls = PREFERENCE_CONTROL_KEYS.map((control) => site.settings[control] as (Record<string, unknown> & { hosts?: unknown }) | undefined).filter((entry) => entry !== undefined);
      if (lobby?.hosts || e2e?.hosts || flagControls.some((entry) => entry.hosts)) throw new Error(`the chaos suite judges only "every host" selections: ${site.path}`);
      const e2eType = e2e === undefined ? undefined : e2eSessionType(siteAfter.sessionTypes, e2e.sessionType);
      for (const [personId, host] of Object.entries(after.hosts[key] ?? {})) {
        if (after.people[personId]?.person.orgId !== orgId) continue;
        const hostAt = `hosts/${key}/${personId}`;
        for (const [field, value] of Object.entries(lobby?.personalMeetingRoom ?? {})) {
          expect(`${hostAt}/personalMeetingRoom/${field}`, (host.personalMeetingRoom as unknown as Record<string, unknown>)[field], value);
        }
        for (const [field, value] of Object.entries(lobby?.schedulingOptions ?? {})) {
          expect(`${hostAt}/schedulingOptions/${field}`, (host.schedulingOptions as unknown as Record<string, unknown>)[field], value);
        }
        for (const entry of flagControls) {
          for (const section of PREFERENCE_SECTIONS) {
            for (const [field, value] of Object.entries((entry[section] as Record<string, unknown> | undefined) ?? {})) {
              expect(`${hostAt}/${section}/${field}`, (host[section] as unknown as Record<string, unknown>)[field], value);
            }
          }
        }
        if (e2e !== undefined) {
          if (e2eType === undefined) {
            wrong.push(`sites/${key}: no session type matches ${JSON.stringify(e2e.sessionType ?? {})}`);
          } else {
            sessionTypes.set(`${hostAt}/sessionTypeIds`, { site: key, personId, e2eType });
            if (!host.sessionTypeIds.includes(e2eType)) wrong.push(`${hostAt}/sessionTypeIds: found ${JSON.stringify(host.sessionTypeIds)}, missing the E2EE type ${e2eType}`);
          }
        }
      }
    }
  }

  const undeclared: string[] = [];
  for (const [path, was, now] of leafChanges(stateOf(before), stateOf(after))) {
    if (allowed.has(path) || sessionTypes.has(path)) continue;
    undeclared.push(`${path}: was ${JSON.stringify(was)}, now ${JSON.stringify(now)}`);
  }
  // Session types: the host keeps every type it had and gains the E2EE one, nothing else.
  for (const [path, { site, personId, e2eType }] of sessionTypes) {
    const had = before.hosts[site]?.[personId]?.sessionTypeIds ?? [];
    const has = after.hosts[site]?.[personId]?.sessionTypeIds ?? [];
    const expected = new Set([...had, e2eType]);
    const removed = had.filter((id) => !has.includes(id));
    const added = has.filter((id) => !expected.has(id));
    if (removed.length > 0 || added.length > 0) {
      undeclared.push(`${path}: was ${JSON.stringify(had)}, now ${JSON.stringify(has)} (${removed.length > 0 ? `lost ${removed.join(', ')}` : ''}${removed.length > 0 && added.length > 0 ? '; ' : ''}${added.length > 0 ? `gained ${added.join(', ')}` : ''})`);
    }
  }
  return { wrong, undeclared };
}

/** The site's E2EE session type id as the manifest finds it (by short name, name, or a name fragment). */
function e2eSessionType(types: readonly { id: string; shortName: string; name: string }[], match: Record<string, string> | undefined): string | undefined {
  const lower = (s: string) => s.toLowerCase();
  const found = types.filter((t) => {
    if (match?.shortName !== undefined) return lower(t.shortName) === lower(match.shortName);
    if (match?.name !== undefined) return lower(t.name) === lower(match.name);
    return lower(t.name).includes(lower(match?.nameContains ?? 'End to End Encryption'));
  });
  return found.length === 1 ? found[0]!.id : undefined;
}

/** The state a run may touch: everything but the audit trail, which every write grows. */
function stateOf(snapshot: SimulatorSnapshot): unknown {
  const { adminAudit: _audit, ...state } = snapshot;
  return state;
}

/** Every leaf (or whole array) that differs between two JSON values, with its path (keys joined by `/`: site URLs have dots). */
export function leafChanges(a: unknown, b: unknown, path = ''): [string, unknown, unknown][] {
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((key) => leafChanges(a[key], b[key], path === '' ? key : `${path}/${key}`));
  }
  return sameJson(a, b) ? [] : [[path, a, b]];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
