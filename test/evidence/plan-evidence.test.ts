import { AppliedChange, Plan } from '../../provisioning';
import { nextPagePath as nextPageForTest } from '../../provisioning/client/link-header';
import { applyEvidence, planEvidence } from '../../provisioning/evidence';
import { clinicManifest } from '../helpers/clinic-manifest';

const SITE = 'riverside-clinic.webex.com';

function change(setting: string, path: string) {
  return { org: 'Riverside Family Clinic', target: { kind: 'site', siteUrl: SITE }, setting, action: 'update', path, before: { a: true }, after: { a: false }, impact: 'strengthens' };
}

const security = change('meetingSecurity', 'clinic/RiversideClinic/MainSite/MeetingSecurity');
const lobby = change('hostLobby', 'clinic/RiversideClinic/MainSite/HostLobby');
const plan = { orgs: ['Riverside Family Clinic'], changes: [security, lobby] } as unknown as Plan;

describe('what plan and apply put in the evidence log', () => {
  test('a plan lists each declared control as compliant or not, by its construct path', () => {
    const [org] = planEvidence({ orgs: ['Riverside Family Clinic'], changes: [] } as unknown as Plan, clinicManifest().orgs);
    expect(org!.details.controls).toEqual([{ control: 'meetingSecurity', target: `site ${SITE}`, path: 'clinic/RiversideClinic/MainSite/MeetingSecurity', status: 'compliant' }]);
    const [changed] = planEvidence(plan, clinicManifest().orgs);
    expect(changed!.details.controls).toEqual([expect.objectContaining({ control: 'meetingSecurity', status: 'non-compliant' })]);
    expect(changed!.changes.map((c) => [c.control, c.target, c.impact])).toEqual([
      ['meetingSecurity', `site ${SITE}`, 'strengthens'],
      ['hostLobby', `site ${SITE}`, 'strengthens'],
    ]);
  });

  test('a failed apply still records what was written, and what was not with the error', () => {
    const applied: AppliedChange[] = [{ change: security, trackingId: 'WEBEX_IAC_1', readBack: { a: false } } as unknown as AppliedChange];
    const [org] = applyEvidence(plan, applied, new Error('PUT … answered 400: bad'));
    expect(org!.changes).toEqual([{ control: 'meetingSecurity', target: `site ${SITE}`, path: security.path, before: { a: true }, after: { a: false }, trackingId: 'WEBEX_IAC_1', verified: true }]);
    expect(org!.details).toMatchObject({ outcome: 'failed', planned: 2, applied: 1, error: 'PUT … answered 400: bad', notApplied: [expect.objectContaining({ control: 'hostLobby' })] });
    expect(org!.details.controls).toEqual([
      expect.objectContaining({ control: 'meetingSecurity', status: 'compliant', note: 'written and read back' }),
      expect.objectContaining({ control: 'hostLobby', status: 'error', note: 'not applied: never sent' }),
    ]);
  });

  test('a control that changes nothing but found something is not compliant', () => {
    const finding = { org: 'Riverside Family Clinic', kind: 'unexpected-admin', target: { kind: 'person', email: 'x@y.example' }, setting: 'meetingSecurity', detail: 'd', path: security.path };
    const [org] = planEvidence({ orgs: plan.orgs, changes: [], findings: [finding] } as unknown as Plan, clinicManifest().orgs);
    expect(org!.details.controls).toEqual([expect.objectContaining({ control: 'meetingSecurity', status: 'non-compliant', note: '1 finding(s): unexpected-admin' })]);
  });

  test('per-host writes are summed up per control and site, not one row per host', () => {
    const host = (email: string) => ({ ...lobby, target: { kind: 'person', email, siteUrl: SITE } });
    const applied = ['a@x.example', 'b@x.example', 'c@x.example'].map((email, i) => ({ change: host(email), trackingId: `T${i}`, readBack: { a: false } }) as unknown as AppliedChange);
    const [org] = applyEvidence({ orgs: plan.orgs, changes: applied.map((a) => a.change) } as unknown as Plan, applied);
    expect(org!.changes).toHaveLength(3);
    expect(org!.details.controls).toEqual([{ control: 'hostLobby', target: `site ${SITE}`, path: lobby.path, status: 'compliant', note: '3 host(s) written and read back' }]);
  });

  test('a write whose read-back differs is recorded as not verified', () => {
    const applied = [{ change: security, trackingId: 'WEBEX_IAC_2', readBack: { a: true } } as unknown as AppliedChange];
    const [org] = applyEvidence({ orgs: plan.orgs, changes: [security] } as unknown as Plan, applied);
    expect(org!.changes[0]).toMatchObject({ verified: false, after: { a: true } });
    expect(org!.details).toMatchObject({ outcome: 'applied' });
  });

  test('Link headers: rel lists, unquoted rel, several links, and pages outside the API', () => {
    const origin = 'https://webexapis.com';
    expect(nextPageForTest('<https://webexapis.com/v1/a?cursor=2>; rel="prev", <https://webexapis.com/v1/a?cursor=3>; rel="next last"', origin)).toBe('/v1/a?cursor=3');
    expect(nextPageForTest('</v1/a?cursor=3>; rel=next', origin)).toBe('/v1/a?cursor=3');
    expect(nextPageForTest('<https://webexapis.com/v1/a?cursor=1>; rel="prev"', origin)).toBeUndefined();
    expect(nextPageForTest(undefined, origin)).toBeUndefined();
    expect(String(nextPageForTest('<https://webexapis.com/elsewhere>; rel="next"', origin))).toMatch(/outside the API/);
    expect(String(nextPageForTest('<https://evil.example/v1/a>; rel="next"', origin))).toMatch(/on another host \(https:\/\/evil.example\)/);
  });
});
