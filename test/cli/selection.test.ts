import { Org } from '../../manifest';
import { parseShard, selectOrgs } from '../../cli/selection';

function org(name: string, sites: number): Org {
  return {
    path: name,
    name,
    settings: {},
    sites: Array.from({ length: sites }, (_, i) => ({ path: `${name}/S${i}`, siteUrl: `${name.toLowerCase()}-${i}.webex.com`, settings: { meetingSecurity: { path: `${name}/S${i}/M`, unlistAllMeetings: true } } })),
  };
}

const ORGS = [org('Alpha', 7), org('Beta', 5), org('Gamma', 1)];
const units = (orgs: Org[]) => orgs.flatMap((o) => o.sites.map((s) => `${o.name}/${s.siteUrl}`));

describe('selection', () => {
  test('--org narrows to one org and fails naming the declared ones', () => {
    expect(selectOrgs(ORGS, { org: 'Beta' }).map((o) => o.name)).toEqual(['Beta']);
    expect(() => selectOrgs(ORGS, { org: 'Delta' })).toThrow('--org "Delta" is not declared; declared orgs: "Alpha", "Beta", "Gamma"');
  });

  test('--site narrows to one site', () => {
    const selected = selectOrgs(ORGS, { site: 'beta-3.webex.com' });
    expect(units(selected)).toEqual(['Beta/beta-3.webex.com']);
    expect(() => selectOrgs(ORGS, { site: 'nowhere.webex.com' })).toThrow(/--site "nowhere.webex.com" is not declared; declared sites: alpha-0.webex.com/);
  });

  test('shards cover every site exactly once, whatever the order of the orgs', () => {
    for (const count of [1, 2, 3, 5]) {
      const all = Array.from({ length: count }, (_, i) => units(selectOrgs(ORGS, { shard: { index: i + 1, count } }))).flat();
      expect(all.sort()).toEqual(units(ORGS).sort());
      const reversed = Array.from({ length: count }, (_, i) => units(selectOrgs([...ORGS].reverse(), { shard: { index: i + 1, count } }))).flat();
      expect(reversed.sort()).toEqual(all.sort());
    }
  });

  test('the same shard always gets the same sites', () => {
    expect(units(selectOrgs(ORGS, { shard: { index: 2, count: 3 } }))).toEqual(units(selectOrgs(ORGS, { shard: { index: 2, count: 3 } })));
  });

  test('--shard is parsed strictly', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/--shard must be i\/n/);
  });
});
