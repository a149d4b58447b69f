import { HostLobby, ManifestSchema, MeetingSecurity, Org } from '../../manifest';
import { FieldValues, ObservedOrg, planChanges, renderPlanText } from '../../provisioning';

const SITE = 'riverside-clinic.webex.com';

/** What HipaaBaseline declares for a site's meeting security (its HIPAA-safe defaults). */
const BASELINE: Omit<MeetingSecurity, 'path'> = {
  joinBeforeHost: false,
  audioBeforeHost: false,
  firstAttendeeAsPresenter: false,
  unlistAllMeetings: true,
  requireLoginBeforeAccess: true,
  allowMobileScreenCapture: false,
  requireStrongPassword: true,
  passwordCriteria: {
    mixedCase: true,
    minLength: 12,
    minNumeric: 1,
    minAlpha: 1,
    minSpecial: 1,
    disallowDynamicWebText: true,
    disallowList: true,
    disallowValues: ['password', 'webex', '123456', 'qwerty', 'letmein'],
  },
};

/** Cisco's own example site (GET commonSettings in webex-meeting.json), as the handler normalizes it. */
const CISCO_EXAMPLE: FieldValues = {
  joinBeforeHost: true,
  audioBeforeHost: true,
  firstAttendeeAsPresenter: true,
  unlistAllMeetings: false,
  requireLoginBeforeAccess: false,
  allowMobileScreenCapture: true,
  requireStrongPassword: true,
  'passwordCriteria.mixedCase': true,
  'passwordCriteria.minLength': 8,
  'passwordCriteria.minNumeric': 2,
  'passwordCriteria.minAlpha': 4,
  'passwordCriteria.minSpecial': 1,
  'passwordCriteria.disallowDynamicWebText': true,
  'passwordCriteria.disallowList': true,
  'passwordCriteria.disallowValues': ['password', 'Admin@123', 'passwd', 'pass'],
};

function org(security: Omit<MeetingSecurity, 'path'>, lobby?: Omit<HostLobby, 'path'>): Org {
  return {
    path: 'clinic/Org',
    name: 'Riverside Family Clinic',
    settings: {},
    sites: [{ path: 'clinic/Org/Site', siteUrl: SITE, settings: { meetingSecurity: { path: 'clinic/Org/Baseline/MeetingSecurity', ...security }, ...(lobby ? { hostLobby: { path: 'clinic/Org/Baseline/HostLobby', ...lobby } } : {}) } }],
  };
}

function observed(values: FieldValues, lobby?: FieldValues): ObservedOrg {
  return {
    name: 'Riverside Family Clinic',
    orgId: 'ORG1',
    sites: { [SITE]: { meetingSecurity: values } },
    ...(lobby ? { hosts: { [SITE]: { hostLobby: { site: {}, hosts: [{ email: 'dr.lee@riverside.example', personId: 'P1', values: lobby }], notHosts: [] } } } } : {}),
  };
}

