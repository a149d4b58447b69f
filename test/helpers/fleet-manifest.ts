import { App } from 'cdktf';
import { buildManifest, HipaaBaseline, MeetingSite, WebexOrg, WebexStack } from '../../constructs';
import { Manifest } from '../../manifest';
import { HEALTH_SYSTEM } from '../../simulator';

/** The simulator's health system hardened with HipaaBaseline: one change per host and site, and more. */
export function fleetManifest(size: { orgs: number; sites: number }): Manifest {
  const stack = new WebexStack(new App(), 'fleet');
  for (let o = 1; o <= size.orgs; o++) {
    const org = new WebexOrg(stack, `Org${o}`, { name: HEALTH_SYSTEM.orgName(o) });
    for (let s = 1; s <= size.sites; s++) new MeetingSite(org, `Site${s}`, { siteUrl: HEALTH_SYSTEM.siteUrl(o, s) });
    new HipaaBaseline(org, 'HipaaBaseline', { adminAccess: { allowedAdmins: [...new Set([HEALTH_SYSTEM.userEmail(o, 0), HEALTH_SYSTEM.adminEmail])] } });
  }
  return buildManifest(stack);
}
