import { Org } from '../../manifest';
import { FieldValues, ObservedOrg, Plan, planChanges } from '../../provisioning';

/** A plan with one weakening change (site A, pinned exactly) and one strengthening change (site B), for renderer tests. */
export function samplePlan(): Plan {
  const org: Org = {
    path: 'demo/Org',
    name: 'Riverside Family Clinic',
    settings: {},
    exceptions: [
      { ruleId: 'WBX.MEET.1v1', reason: 'Walk-in clinic runs open sessions at the front desk', owner: 'it@clinic.example', expires: '2027-03-31', appliesTo: 'a-clinic.webex.com', path: 'demo/Org/A' },
      { ruleId: 'WBX.ADMIN.2v1', reason: 'Second Full Administrator until the IT lead is hired', owner: 'ciso@clinic.example', expires: '2026-11-01', path: 'demo/Org' },
    ],
    sites: [
      { path: 'demo/Org/A', siteUrl: 'a-clinic.webex.com', settings: { meetingSecurity: { path: 'demo/Org/A/Security', joinBeforeHost: true, requireStrongPassword: true, passwordCriteria: { minLength: 8 }, exactFields: ['joinBeforeHost', 'passwordCriteria.minLength'] } } },
      { path: 'demo/Org/B', siteUrl: 'b-clinic.webex.com', settings: { meetingSecurity: { path: 'demo/Org/B/Security', unlistAllMeetings: true, passwordCriteria: { disallowValues: ['password', 'webex'] } } } },
    ],
  };
  return planChanges([org], [observedWith({ 'a-clinic.webex.com': { joinBeforeHost: false, requireStrongPassword: true, 'passwordCriteria.minLength': 12 }, 'b-clinic.webex.com': { unlistAllMeetings: false, requireStrongPassword: true, 'passwordCriteria.disallowValues': ['password'] } })], { now: new Date('2026-11-25T12:00:00Z') });
}

/** A plan with many changed sites, to exercise the markdown size limit. */
export function largePlan(sites: number): Plan {
  const org: Org = {
    path: 'fleet/Org',
    name: 'Health System',
    settings: {},
    sites: Array.from({ length: sites }, (_, i) => ({
      path: `fleet/Org/Site${i}`,
      siteUrl: `site-${String(i).padStart(4, '0')}.webex.com`,
      settings: { meetingSecurity: { path: `fleet/Org/Site${i}/Security`, joinBeforeHost: false, unlistAllMeetings: true, requireLoginBeforeAccess: true } },
    })),
  };
  const live: Record<string, FieldValues> = {};
  for (const site of org.sites) live[site.siteUrl] = { joinBeforeHost: true, unlistAllMeetings: false, requireLoginBeforeAccess: false, audioBeforeHost: false };
  return planChanges([org], [{ name: 'Health System', orgId: 'ORG', sites: Object.fromEntries(Object.entries(live).map(([url, v]) => [url, { meetingSecurity: v }])) }]);
}

function observedWith(sites: Record<string, FieldValues>): ObservedOrg {
  return { name: 'Riverside Family Clinic', orgId: 'ORG1', sites: Object.fromEntries(Object.entries(sites).map(([url, values]) => [url, { meetingSecurity: values }])) };
}