describe('a baseline never weakens: declared values are floors', () => {
  test("against Cisco's example site, the baseline keeps the stricter minimums and every deny-listed password", () => {
    const plan = planChanges([org(BASELINE)], [observed(CISCO_EXAMPLE)]);
    expect(plan.summary.weakening).toBe(0);
    const [change] = plan.changes;
    expect(change!.impact).toBe('strengthens');
    expect(change!.after).not.toHaveProperty(['passwordCriteria.minAlpha']);
    expect(change!.after).not.toHaveProperty(['passwordCriteria.minNumeric']);
    expect(change!.after['passwordCriteria.disallowValues']).toEqual(['password', 'webex', '123456', 'qwerty', 'letmein', 'Admin@123', 'passwd', 'pass']);
    expect(change!.after['passwordCriteria.minLength']).toBe(12);
    expect(change!.valueRules).toMatchObject({ 'passwordCriteria.disallowValues': 'floor', 'passwordCriteria.minLength': 'declared', joinBeforeHost: 'declared' });
    expect(change!.notes).toEqual(
      expect.arrayContaining([
        'floor kept passwordCriteria.minAlpha at the live value 4, stricter than the declared 1',
        'floor kept passwordCriteria.minNumeric at the live value 2, stricter than the declared 1',
      ]),
    );
    const text = renderPlanText(plan);
    expect(text).toMatch(/passwordCriteria\.disallowValues .*# floor: live entries kept/);
    expect(text).toMatch(/# note: floor kept passwordCriteria\.minAlpha at the live value 4/);
  });

  test('a site stricter than the baseline in every field plans no change', () => {
    const stricter: FieldValues = {
      ...CISCO_EXAMPLE,
      joinBeforeHost: false,
      audioBeforeHost: false,
      firstAttendeeAsPresenter: false,
      unlistAllMeetings: true,
      requireLoginBeforeAccess: true,
      allowMobileScreenCapture: false,
      'passwordCriteria.minLength': 12,
      'passwordCriteria.minSpecial': 3,
      'passwordCriteria.disallowValues': ['letmein', 'qwerty', '123456', 'webex', 'password', 'Admin@123'],
    };
    expect(planChanges([org(BASELINE)], [observed(stricter)]).changes).toEqual([]);
  });

  test('an exact pin sets the declared value even where that weakens, and the plan flags it as a deliberate weakening', () => {
    const pinned = { ...BASELINE, exactFields: ['passwordCriteria.minAlpha', 'passwordCriteria.disallowValues'] };
    const plan = planChanges([org(pinned)], [observed(CISCO_EXAMPLE)]);
    expect(plan.summary.weakening).toBe(1);
    const [change] = plan.changes;
    expect(change!.after).toMatchObject({ 'passwordCriteria.minAlpha': 1, 'passwordCriteria.disallowValues': BASELINE.passwordCriteria!.disallowValues });
    expect(change!.after).not.toHaveProperty(['passwordCriteria.minNumeric']);
    expect(change!.valueRules).toMatchObject({ 'passwordCriteria.minAlpha': 'exact', 'passwordCriteria.disallowValues': 'exact' });
    expect(change!.fieldImpacts['passwordCriteria.minAlpha']).toBe('weakens');
    expect(change!.notes).toContain('exact pin sets passwordCriteria.minAlpha to 1 although the live 4 is stricter, a deliberate weakening declared in exactFields');
    expect(renderPlanText(plan)).toMatch(/passwordCriteria\.minAlpha +\S* = 4 -> 1 {2}# weakens; exact pin/);
  });

  test('a floor keeping joinBeforeHost off turns a live audioBeforeHost off, as Webex requires', () => {
    const plan = planChanges([org({ joinBeforeHost: true, audioBeforeHost: true })], [observed({ ...CISCO_EXAMPLE, joinBeforeHost: false, audioBeforeHost: true })]);
    expect(plan.changes[0]!.after).toEqual({ audioBeforeHost: false });
    expect(plan.changes[0]!.valueRules).toEqual({ audioBeforeHost: 'dependency' });
  });

  test('host lobby: a shorter live lock delay and a live lock are kept; a delay of a room that does not lock is no floor', () => {
    const lobby = { personalMeetingRoom: { enabledAutoLock: false, autoLockMinutes: 10 as const, enabledNotifyHost: true }, schedulingOptions: { enabledJoinBeforeHost: true } };
    const live = { 'personalMeetingRoom.enabledAutoLock': true, 'personalMeetingRoom.autoLockMinutes': 0, 'personalMeetingRoom.enabledNotifyHost': true, 'schedulingOptions.enabledJoinBeforeHost': false };
    expect(planChanges([org({}, lobby)], [observed(CISCO_EXAMPLE, live)]).changes.filter((c) => c.setting === 'hostLobby')).toEqual([]);
    const unlocked = { ...live, 'personalMeetingRoom.enabledAutoLock': false, 'personalMeetingRoom.autoLockMinutes': 0 };
    const [change] = planChanges([org({}, lobby)], [observed(CISCO_EXAMPLE, unlocked)]).changes.filter((c) => c.setting === 'hostLobby');
    expect(change!.after).toEqual({ 'personalMeetingRoom.autoLockMinutes': 10 });
  });

  test('the manifest accepts exactFields only for declared fields, listed once', () => {
    const manifest = (security: Record<string, unknown>) => ({ formatVersion: 1, stack: 'clinic', orgs: [{ ...org(BASELINE), sites: [{ path: 'p', siteUrl: SITE, settings: { meetingSecurity: { path: 'p', ...security } } }] }] });
    expect(ManifestSchema.safeParse(manifest({ joinBeforeHost: false, exactFields: ['joinBeforeHost'] })).success).toBe(true);
    const undeclared = ManifestSchema.safeParse(manifest({ joinBeforeHost: false, exactFields: ['unlistAllMeetings'] }));
    expect(undeclared.success).toBe(false);
    expect(undeclared.error!.issues[0]!.message).toMatch(/exactFields names unlistAllMeetings, which this entry does not declare/);
    expect(ManifestSchema.safeParse(manifest({ joinBeforeHost: false, exactFields: ['joinBeforeHost', 'joinBeforeHost'] })).success).toBe(false);
    expect(ManifestSchema.safeParse(manifest({ joinBeforeHost: false, exactFields: ['hostPin'] })).success).toBe(false);
  });
});
