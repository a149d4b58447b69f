import { Org } from '../../manifest';
import { ObservedOrg, planChanges, renderPlanText } from '../../provisioning';

const NOW = new Date('2026-11-25T12:00:00Z');
const SITES = ['a.webex.com', 'b.webex.com', 'c.webex.com'];
const LOBBY = { path: 'fleet/Org/Baseline/HostLobby', personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5 as const } };
const locked = (minutes: number) => ({ 'personalMeetingRoom.enabledAutoLock': true, 'personalMeetingRoom.autoLockMinutes': minutes });

/** Three sites of one org: every site has hosts locking after 10 minutes, only site c one that never locks. */
function threeSitePlan() {
  const org: Org = { path: 'fleet/Org', name: 'Org', settings: {}, sites: SITES.map((siteUrl) => ({ path: `fleet/Org/${siteUrl}`, siteUrl, settings: { hostLobby: LOBBY } })) };
  const hosts = (siteUrl: string) => [
    { email: `one@${siteUrl}`, personId: `1-${siteUrl}`, values: locked(10) },
    { email: `two@${siteUrl}`, personId: `2-${siteUrl}`, values: locked(10) },
    ...(siteUrl === 'c.webex.com' ? [{ email: 'open@c.webex.com', personId: 'open', values: { 'personalMeetingRoom.enabledAutoLock': false, 'personalMeetingRoom.autoLockMinutes': 10 } }] : []),
  ];
  const observed: ObservedOrg = {
    name: 'Org',
    orgId: 'ORG',
    sites: {},
    hosts: Object.fromEntries(SITES.map((siteUrl) => [siteUrl, { hostLobby: { site: {}, hosts: hosts(siteUrl), notHosts: [] } }])),
    inactive: [],
  };
  return planChanges([org], [observed], { now: NOW });
}

describe('the terminal plan: the hosts of an org in one block', () => {
  const text = renderPlanText(threeSitePlan());

  test('one heading names every site with host changes, and counts them all', () => {
    expect(text).toContain('  # hosts of a.webex.com, b.webex.com, c.webex.com: 7 change(s) in 2 group(s) of identical changes\n');
    expect(text).not.toMatch(/# hosts of a\.webex\.com:/);
  });

  test('a change identical on every site is one group "on all N sites"; one on some sites names them', () => {
    expect(text).toContain('  ~ 6 hosts on all 3 sites: hostLobby personalMeetingRoom.autoLockMinutes 10 -> 5\n');
    expect(text).toContain('  ~ 1 host on c.webex.com: hostLobby personalMeetingRoom.autoLockMinutes 10 -> 5, personalMeetingRoom.enabledAutoLock false -> true\n');
    expect(text).toContain('      # one@a.webex.com, two@a.webex.com, one@b.webex.com and 3 more (--format json lists every one)\n');
  });
});
