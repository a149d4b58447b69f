import { MeetingSecurity, Org } from '../../manifest';
import { FieldValues, ObservedOrg, planChanges, PlanError, renderPlanJson, renderPlanText } from '../../provisioning';

const HARDENED: Omit<MeetingSecurity, 'path'> = {
  joinBeforeHost: false,
  audioBeforeHost: false,
  unlistAllMeetings: true,
  requireLoginBeforeAccess: true,
  requireStrongPassword: true,
  passwordCriteria: { minLength: 12, mixedCase: true, disallowValues: ['password', 'webex'] },
};

const LIVE_HARDENED: FieldValues = {
  joinBeforeHost: false,
  audioBeforeHost: false,
  firstAttendeeAsPresenter: false,
  unlistAllMeetings: true,
  requireLoginBeforeAccess: true,
  allowMobileScreenCapture: false,
  requireStrongPassword: true,
  'passwordCriteria.mixedCase': true,
  'passwordCriteria.minLength': 12,
  'passwordCriteria.minNumeric': 0,
  'passwordCriteria.minAlpha': 0,
  'passwordCriteria.minSpecial': 0,
  'passwordCriteria.disallowDynamicWebText': false,
  'passwordCriteria.disallowList': false,
  'passwordCriteria.disallowValues': ['webex', 'password'],
};

function org(security: Omit<MeetingSecurity, 'path'>): Org {
  return {
    path: 'clinic/Org',
    name: 'Riverside Family Clinic',
    settings: {},
    sites: [{ path: 'clinic/Org/Site', siteUrl: 'riverside-clinic.webex.com', settings: { meetingSecurity: { path: 'clinic/Org/Site/Security', ...security } } }],
  };
}

function observed(values: FieldValues): ObservedOrg {
  return { name: 'Riverside Family Clinic', orgId: 'ORG1', sites: { 'riverside-clinic.webex.com': { meetingSecurity: values } } };
}

describe('planChanges', () => {
  test('a converged site plans no changes, whatever the order of a deny-list', () => {
    const plan = planChanges([org(HARDENED)], [observed(LIVE_HARDENED)]);
    expect(plan.changes).toEqual([]);
    expect(plan.summary).toEqual({
      changes: 0,
      weakening: 0,
      drift: 0,
      driftWeakening: 0,
      weakerThanDeclared: 0,
      originUnknown: 0,
      fields: 0,
      unchangedSettings: 1,
      unknown: 0,
      actions: { update: 0, enforce: 0, revoke: 0, deactivate: 0 },
      findings: 0,
      attestations: { valid: 0, expiring: 0, expired: 0, missing: 0 },
    });
  });

  test('only declared fields that differ are planned', () => {
    const plan = planChanges([org(HARDENED)], [observed({ ...LIVE_HARDENED, joinBeforeHost: true, allowMobileScreenCapture: true, 'passwordCriteria.minLength': 4 })]);
    expect(plan.changes).toHaveLength(1);
    const [change] = plan.changes;
    // allowMobileScreenCapture is not declared, so it is not managed even though it is unsafe.
    expect(change!.before).toEqual({ joinBeforeHost: true, 'passwordCriteria.minLength': 4 });
    expect(change!.after).toEqual({ joinBeforeHost: false, 'passwordCriteria.minLength': 12 });
    expect(change!.unchangedFields).toBe(6);
    expect(change).toMatchObject({ org: 'Riverside Family Clinic', target: { kind: 'site', siteUrl: 'riverside-clinic.webex.com' }, setting: 'meetingSecurity', action: 'update', path: 'clinic/Org/Site/Security' });
  });

  test('turning join-before-host off also turns audio-before-host off, with a note', () => {
    const plan = planChanges([org({ joinBeforeHost: false })], [observed({ ...LIVE_HARDENED, joinBeforeHost: true, audioBeforeHost: true })]);
    expect(plan.changes[0]!.after).toEqual({ joinBeforeHost: false, audioBeforeHost: false });
    expect(plan.changes[0]!.notes).toEqual(['audioBeforeHost is turned off because Webex does not allow it while joinBeforeHost is false']);
  });

  test('fails when password criteria would be sent while strong passwords stay off', () => {
    const declared = { passwordCriteria: { minLength: 12 } };
    expect(() => planChanges([org(declared)], [observed({ ...LIVE_HARDENED, requireStrongPassword: false, 'passwordCriteria.minLength': 4 })])).toThrow(PlanError);
    expect(() => planChanges([org(declared)], [observed({ ...LIVE_HARDENED, requireStrongPassword: false, 'passwordCriteria.minLength': 4 })])).toThrow(
      /^clinic\/Org\/Site\/Security \(settings\.meetingSecurity of site riverside-clinic\.webex\.com\): passwordCriteria cannot be applied while requireStrongPassword is false on the site \(changing: .*\); declare requireStrongPassword: true$/,
    );
  });

  test('turning strong passwords on and setting criteria plan together', () => {
    const plan = planChanges([org({ requireStrongPassword: true, passwordCriteria: { minLength: 12 } })], [observed({ ...LIVE_HARDENED, requireStrongPassword: false, 'passwordCriteria.minLength': 4 })]);
    expect(plan.changes[0]!.after).toEqual({ requireStrongPassword: true, 'passwordCriteria.minLength': 12 });
  });

  test('fails when an org was not observed', () => {
    expect(() => planChanges([org(HARDENED)], [])).toThrow(/^clinic\/Org \(name "Riverside Family Clinic"\): the org was not read, so nothing can be planned for it/);
  });
});

describe('renderers', () => {
  const plan = planChanges([org(HARDENED)], [observed({ ...LIVE_HARDENED, joinBeforeHost: true, audioBeforeHost: true, 'passwordCriteria.disallowValues': [] })]);

  test('terminal text in Terraform style', () => {
    expect(renderPlanText(plan)).toMatchSnapshot();
  });

  test('terminal text for no changes', () => {
    expect(renderPlanText(planChanges([org(HARDENED)], [observed(LIVE_HARDENED)]))).toBe(
      'No changes. The live Webex org matches the declaration (1 settings checked).\n',
    );
  });

  test('colour only when asked', () => {
    expect(renderPlanText(plan)).not.toMatch(/\u001b\[/);
    expect(renderPlanText(plan, { color: true })).toMatch(/\u001b\[/);
  });

  test('versioned JSON with sorted keys', () => {
    expect(renderPlanJson(plan)).toMatchSnapshot();
    expect(JSON.parse(renderPlanJson(plan))).toMatchObject({ formatVersion: 1, changes: [{ before: { joinBeforeHost: true }, after: { joinBeforeHost: false } }] });
  });
});

describe('plan errors speak manifest vocabulary (provisioning/plan-errors.ts)', () => {
  test('a declared entry that was not read names its path and key, what failed and what to do', () => {
    const declared = org(HARDENED);
    const unread: ObservedOrg = { name: declared.name, orgId: 'ORG', sites: { 'riverside-clinic.webex.com': {} } };
    expect(() => planChanges([declared], [unread])).toThrow(PlanError);
    expect(() => planChanges([declared], [unread])).toThrow(
      'clinic/Org/Site/Security (settings.meetingSecurity of site riverside-clinic.webex.com): was not read, so nothing can be planned for it; plan again from a fresh read (webex-iac plan); if it persists, the observation does not match the manifest',
    );
  });
});
