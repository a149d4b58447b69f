import { Testing } from 'cdktf';
import { buildManifest, Exceptions, HipaaBaseline, MeetingSecurity, MeetingSite, WebexOrg, WebexStack } from '../../constructs';
import { parseManifest } from '../../manifest';

function clinic() {
  const stack = new WebexStack(Testing.app(), 'clinic', { applyResource: 'terraform_data' });
  const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
  const site = new MeetingSite(org, 'Site', { siteUrl: 'clinic.webex.com' });
  const baseline = new HipaaBaseline(org, 'HipaaBaseline');
  return { stack, org, site, baseline };
}

const VALID = { ruleId: 'WBX.MEET.1v1', reason: 'Front desk runs open walk-in sessions', owner: 'it@clinic.example', expires: '2027-01-31' };

describe('Exceptions.add', () => {
  test('records exceptions in the org entry of the manifest, with the construct path and site scope', () => {
    const { stack, org, site, baseline } = clinic();
    Exceptions.add(org, [{ ...VALID, ruleId: 'WBX.GOV.3v1', reason: 'Residency letter requested from Cisco' }]);
    Exceptions.add(site, [VALID]);
    Exceptions.add(baseline.mfa, [{ ...VALID, ruleId: 'WBX.AUTH.2v1', appliesTo: 'front.desk@clinic.example', reason: '  MFA enrolment booked for next week  ' }]);
    expect(buildManifest(stack).orgs[0]!.exceptions).toEqual([
      { ruleId: 'WBX.AUTH.2v1', reason: 'MFA enrolment booked for next week', owner: 'it@clinic.example', expires: '2027-01-31', path: 'clinic/Org/HipaaBaseline/Mfa', appliesTo: 'front.desk@clinic.example' },
      { ruleId: 'WBX.GOV.3v1', reason: 'Residency letter requested from Cisco', owner: 'it@clinic.example', expires: '2027-01-31', path: 'clinic/Org' },
      { ruleId: 'WBX.MEET.1v1', reason: 'Front desk runs open walk-in sessions', owner: 'it@clinic.example', expires: '2027-01-31', path: 'clinic/Org/Site', appliesTo: 'clinic.webex.com' },
    ]);
  });

  test('accepts an expiry in the past: it is the policy check that stops honouring it', () => {
    const { stack, org } = clinic();
    Exceptions.add(org, [{ ...VALID, expires: '2020-01-01' }]);
    expect(buildManifest(stack).orgs[0]!.exceptions?.[0]?.expires).toBe('2020-01-01');
  });

  test('an org without exceptions has no exceptions key', () => {
    expect(buildManifest(clinic().stack).orgs[0]).not.toHaveProperty('exceptions');
  });

  test.each([
    [{ reason: 'too short' }, /Exceptions.add \[0\].reason must be a reason of at least 10 characters saying why the finding is accepted, received: "too short"/],
    [{ reason: '         x' }, /\[0\].reason must be a reason of at least 10 characters/],
    [{ ruleId: 'MEET.1' }, /\[0\].ruleId must be a policy rule id such as WBX.MEET.1v1 \(see RULES.md\), received: "MEET.1"/],
    [{ owner: ' ' }, /\[0\].owner must be the accountable owner \(a name or email\)/],
    [{ expires: '2027-02-30' }, /\[0\].expires must be a date as YYYY-MM-DD, received: "2027-02-30"/],
    [{ expires: undefined }, /\[0\].expires must be a date as YYYY-MM-DD/],
    [{ appliesTo: '' }, /\[0\].appliesTo must be a siteUrl or a finding/],
    [{ because: 'typo' }, /\[0\].because is not a known setting/],
  ])('fails %j, naming the prop and the value', (change, message) => {
    const { org } = clinic();
    expect(() => Exceptions.add(org, [{ ...VALID, ...change } as never])).toThrow(message);
  });

  test('fails when the scope is a site and appliesTo names another site', () => {
    const { site } = clinic();
    expect(() => Exceptions.add(site, [{ ...VALID, appliesTo: 'other.webex.com' }])).toThrow(/appliesTo must be clinic.webex.com or a finding on it \(clinic.webex.com\/<email>\), since the scope is inside that site/);
    expect(() => Exceptions.add(site, [{ ...VALID, appliesTo: 'clinic.webex.com/dr.lee@clinic.example' }])).not.toThrow();
  });

  test('fails when the same rule and scope is excepted twice', () => {
    const { org, site } = clinic();
    Exceptions.add(org, [VALID]);
    expect(() => Exceptions.add(org, [VALID])).toThrow(/excepts WBX.MEET.1v1 for the whole org a second time \(first at clinic\/Org\)/);
    Exceptions.add(site, [VALID]);
    expect(() => Exceptions.add(site, [{ ...VALID, expires: '2028-01-01' }])).toThrow(/for clinic.webex.com a second time/);
  });

  test('fails outside an org', () => {
    const stack = new WebexStack(Testing.app(), 'clinic', { applyResource: 'terraform_data' });
    expect(() => Exceptions.add(stack, [VALID])).toThrow(/Exceptions.add needs a scope inside a WebexOrg \(the org, a MeetingSite or a control\), received: clinic/);
  });

  test('a site construct with its own settings can carry exceptions too', () => {
    const { stack, site } = clinic();
    const security = new MeetingSecurity(site, 'Security', { joinBeforeHost: true, audioBeforeHost: false });
    Exceptions.add(security, [VALID]);
    expect(buildManifest(stack).orgs[0]!.exceptions).toEqual([{ ...VALID, path: 'clinic/Org/Site/Security', appliesTo: 'clinic.webex.com' }]);
  });
});

describe('the manifest schema of exceptions', () => {
  const manifest = (exceptions: unknown) => ({ formatVersion: 1, stack: 's', orgs: [{ path: 'p', name: 'n', settings: {}, sites: [], exceptions }] });
  const entry = { ...VALID, path: 'p' };

  test('accepts a valid exception', () => {
    expect(parseManifest(manifest([entry])).orgs[0]!.exceptions).toEqual([entry]);
  });

  test.each([
    [[{ ...entry, reason: 'short' }], /orgs\[0\].exceptions\[0\].reason: a reason of at least 10 characters/],
    [[{ ...entry, reason: '          ' }], /reason: a reason of at least 10 characters/],
    [[{ ...entry, ruleId: 'X' }], /ruleId: a policy rule id such as WBX.MEET.1v1/],
    [[{ ...entry, expires: 'soon' }], /expires: a date as YYYY-MM-DD/],
    [[{ ...entry, extra: 1 }], /unknown field\(s\) "extra"/],
    [[entry, { ...entry, reason: 'another reason here' }], /WBX.MEET.1v1 is excepted twice for the whole org/],
  ])('refuses %j', (exceptions, message) => {
    expect(() => parseManifest(manifest(exceptions))).toThrow(message);
  });
});
