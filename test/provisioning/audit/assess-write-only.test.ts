import { untrusted } from '../../../manifest/text';
import type { Org } from '../../../manifest';
import { enforcementHash, ObservedOrg } from '../../../provisioning';
import { observedFacts } from '../../../provisioning/observed-facts';

const MFA = { path: 'clinic/Org/Mfa', mfaEnabled: true };
const org: Org = { path: 'clinic/Org', name: 'Clinic', settings: { mfa: MFA }, sites: [] } as Org;
const record = { sha256: enforcementHash({ mfaEnabled: true }), enforcedAt: '2026-11-01T00:00:00.000Z', trackingId: 'T' };
const live = (writeOnlyAudit: NonNullable<ObservedOrg['org']>['writeOnlyAudit']): ObservedOrg => ({ name: 'Clinic', orgId: 'O', sites: {}, org: { enforced: { mfa: record }, writeOnlyAudit } });

describe('assess facts of a write-only setting judge the admin audit log too', () => {
  test('changed by another admin since webex-iac enforced it: never "enforced"', () => {
    const event = { actorName: untrusted('IT Lead'), actorEmail: untrusted('it.lead@partner.example'), actorId: untrusted('P'), at: untrusted('2026-11-20T10:00:00.000Z'), trackingId: untrusted('A'), category: untrusted('ORG'), description: untrusted('Authentication settings updated') };
    expect(observedFacts(org, live({ mfa: { state: 'changed', event } })).writeOnly.mfa).toEqual({ state: 'changed-since', enforcedAt: record.enforcedAt, by: 'it.lead@partner.example', at: '2026-11-20T10:00:00.000Z' });
  });

  test('no change in the log: enforced, as before', () => {
    expect(observedFacts(org, live({ mfa: { state: 'unchanged' } })).writeOnly.mfa).toMatchObject({ state: 'enforced' });
  });
});
