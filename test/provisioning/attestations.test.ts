import { Attestations, Org } from '../../manifest';
import { attestationStatuses, planChanges, renderPlanText } from '../../provisioning';

const RECORD = { attestedBy: 'Jane Doe', attestedOn: '2026-01-10', reference: 'TICKET-42', expires: '2027-01-10' };

function attestations(overrides: Partial<Attestations> = {}): Attestations {
  return {
    path: 'clinic/Org/Baseline/Attestations',
    required: ['messageRetention', 'idleTimeout', 'businessAssociateAgreement'],
    messageRetention: { ...RECORD, details: { retentionDays: 2190 } },
    idleTimeout: { ...RECORD, expires: '2026-12-01', details: { idleTimeoutMinutes: 15 } },
    ...overrides,
  };
}

describe('attestations', () => {
  test('valid, expiring within 30 days, expired, missing; never applied', () => {
    const statuses = attestationStatuses('Clinic', { ...attestations(), dataResidency: { ...RECORD, expires: '2026-11-25', details: { region: 'United States' } } }, '2026-11-25');
    expect(statuses.map((s) => [s.control, s.status, s.required])).toEqual([
      ['messageRetention', 'valid', true],
      ['idleTimeout', 'expiring', true],
      ['dataResidency', 'expired', false],
      ['businessAssociateAgreement', 'missing', true],
    ]);
    expect(statuses[0]).toEqual({
      org: 'Clinic',
      control: 'messageRetention',
      title: 'Message retention of at least 6 years',
      status: 'valid',
      attestedBy: 'Jane Doe',
      attestedOn: '2026-01-10',
      expires: '2027-01-10',
      reference: 'TICKET-42',
      details: { retentionDays: 2190 },
      required: true,
      path: 'clinic/Org/Baseline/Attestations',
    });
  });

  test('the day before the 30-day window it is still valid; on the expiry date it is expired', () => {
    const one = (expires: string, today: string) => attestationStatuses('C', attestations({ required: [], messageRetention: { ...RECORD, expires, details: { retentionDays: 2190 } }, idleTimeout: undefined }), today)[0]!.status;
    expect(one('2027-01-10', '2026-12-11')).toBe('expiring');
    expect(one('2027-01-10', '2026-12-10')).toBe('valid');
    expect(one('2027-01-10', '2027-01-09')).toBe('expiring');
    expect(one('2027-01-10', '2027-01-10')).toBe('expired');
  });

  test('a plan lists them after the changes and counts them, and they never make changes', () => {
    const org: Org = { path: 'o', name: 'Clinic', settings: { attestations: attestations() }, sites: [] };
    const plan = planChanges([org], [{ name: 'Clinic', orgId: 'ORG', sites: {} }], { now: new Date('2026-11-25T08:00:00Z') });
    expect(plan.changes).toEqual([]);
    expect(plan.summary.attestations).toEqual({ valid: 1, expiring: 1, expired: 0, missing: 1 });
    const text = renderPlanText(plan);
    // The summary is the last line, after what a reviewer must still look at.
    expect(text).toMatch(/\nNo changes\.[^\n]*\n$/);
    expect(text).toMatch(/Attestations \(1 valid, 1 expiring, 0 expired, 1 missing\)/);
    expect(text).toMatch(/missing +businessAssociateAgreement: Business Associate Agreement with Cisco\n +# not attested \(required\)/);
    expect(text).toMatch(/never applied by webex-iac/);
    expect(text.split('\n').filter((line) => /^ {2}\S/.test(line)).map((line) => line.trim().split(/\s+/)[0])).toEqual(['expiring', 'missing', 'valid']);
  });
});
