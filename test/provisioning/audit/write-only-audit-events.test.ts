import type { AdminAuditEvent } from '../../../provisioning/client/schemas/audit-events';
import { changesWriteOnly, WRITE_ONLY_AUDIT_EVENTS } from '../../../provisioning/audit/write-only-audit-events';

const ORG = 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFi';

function event(category: string, description: string, target: Partial<NonNullable<AdminAuditEvent['data']>> = { targetId: ORG, targetType: 'ORG', targetOrgId: ORG }): AdminAuditEvent {
  return { id: 'E1', created: '2026-11-20T10:00:00.000Z', actorId: 'P2', data: { eventCategory: category, eventDescription: description, actionText: '', ...target } };
}

/**
 * One test per row of THE table (an assumption about what Control Hub records, to check against a real
 * org): each row matches what it is written for, and only for the settings it names.
 */
describe('WRITE_ONLY_AUDIT_EVENTS: which admin audit events count as a change of a write-only setting', () => {
  const cases: { category: string; description: string; settings: string[] }[] = [
    { category: 'ORG', description: 'Password policy updated', settings: ['passwordPolicy'] },
    { category: 'ORG', description: 'Authentication settings updated', settings: ['mfa'] },
    { category: 'ORG', description: 'Multi-factor authentication disabled', settings: ['mfa'] },
    { category: 'ORG', description: 'Organization security settings changed', settings: ['passwordPolicy', 'mfa'] },
    { category: 'COMPLIANCE', description: 'Password policy modified', settings: ['passwordPolicy'] },
    { category: 'COMPLIANCE', description: 'MFA turned off for the organization', settings: ['mfa'] },
  ];

  test('the table has one case here per row', () => {
    expect(cases).toHaveLength(WRITE_ONLY_AUDIT_EVENTS.length);
  });

  test.each(cases.map((c, row) => [row, c] as const))('row %i: %o', (row, { category, description, settings }) => {
    const rule = WRITE_ONLY_AUDIT_EVENTS[row]!;
    expect(rule.category).toBe(category);
    expect(rule.description.test(description)).toBe(true);
    for (const setting of ['passwordPolicy', 'mfa']) {
      expect(changesWriteOnly(event(category, description), ORG, setting)).toBe(settings.includes(setting));
    }
    // Cisco's spec writes categories with their enum prefix: the same event counts.
    expect(changesWriteOnly(event(`EventCategory.${category}`, description), ORG, settings[0]!)).toBe(true);
  });

  test('an event on another org, or on a person of the org, never counts', () => {
    expect(changesWriteOnly(event('ORG', 'Password policy updated', { targetId: 'OTHER', targetType: 'ORG', targetOrgId: 'OTHER' }), ORG, 'passwordPolicy')).toBe(false);
    expect(changesWriteOnly(event('ORG', 'Password policy updated', { targetId: 'PERSON', targetType: 'USER', targetOrgId: ORG }), ORG, 'passwordPolicy')).toBe(false);
  });

  test('other org events (a meeting site, a user, a login) do not count', () => {
    for (const [category, description] of [
      ['MEETINGS', 'Meeting site common settings updated'],
      ['USERS', 'User updated'],
      ['LOGINS', 'An Admin logged in'],
      ['ORG', 'Organization display name updated'],
    ]) {
      expect(changesWriteOnly(event(category!, description!), ORG, 'passwordPolicy')).toBe(false);
      expect(changesWriteOnly(event(category!, description!), ORG, 'mfa')).toBe(false);
    }
  });
});
