import { RecordingsKeptSixYears } from '../../../policies/rules/ret/RecordingsKeptSixYears';
import { ANNEX, AUDIT_FRESH, cleanRecordings, declared, failures, judge, observed, SITE } from '../fixtures';

describe('Rule: no recording younger than six years was deleted or purged', () => {
  const rule = RecordingsKeptSixYears;

  test('Compliance: six years of windows read, nothing removed; check judges nothing', () => {
    const result = judge(rule, observed());
    expect(result.status).toBe('pass');
    expect(result.judgements[0]!.message).toBe('no recording created 2020-06-16 to 2026-06-15 was deleted or purged (74 windows of at most 30 days read per status)');
    expect(judge(rule, declared()).judgements).toEqual([]);
  });

  test('Noncompliance 1: a purged and a deleted recording are listed by id, status and creation day (never by topic)', () => {
    const recordings = cleanRecordings();
    recordings[SITE] = {
      ...recordings[SITE]!,
      removed: [
        { id: 'rec-1', status: 'purged', createTime: '2025-05-01T10:00:00Z', hostEmail: 'dr.lee@clinic.example' },
        { id: 'rec-2', status: 'deleted', createTime: '2026-05-20T10:00:00Z' },
      ],
    };
    const result = judge(rule, observed(undefined, undefined, AUDIT_FRESH, recordings));
    expect(result.level).toBe('SHOULD');
    expect(failures(result)).toEqual([`WBX.RET.3v1[${SITE}]: 1 recording(s) created 2020-06-16 to 2026-06-15 purged and 1 in the recycle bin before six years: rec-1 (purged, created 2025-05-01), rec-2 (deleted, created 2026-05-20)`]);
  });

  test('Noncompliance 2: a site whose list was not read is not verifiable, never a pass', () => {
    const recordings = cleanRecordings();
    delete recordings[ANNEX];
    const result = judge(rule, observed(undefined, undefined, AUDIT_FRESH, recordings));
    expect(result.judgements.map((j) => `${j.finding} ${j.status}`)).toEqual([`WBX.RET.3v1[${ANNEX}] not-verifiable`, `WBX.RET.3v1[${SITE}] pass`]);
  });
});
