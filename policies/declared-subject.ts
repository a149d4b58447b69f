import { flatten, HostSelection, Org, ORG_CONTROLS, SITE_CONTROL_KEYS, SITE_CONTROLS, WRITE_ONLY_CONTROL_KEYS } from '../manifest';
import type { JudgedValue } from './rule';
import type { ControlView, SiteSubject, Subject, Target, Values } from './subject';

/**
 * The subject of `check`: an org exactly as the manifest declares it. A declared control becomes one
 * instance whose values are the declared fields (dotted names); a per-host control's instance stands
 * for every host it selects, and carries the selection as `hosts`.
 */
export function declaredSubject(org: Org, today: string): Subject {
  const settings = org.settings;
  const controls: Record<string, ControlView> = {};
  for (const key of WRITE_ONLY_CONTROL_KEYS) {
    const entry = settings[key];
    if (entry !== undefined) controls[key] = { path: entry.path, instances: [{ target: { kind: 'org' }, values: controlFields(key, entry) }] };
  }
  return {
    mode: 'declared',
    today,
    org: { name: org.name, path: org.path, ...(org.orgId ? { orgId: org.orgId } : {}) },
    sites: org.sites.map((site): SiteSubject => {
      const target: Target = { kind: 'site', siteUrl: site.siteUrl };
      const siteControls: Record<string, ControlView> = {};
      for (const key of SITE_CONTROL_KEYS) {
        const entry: { readonly path: string; readonly hosts?: HostSelection } | undefined = site.settings[key];
        if (entry === undefined) continue;
        siteControls[key] = declaredControl(SITE_CONTROLS[key].scope === 'host' ? { ...entry, hosts: selection(entry.hosts) } : entry, target);
      }
      return { siteUrl: site.siteUrl, path: site.path, controls: siteControls };
    }),
    controls,
    ...(settings.adminAccess ? { adminAccess: settings.adminAccess } : {}),
    ...(settings.inactiveAccounts ? { inactiveAccounts: settings.inactiveAccounts } : {}),
    ...(settings.mfa?.reportUsersWithoutMfa !== undefined ? { reportUsersWithoutMfa: settings.mfa.reportUsersWithoutMfa } : {}),
    ...(settings.attestations ? { attestations: settings.attestations } : {}),
  };
}

/** One instance holding the declared fields, flattened to dotted names (lists and `hosts` stay whole). */
function declaredControl(declared: { readonly path: string; readonly [field: string]: unknown }, target: Target): ControlView {
  const { path, ...fields } = declared;
  return { path, instances: [{ target, values: flattenValues(fields) }] };
}

/** `{a: {b: 1}}` → `{'a.b': 1}`; lists, the `hosts` selection and a `sessionType` match stay values. */
export function flattenValues(value: Readonly<Record<string, unknown>>, prefix = ''): Values {
  return flatten<JudgedValue>(value, prefix, WHOLE_VALUES);
}

/** Declared objects that are one value each, not groups of fields. */
const WHOLE_VALUES = ['hosts', 'sessionType'];

/**
 * The values of an org control the subject judges: its catalogued fields (a write-only control's
 * enforced values), flattened, in declaration order; options such as mfa's reportUsersWithoutMfa are not values.
 */
export function controlFields(key: keyof typeof ORG_CONTROLS, declared: { readonly path: string }): Values {
  const { path: _path, ...fields } = declared as { path: string } & Record<string, unknown>;
  const catalogued: Readonly<Record<string, unknown>> = ORG_CONTROLS[key].fields;
  return Object.fromEntries(Object.entries(flattenValues(fields)).filter(([field]) => Object.hasOwn(catalogued, field)));
}

/** The host selection as a value: `"all hosts"`, or the declared emails / domains / exemptions. */
function selection(hosts: HostSelection | undefined): JudgedValue {
  if (hosts === undefined || (hosts.emails === undefined && hosts.emailDomains === undefined && (hosts.exemptEmails ?? []).length === 0)) return 'all hosts';
  return JSON.parse(JSON.stringify(hosts)) as JudgedValue;
}
