import { Org } from '../../manifest';
import { AppliedChange, applySummary, describeApplied, ObservedOrg, Plan, planChanges, renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../provisioning';

const NOW = new Date('2026-11-25T12:00:00Z');
const SITE = 'riverside-clinic.webex.com';
const RECORD = { attestedBy: 'Jane Doe', attestedOn: '2026-01-10', reference: 'TICKET-42' };

/** One change of every action, findings of several kinds, and attestations in every state. */
function everyKindOfPlan(): Plan {
  const org: Org = {
    path: 'clinic/Org',
    name: 'Riverside Family Clinic',
    settings: {
      mfa: { path: 'clinic/Org/Baseline/Mfa', mfaEnabled: true, reportUsersWithoutMfa: true },
      adminAccess: { path: 'clinic/Org/Baseline/AdminAccess', allowedAdmins: ['admin@clinic.example'], maxFullAdmins: 1, revokeUnexpected: true },
      inactiveAccounts: { path: 'clinic/Org/Baseline/InactiveAccounts', inactiveDays: 90, deactivate: false },
      attestations: {
        path: 'clinic/Org/Baseline/Attestations',
        required: ['messageRetention', 'idleTimeout', 'dataResidency', 'businessAssociateAgreement'],
        messageRetention: { ...RECORD, expires: '2027-01-10', details: { retentionDays: 2190 } },
        idleTimeout: { ...RECORD, expires: '2026-12-01', details: { idleTimeoutMinutes: 15 } },
        dataResidency: { ...RECORD, expires: '2026-11-01', details: { region: 'United States' } },
      },
    },
    sites: [
      {
        path: 'clinic/Org/Site',
        siteUrl: SITE,
        settings: {
          meetingSecurity: { path: 'clinic/Org/Baseline/MeetingSecurity', joinBeforeHost: false },
          hostLobby: { path: 'clinic/Org/Baseline/HostLobby', personalMeetingRoom: { enabledAutoLock: true, autoLockMinutes: 5 }, schedulingOptions: { enabledJoinBeforeHost: false } },
        },
      },
    ],
  };
  const observed: ObservedOrg = {
    name: 'Riverside Family Clinic',
    orgId: 'ORG',
    sites: { [SITE]: { meetingSecurity: { joinBeforeHost: true, audioBeforeHost: false } } },
    hosts: {
      [SITE]: {
        hostLobby: {
          site: {},
          hosts: [{ email: 'dr.lee@clinic.example', personId: 'ID-LEE', values: { 'personalMeetingRoom.enabledAutoLock': false, 'personalMeetingRoom.autoLockMinutes': 10, 'schedulingOptions.enabledJoinBeforeHost': true } }],
          notHosts: [],
        },
      },
    },
    inactive: [{ email: 'nurse.old@clinic.example', personId: 'ID-OLD', lastActivity: '2026-05-09T12:00:00.000Z', unsendablePhoneTypes: [] }],
    org: {
      enforced: { mfa: null },
      admins: [
        { email: 'admin@clinic.example', personId: 'ID-ADMIN', roles: ['Full Administrator'], unsendablePhoneTypes: [] },
        { email: 'former.contractor@clinic.example', personId: 'ID-FC', roles: ['Full Administrator', 'User Administrator'], unsendablePhoneTypes: ['mobile'] },
      ],
      mfaUsers: { exposed: true, withoutMfa: ['front.desk@clinic.example'] },
    },
    actor: { id: 'ID-ADMIN', email: 'admin@clinic.example' },
  };
  return planChanges([org], [observed], { now: NOW });
}

describe('rendering every kind of change, finding and attestation', () => {
  const plan = everyKindOfPlan();

  test('the plan has one of each', () => {
    expect(plan.changes.map((c) => [c.setting, c.action])).toEqual([
      ['meetingSecurity', 'update'],
      ['hostLobby', 'update'],
      ['mfa', 'enforce'],
      ['adminAccess', 'revoke'],
    ]);
    expect(plan.findings.map((f) => f.kind)).toEqual(['mfa-off', 'inactive-account']);
    expect(plan.attestations.map((a) => a.status)).toEqual(['valid', 'expiring', 'expired', 'missing']);
  });

  test('terminal text', () => {
    expect(renderPlanText(plan)).toMatchSnapshot();
  });

  test('JSON', () => {
    expect(renderPlanJson(plan)).toMatchSnapshot();
  });

  test('markdown', () => {
    const markdown = renderPlanMarkdown(plan);
    expect(markdown).toMatchSnapshot();
    expect(markdown).toContain('`mfa` (enforce, write-only) `mfaEnabled` _(write-only)_ → `true`');
  });

  test('apply lines are worded by action, and the summary says which writes could only be checked against the response', () => {
    const applied: AppliedChange[] = plan.changes.map((change) => ({ change, trackingId: `T-${change.setting}`, readBack: change.after, ...(change.writeOnly ? { unverifiedFields: ['mfaEnabled'] } : {}) }));
    expect(applied.map(describeApplied)).toEqual([
      `site ${SITE}: meetingSecurity updated and verified (trackingId T-meetingSecurity)`,
      `person dr.lee@clinic.example on ${SITE}: hostLobby updated and verified (trackingId T-hostLobby)`,
      "org: mfa enforced (write-only; Webex's response did not echo mfaEnabled: not verifiable) and recorded in the state folder (trackingId T-mfa)",
      'person former.contractor@clinic.example: adminAccess: admin roles revoked and verified (trackingId T-adminAccess)',
    ]);
    expect(applySummary(applied)).toBe("Apply complete! 4 changed, 3 verified by reading back, 1 write-only checked against Webex's response (no GET exists).");
  });

  test('the summary does not claim a read back for a write verified by Webex\'s answer to it', () => {
    const applied: AppliedChange[] = plan.changes.map((change) => ({ change, trackingId: 'T', readBack: change.after, ...(change.setting === 'hostLobby' ? { verifiedBy: 'answer' as const } : {}) }));
    expect(applySummary(applied)).toBe("Apply complete! 4 changed, 2 verified by reading back, 1 verified by Webex's answer to the full write (the settings as stored), 1 write-only checked against Webex's response (no GET exists).");
  });
});
