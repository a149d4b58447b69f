import { Attestations, buildManifest, HipaaBaseline } from '../../constructs';
import { ATTESTATION_CONTROLS } from '../../manifest';
import { clinicSite } from './fixtures';

const BY = { attestedBy: 'Jane Doe, Privacy Officer', attestedOn: '2026-01-10', reference: 'COMPLIANCE-123', expires: '2027-01-10' };

describe('Attestations', () => {
  test('Compliance: the baseline requires every attestation; given ones are recorded with their details', () => {
    const { stack, org } = clinicSite();
    new HipaaBaseline(org, 'Baseline', { attestations: { messageRetention: { ...BY, retentionDays: 2555 }, businessAssociateAgreement: { ...BY, plan: 'Enterprise', productsCovered: ['Webex Meetings'], signedOn: '2025-12-01' } } });
    const entry = buildManifest(stack).orgs[0]!.settings.attestations!;
    expect(entry.required).toEqual(ATTESTATION_CONTROLS);
    expect(entry.path).toBe('clinic/Org/Baseline/Attestations');
    expect(entry.messageRetention).toEqual({ ...BY, details: { retentionDays: 2555 } });
    expect(entry.businessAssociateAgreement).toEqual({ ...BY, details: { plan: 'Enterprise', productsCovered: ['Webex Meetings'], signedOn: '2025-12-01' } });
    expect(entry.idleTimeout).toBeUndefined();
  });

  test('an explicit Attestations may require fewer', () => {
    const { stack, org } = clinicSite();
    new Attestations(org, 'Attested', { required: ['businessAssociateAgreement'] });
    expect(buildManifest(stack).orgs[0]!.settings.attestations).toEqual({ path: 'clinic/Org/Attested', required: ['businessAssociateAgreement'] });
  });

  test.each<[string, object, string]>([
    ['Noncompliance 1: retention under 6 years', { messageRetention: { ...BY, retentionDays: 365 } }, 'Attestations messageRetention.retentionDays must be at least 2190 days (6 years, 45 CFR 164.316(b)(2)), received: 365'],
    ['Noncompliance 2: an idle timeout outside Control Hub\'s range', { idleTimeout: { ...BY, idleTimeoutMinutes: 5 } }, 'Attestations idleTimeout.idleTimeoutMinutes must be at least 10, received: 5'],
    ['Noncompliance 3: an expiry before the attestation', { ssoEnforcement: { ...BY, expires: '2025-01-01', identityProvider: 'Okta' } }, 'Attestations ssoEnforcement.expires must be after ssoEnforcement.attestedOn (2026-01-10), received: "2025-01-01"'],
    ['Noncompliance 4: a date that does not exist', { dataResidency: { ...BY, attestedOn: '2026-02-30', region: 'US' } }, 'Attestations dataResidency.attestedOn must be a date as YYYY-MM-DD, received: "2026-02-30"'],
    ['Noncompliance 5: no reference to the evidence', { aiAssistantCoverage: { attestedBy: 'x', attestedOn: '2026-01-01', expires: '2027-01-01', status: 'disabled' } }, 'Attestations aiAssistantCoverage.reference must be a non-empty string, received: undefined'],
    ['Noncompliance 6: a lobby policy that lets unauthenticated users in', { siteLobbyPolicy: { ...BY, unauthenticatedUsers: 'admitted' } }, 'Attestations siteLobbyPolicy.unauthenticatedUsers must be one of "lobby", "blocked", received: "admitted"'],
    ['Noncompliance 7: a BAA that covers nothing', { businessAssociateAgreement: { ...BY, plan: 'x', productsCovered: [], signedOn: '2026-01-01' } }, 'Attestations businessAssociateAgreement.productsCovered must be a list of at least 1 item(s), received: []'],
    ['Noncompliance 8: a detail of another control', { recordingAccess: { ...BY, retentionDays: 2190 } }, 'Attestations recordingAccess.retentionDays is not a known setting, allowed: accessRestrictedTo, attestedBy, attestedOn, downloadAllowed, expires, reference'],
    ['Noncompliance 9: an unknown control required', { required: ['retention'] }, 'Attestations required[0] must name a known attestation, received: "retention", allowed: messageRetention'],
  ])('fails on %s', (_, props, message) => {
    const { org } = clinicSite();
    expect(() => new Attestations(org, 'Attested', props as never)).toThrow(message);
  });
});
