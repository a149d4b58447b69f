import { AuditEventsCollected } from '../../../policies/rules/audit/AuditEventsCollected';
import { AiAssistantCovered } from '../../../policies/rules/gov/AiAssistantCovered';
import { BusinessAssociateAgreement } from '../../../policies/rules/gov/BusinessAssociateAgreement';
import { DataResidencyAttested } from '../../../policies/rules/gov/DataResidencyAttested';
import { RecordingAccessRestricted } from '../../../policies/rules/rec/RecordingAccessRestricted';
import { RecordingDownloadsOff } from '../../../policies/rules/rec/RecordingDownloadsOff';
import { MessageRetentionSixYears } from '../../../policies/rules/ret/MessageRetentionSixYears';
import { RecordingRetentionSixYears } from '../../../policies/rules/ret/RecordingRetentionSixYears';
import { declared, failures, judge, observed } from '../fixtures';

describe('Rule: Admin and sign-in audit events were collected within 30 days', () => {
  const rule = AuditEventsCollected;
  test('Compliance', () => {
    expect(judge(rule, observed()).status).toBe('pass');
  });
  test('Not applicable: the declaration cannot show it (check)', () => {
    expect(judge(rule, declared()).status).toBe('not-applicable');
  });
  test('Noncompliance 1: never collected', () => {
    expect(failures(judge(rule, observed(() => {}, () => {}, { collectedTo: {} })))).toEqual(['WBX.AUDIT.1v1: admin-audit events were never collected; security-audit events were never collected']);
  });
  test('Noncompliance 2: the last collection is 45 days old', () => {
    const result = judge(rule, observed(() => {}, () => {}, { collectedTo: { 'admin-audit': '2026-05-01T00:00:00.000Z', 'security-audit': '2026-06-14T00:00:00.000Z' } }));
    expect(failures(result)).toEqual(['WBX.AUDIT.1v1: admin-audit events were last collected up to 2026-05-01T00:00:00.000Z (45 days ago)']);
  });
  test('Noncompliance 3: the evidence log cannot be read', () => {
    expect(failures(judge(rule, observed(() => {}, () => {}, { collectedTo: {}, error: 'EACCES' })))).toEqual(['WBX.AUDIT.1v1: the evidence log could not be read: EACCES']);
  });
});

describe('Rule: Access to meeting recordings is restricted, as attested', () => {
  test('Compliance', () => {
    expect(judge(RecordingAccessRestricted, declared()).status).toBe('pass');
  });
  test('Noncompliance 1: not attested', () => {
    expect(judge(RecordingAccessRestricted, declared((org) => delete org.settings.attestations!.recordingAccess)).status).toBe('fail');
  });
});

describe('Rule: Meeting recordings cannot be downloaded, as attested', () => {
  test('Compliance', () => {
    expect(judge(RecordingDownloadsOff, declared()).status).toBe('pass');
  });
  test('Noncompliance 1: downloads allowed', () => {
    const result = judge(RecordingDownloadsOff, declared((org) => { org.settings.attestations!.recordingAccess!.details.downloadAllowed = true; }));
    expect(failures(result)).toEqual(['WBX.REC.2v1: recordingAccess attests that recordings may be downloaded (downloadAllowed: true)']);
  });
});

describe.each([
  ['messages', MessageRetentionSixYears, 'messageRetention', 'WBX.RET.1v1'],
  ['recordings', RecordingRetentionSixYears, 'recordingRetention', 'WBX.RET.2v1'],
] as const)('Rule: %s are retained for at least six years, as attested', (_what, rule, control, id) => {
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
    expect(judge(rule, observed()).status).toBe('pass');
  });
  test('Noncompliance 1: one year of retention (a hand-written subject the schema would refuse)', () => {
    const result = judge(rule, declared((org) => { org.settings.attestations![control]!.details.retentionDays = 365; }));
    expect(failures(result)).toEqual([`${id}: retentionDays is 365, must be at least 2190 (6 years)`]);
  });
  test('Noncompliance 2: expired', () => {
    expect(failures(judge(rule, declared((org) => { org.settings.attestations![control]!.expires = '2026-01-31'; })))).toEqual([`${id}: ${control} attestation expired on 2026-01-31: renew it`]);
  });
});

describe('Rule: A BAA with Cisco is signed and in force', () => {
  const rule = BusinessAssociateAgreement;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
  });
  test('Noncompliance 1: no BAA', () => {
    expect(failures(judge(rule, declared((org) => delete org.settings.attestations!.businessAssociateAgreement)))).toEqual([
      'WBX.GOV.1v1: businessAssociateAgreement is not attested (Business Associate Agreement with Cisco): declare who attested it, when, the evidence reference and the expiry',
    ]);
  });
  test('Noncompliance 2: signed in the future', () => {
    const result = judge(rule, declared((org) => { org.settings.attestations!.businessAssociateAgreement!.details.signedOn = '2026-09-01'; }));
    expect(failures(result)).toEqual(['WBX.GOV.1v1: signedOn is 2026-09-01, after today (2026-06-15): the BAA is not yet in force']);
  });
  test('Noncompliance 3: an exception cannot accept a missing BAA', () => {
    const result = judge(rule, declared((org) => delete org.settings.attestations!.businessAssociateAgreement), {
      exceptions: [{ ruleId: 'WBX.GOV.1v1', reason: 'Contract is with legal for signature', owner: 'cfo@clinic.example', expires: '2026-12-31', path: 'clinic/Org' }],
    });
    expect(result.status).toBe('fail');
    expect(result.judgements[0]!.exception?.state).toBe('refused');
  });
});

describe('Rule: AI features are covered by the BAA or disabled', () => {
  const rule = AiAssistantCovered;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
  });
  test('Noncompliance 1: covered-by-baa without a BAA', () => {
    const result = judge(rule, declared((org) => delete org.settings.attestations!.businessAssociateAgreement));
    expect(failures(result)).toEqual(['WBX.GOV.2v1: status is covered-by-baa, but no businessAssociateAgreement is attested']);
  });
  test('Noncompliance 2: covered-by-baa with an expired BAA', () => {
    const result = judge(rule, declared((org) => { org.settings.attestations!.businessAssociateAgreement!.expires = '2026-03-01'; }));
    expect(failures(result)).toEqual(['WBX.GOV.2v1: status is covered-by-baa, but the businessAssociateAgreement attestation expired on 2026-03-01']);
  });
  test('Compliance: disabled needs no BAA', () => {
    const result = judge(rule, declared((org) => {
      delete org.settings.attestations!.businessAssociateAgreement;
      org.settings.attestations!.aiAssistantCoverage!.details.status = 'disabled';
    }));
    expect(result.status).toBe('pass');
  });
});

describe('Rule: The data residency region is attested', () => {
  test('Compliance', () => {
    expect(judge(DataResidencyAttested, declared()).status).toBe('pass');
  });
  test('Noncompliance 1: not attested', () => {
    expect(judge(DataResidencyAttested, declared((org) => delete org.settings.attestations!.dataResidency)).status).toBe('fail');
  });
});
