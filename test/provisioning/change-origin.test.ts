import { HostLobby, MeetingSecurity, Org } from '../../manifest';
import { baselineFromManifest, FieldValues, ObservedOrg, PlanBaseline, planChanges } from '../../provisioning';

const SITE = 'riverside-clinic.webex.com';
const NOW = new Date('2026-12-01T00:00:00Z');

function org(security: Omit<MeetingSecurity, 'path'>, lobby?: Omit<HostLobby, 'path'>): Org {
  return {
    path: 'clinic/Org',
    name: 'Riverside Family Clinic',
    settings: {},
    sites: [
      {
        path: 'clinic/Org/Site',
        siteUrl: SITE,
        settings: { meetingSecurity: { path: 'clinic/Org/Site/Security', ...security }, ...(lobby ? { hostLobby: { path: 'clinic/Org/Site/Lobby', ...lobby } } : {}) },
      },
    ],
  };
}

function observed(security: FieldValues, hosts: Record<string, FieldValues> = {}): ObservedOrg {
  return {
    name: 'Riverside Family Clinic',
    orgId: 'ORG1',
    sites: { [SITE]: { meetingSecurity: security } },
    hosts: { [SITE]: { hostLobby: { site: {}, hosts: Object.entries(hosts).map(([email, values], i) => ({ email, personId: `P${i}`, values })), notHosts: [] } } },
  };
}

const plan = (declared: Org, live: ObservedOrg, baseline?: PlanBaseline) => planChanges([declared], [live], { now: NOW, ...(baseline ? { baseline } : {}) });

describe('the origin of each change', () => {
  test('without a baseline every origin is unknown, never guessed', () => {
    const p = plan(org({ joinBeforeHost: false }), observed({ joinBeforeHost: true }));
    expect(p.baseline).toBe('none');
    expect(p.changes.map((c) => [c.origin, c.fieldOrigins])).toEqual([['unknown', undefined]]);
    expect(p.summary).toMatchObject({ drift: 0, driftWeakening: 0, originUnknown: 1 });
  });

  test('a value the declaration did not change, weakened live, is drift and weakening; the value it did change is from the declaration', () => {
    const before = org({ joinBeforeHost: false, requireLoginBeforeAccess: false });
    const now = org({ joinBeforeHost: false, requireLoginBeforeAccess: true });
    const p = plan(now, observed({ joinBeforeHost: true, requireLoginBeforeAccess: false }), baselineFromManifest([before]));
    expect(p.baseline).toBe('manifest');
    const change = p.changes[0]!;
    expect(change.fieldOrigins).toEqual({ joinBeforeHost: 'drift', requireLoginBeforeAccess: 'declaration' });
    expect(change.origin).toBe('drift');
    expect(change.liveImpact).toBe('weakens');
    expect(change.impact).toBe('strengthens');
    expect(p.summary).toMatchObject({ weakening: 0, drift: 1, driftWeakening: 1, weakerThanDeclared: 1, originUnknown: 0 });
  });

  test('a PR that changes only the declaration: every change is from the declaration, none is drift', () => {
    const p = plan(org({ joinBeforeHost: false }), observed({ joinBeforeHost: true }), baselineFromManifest([org({ joinBeforeHost: true })]));
    expect(p.changes.map((c) => c.origin)).toEqual(['declaration']);
    expect(p.summary).toMatchObject({ drift: 0, driftWeakening: 0, weakerThanDeclared: 1 });
  });

  test('a site, setting or org the baseline does not declare is from the declaration (manifest) or unknown (applied record)', () => {
    const declared = org({ joinBeforeHost: false });
    const live = observed({ joinBeforeHost: true });
    expect(plan(declared, live, { source: 'manifest', orgs: [] }).changes[0]!.origin).toBe('declaration');
    expect(plan(declared, live, { source: 'applied', orgs: [] }).changes[0]!.origin).toBe('unknown');
    expect(plan(declared, live, { source: 'applied', orgs: [{ name: declared.name, sites: {} }] }).changes[0]!.origin).toBe('unknown');
    expect(plan(declared, live, { source: 'applied', orgs: [{ name: declared.name, sites: { [SITE]: {} } }] }).changes[0]!.origin).toBe('declaration');
  });

  test('host lobby: the same declaration, a host weakened live, is drift; a host the baseline exempted is from the declaration', () => {
    const lobby = { personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5 as const } };
    const declared = org({ joinBeforeHost: false }, lobby);
    const live = observed({ joinBeforeHost: false }, {
      'a@clinic.example': { 'personalMeetingRoom.enabledAutoLock': true, 'personalMeetingRoom.autoLockMinutes': 15 },
      'b@clinic.example': { 'personalMeetingRoom.enabledAutoLock': true, 'personalMeetingRoom.autoLockMinutes': 15 },
    });
    const before = org({ joinBeforeHost: false }, { ...lobby, hosts: { exemptEmails: ['b@clinic.example'] } });
    const p = plan(declared, live, baselineFromManifest([before]));
    const byHost = Object.fromEntries(p.changes.map((c) => [c.target.kind === 'person' ? c.target.email : '', [c.origin, c.liveImpact]]));
    expect(byHost).toEqual({ 'a@clinic.example': ['drift', 'weakens'], 'b@clinic.example': ['declaration', 'weakens'] });
  });

  test('a live value stricter than an exact pin: applying weakens, the live value is not weaker than declared', () => {
    const declared = org({ joinBeforeHost: true, exactFields: ['joinBeforeHost'] });
    const p = plan(declared, observed({ joinBeforeHost: false }), baselineFromManifest([declared]));
    expect(p.changes[0]).toMatchObject({ origin: 'drift', impact: 'weakens', liveImpact: 'strengthens' });
    expect(p.summary).toMatchObject({ weakening: 1, drift: 1, driftWeakening: 0, weakerThanDeclared: 0 });
  });

  test('a deny-list that lost an entry live is weaker than declared', () => {
    const declared = org({ requireStrongPassword: true, passwordCriteria: { disallowValues: ['password', 'webex'] } });
    const p = plan(declared, observed({ requireStrongPassword: true, 'passwordCriteria.disallowValues': ['password'] }), baselineFromManifest([declared]));
    expect(p.changes[0]).toMatchObject({ origin: 'drift', liveImpact: 'weakens' });
  });
});
