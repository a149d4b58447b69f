import { IConstruct } from 'constructs';
import { MANIFEST_FORMAT_VERSION, Manifest, Org, OrgSettings, Site, SiteSettings } from '../manifest/schema';
import { parseManifest } from '../manifest/load';
import { IBaselineControl } from './baseline-control';
import { duplicateOrgName } from './errors';
import { Exceptions } from './exceptions';
import { HipaaBaseline } from './hipaa-baseline';
import { MeetingSite } from './meeting-site';
import { OrgControl } from './org-setting';
import { WebexOrg } from './webex-org';
import { compareCodePoints } from '../manifest/compare';

/**
 * The manifest of `stack`: every WebexOrg below it (sorted by name) with its sites (sorted by siteUrl)
 * and the settings they declare, each entry carrying the `node.path` of the construct that declared it.
 * A site's settings are those of the org's HipaaBaseline controls, overridden key by key by the site's
 * own setting constructs; the org's settings likewise, overridden by the org's own OrgControls. Only declared (or defaulted) values appear.
 *
 * Pure: reads the tree as it is now and writes nothing. Fails with a ValidationError on a problem
 * that needs the whole tree (duplicate org names, baseline overrides naming unknown sites), and the
 * result is validated with ManifestSchema.
 */
export function buildManifest(stack: IConstruct): Manifest {
  const orgs = stack.node.findAll().filter((c): c is WebexOrg => WebexOrg.isWebexOrg(c));
  const byName = new Map<string, WebexOrg>();
  for (const org of orgs) {
    const existing = byName.get(org.name);
    if (existing !== undefined) throw duplicateOrgName(org.name, existing, org);
    byName.set(org.name, org);
  }

  const manifest: Manifest = {
    formatVersion: MANIFEST_FORMAT_VERSION,
    stack: stack.node.id,
    orgs: orgs.map(orgEntry).sort((a, b) => compareCodePoints(a.name, b.name)),
  };
  return parseManifest(manifest, `manifest of stack ${JSON.stringify(stack.node.id)}`);
}

/**
 * The manifest entry of one org, validated as it is in the stack's manifest: what the org's apply
 * resource hashes for its trigger (cheaper than building the whole manifest once per org).
 */
export function buildOrgEntry(org: WebexOrg): Org {
  const single = { formatVersion: MANIFEST_FORMAT_VERSION, stack: org.node.path, orgs: [orgEntry(org)] };
  return parseManifest(single, `manifest entry of org ${JSON.stringify(org.name)}`).orgs[0]!;
}

function orgEntry(org: WebexOrg): Org {
  const controls = HipaaBaseline.of(org)?.controls ?? [];
  for (const control of controls) {
    const [problem] = control.synthProblems?.(org) ?? [];
    if (problem !== undefined) throw problem;
  }

  const settings: OrgSettings = {};
  for (const control of controls) Object.assign(settings, control.orgSettings?.(org));
  for (const explicit of OrgControl.explicitOf(org)) Object.assign(settings, { [explicit.orgSettingKey]: explicit.renderOrgSetting() });

  const entry: Org = {
    path: org.node.path,
    name: org.name,
    settings,
    sites: MeetingSite.sitesOf(org).map((site) => siteEntry(site, controls)),
  };
  if (org.orgId !== undefined) entry.orgId = org.orgId;
  const exceptions = Exceptions.of(org);
  if (exceptions.length > 0) entry.exceptions = exceptions;
  return entry;
}

function siteEntry(site: MeetingSite, controls: readonly IBaselineControl[]): Site {
  const settings: SiteSettings = {};
  for (const control of controls) Object.assign(settings, control.siteSettings?.(site));
  for (const setting of site.explicitSettings) Object.assign(settings, { [setting.siteSettingKey]: setting.renderSiteSetting() });
  return { path: site.node.path, siteUrl: site.siteUrl, settings };
}

