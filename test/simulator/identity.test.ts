import { CLINIC, HEALTH_SYSTEM, type RunningSimulator, startSimulator } from '../../simulator';
import { call, type CallResult, errorBody, FULL_ACCESS_TOKEN } from './webex-call';

const PASSWORD_POLICY = `/identity/organizations/${CLINIC.identityOrgId}/passwordPolicy`;
const AUTHENTICATION_CONFIG = `/identity/organizations/${CLINIC.identityOrgId}/authenticationConfig`;
const USERS = `/identity/scim/${CLINIC.identityOrgId}/v2/Users`;
const PWD_SCHEMA = 'urn:cisco:codev:identity:idbroker:pwdpolicy:schemas:1.0';
const AUTHN_SCHEMA = 'urn:cisco:codev:identity:idbroker:authnconfig:schemas:1.0';
const CISCO_EXTENSION = 'urn:scim:schemas:extension:cisco:webexidentity:2.0:User';

const POLICY = {
  minimumNumeric: '1',
  minimumCapAlpha: '1',
  minimumLowAlpha: '1',
  minimumSpecial: '1',
  minimumLength: '12',
  historyCount: '5',
  maxPasswordAge: '90',
  notAcceptableStrings: 'password,webex,riverside',
};
const SEEDED_POLICY = {
  minimumNumeric: '0',
  minimumCapAlpha: '0',
  minimumLowAlpha: '0',
  minimumSpecial: '0',
  minimumLength: '8',
  historyCount: '1',
  maxPasswordAge: '1825',
  notAcceptableStrings: '',
};
const SEEDED_AUTHENTICATION = {
  mfaEnabled: false,
  RememberMyLoginId: true,
  RememberMyLoginIdDuration: 90,
  LockoutDuration: 1,
  LockoutDurationMultiplier: 1,
  LockoutFailureCount: 5,
  LockoutFailureDuration: 5,
};

const descriptions = (result: CallResult) => errorBody(result).errors.map(({ description }) => description);

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator({ tokens: [FULL_ACCESS_TOKEN] });
});

afterEach(() => sim.close());

describe('PATCH /identity/organizations/{orgId}/passwordPolicy', () => {
  test('sets the policy, answers its fields, and shows it through the test seam only', async () => {
    expect(sim.identitySettings(CLINIC.orgId).passwordPolicy).toEqual(SEEDED_POLICY);
    const result = await call(sim.url, 'PATCH', PASSWORD_POLICY, { body: { schemas: [PWD_SCHEMA], ...POLICY } });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/json');
    expect(result.body).toEqual(POLICY);
    expect(sim.identitySettings(CLINIC.orgId).passwordPolicy).toEqual(POLICY);
    expect(sim.identitySettings(CLINIC.identityOrgId).passwordPolicy).toEqual(POLICY);
  });

  test('keeps notAcceptableStrings when it is left out', async () => {
    await call(sim.url, 'PATCH', PASSWORD_POLICY, { body: { schemas: [PWD_SCHEMA], ...POLICY } });
    const { notAcceptableStrings: _kept, ...withoutList } = POLICY;
    const result = await call(sim.url, 'PATCH', PASSWORD_POLICY, { body: { schemas: [PWD_SCHEMA], ...withoutList, minimumLength: '14' } });
    expect(result.body).toEqual({ ...POLICY, minimumLength: '14' });
  });

  test('has no GET: 405 with Allow: PATCH', async () => {
    const result = await call(sim.url, 'GET', PASSWORD_POLICY);
    expect(result.status).toBe(405);
    expect(result.headers.get('allow')).toBe('PATCH');
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ...['schemas', 'minimumNumeric', 'minimumCapAlpha', 'minimumLowAlpha', 'minimumSpecial', 'minimumLength', 'historyCount', 'maxPasswordAge'].map(
      (field): [string, Record<string, unknown>, RegExp] => [`without ${field}`, { [field]: undefined }, new RegExp(`^${field} is required\\.$`)],
    ),
    ['minimumLength 7', { minimumLength: '7' }, /^minimumLength must be a string holding an integer from 8 to 256/],
    ['minimumLength 257', { minimumLength: '257' }, /^minimumLength must be a string holding an integer from 8 to 256/],
    ['minimumLength as a number', { minimumLength: 12 }, /^minimumLength must be a string holding an integer/],
    ['historyCount 0', { historyCount: '0' }, /^historyCount must be a string holding an integer from 1 to 5/],
    ['historyCount 6', { historyCount: '6' }, /^historyCount must be a string holding an integer from 1 to 5/],
    ['maxPasswordAge 89', { maxPasswordAge: '89' }, /^maxPasswordAge must be a string holding an integer from 90 to 1825/],
    ['maxPasswordAge 1826', { maxPasswordAge: '1826' }, /^maxPasswordAge must be a string holding an integer from 90 to 1825/],
    ['a negative minimum', { minimumSpecial: '-1' }, /^minimumSpecial must be a string holding an integer/],
    ['another schema', { schemas: [AUTHN_SCHEMA] }, /^schemas must contain urn:cisco:codev:identity:idbroker:pwdpolicy:schemas:1\.0/],
    ['an unknown field', { minimumUnicode: '1' }, /^minimumUnicode is not a known field/],
  ])('fails with 400 %s, and changes nothing', async (_, change, description) => {
    const body = JSON.parse(JSON.stringify({ schemas: [PWD_SCHEMA], ...POLICY, ...change }));
    const result = await call(sim.url, 'PATCH', PASSWORD_POLICY, { body });
    expect(result.status).toBe(400);
    expect(descriptions(result)).toContainEqual(expect.stringMatching(description));
    expect(sim.identitySettings(CLINIC.orgId).passwordPolicy).toEqual(SEEDED_POLICY);
  });

  test('fails with 404 for the base64 Webex org id: identity paths take the UUID', async () => {
    const result = await call(sim.url, 'PATCH', `/identity/organizations/${CLINIC.orgId}/passwordPolicy`, { body: { schemas: [PWD_SCHEMA], ...POLICY } });
    expect(result.status).toBe(404);
    expect(descriptions(result)[0]).toMatch(/take the organization's UUID/);
  });

  test('is not served under /v1', async () => {
    expect((await call(sim.url, 'PATCH', `/v1${PASSWORD_POLICY}`, { body: { schemas: [PWD_SCHEMA], ...POLICY } })).status).toBe(404);
  });
});

describe('PATCH /identity/organizations/{orgId}/authenticationConfig', () => {
  test('turns MFA on, merges the fields sent, and answers the whole config with the Lockout fields', async () => {
    const result = await call(sim.url, 'PATCH', AUTHENTICATION_CONFIG, { body: { schemas: [AUTHN_SCHEMA], mfaEnabled: true } });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ schemas: [AUTHN_SCHEMA], ...SEEDED_AUTHENTICATION, mfaEnabled: true });
    const later = await call(sim.url, 'PATCH', AUTHENTICATION_CONFIG, {
      body: { schemas: [AUTHN_SCHEMA], RememberMyLoginId: false, RememberMyLoginIdDuration: 1 },
    });
    expect(later.body).toMatchObject({ mfaEnabled: true, RememberMyLoginId: false, RememberMyLoginIdDuration: 1 });
    expect(sim.identitySettings(CLINIC.orgId).authenticationConfig).toEqual({
      ...SEEDED_AUTHENTICATION,
      mfaEnabled: true,
      RememberMyLoginId: false,
      RememberMyLoginIdDuration: 1,
    });
  });

  test('has no GET', async () => {
    expect((await call(sim.url, 'GET', AUTHENTICATION_CONFIG)).status).toBe(405);
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['without schemas', { mfaEnabled: true }, /^schemas is required\.$/],
    ['with the password policy schema', { schemas: [PWD_SCHEMA], mfaEnabled: true }, /^schemas must contain urn:cisco:codev:identity:idbroker:authnconfig/],
    ['mfaEnabled as a string', { schemas: [AUTHN_SCHEMA], mfaEnabled: 'true' }, /^mfaEnabled must be a boolean/],
    ['RememberMyLoginIdDuration 0', { schemas: [AUTHN_SCHEMA], RememberMyLoginIdDuration: 0 }, /^RememberMyLoginIdDuration must be an integer from 1 to 120/],
    ['RememberMyLoginIdDuration 121', { schemas: [AUTHN_SCHEMA], RememberMyLoginIdDuration: 121 }, /^RememberMyLoginIdDuration must be an integer from 1 to 120/],
    ['a Lockout field, which only the response has', { schemas: [AUTHN_SCHEMA], LockoutFailureCount: 3 }, /^LockoutFailureCount is read-only/],
  ])('fails with 400 %s, and changes nothing', async (_, body, description) => {
    const result = await call(sim.url, 'PATCH', AUTHENTICATION_CONFIG, { body });
    expect(result.status).toBe(400);
    expect(descriptions(result)).toContainEqual(expect.stringMatching(description));
    expect(sim.identitySettings(CLINIC.orgId).authenticationConfig).toEqual(SEEDED_AUTHENTICATION);
  });

  test('the test seam refuses an org it does not have', () => {
    expect(() => sim.identitySettings('bm8tb3Jn')).toThrow(/no organization bm8tb3Jn/);
  });
});

interface ScimList {
  schemas: string[];
  totalResults: number;
  itemsPerPage: number;
  startIndex: number;
  Resources: (Record<string, unknown> & { userName: string; id: string })[];
}

describe('GET /identity/scim/{orgId}/v2/Users', () => {
  const list = async (query = '') => (await call(sim.url, 'GET', `${USERS}${query}`)).body as ScimList;

  test("lists the org's users in the SCIM list envelope, 100 per page by default", async () => {
    const result = await list();
    expect(result).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 25, itemsPerPage: 25, startIndex: 1 });
    expect(result.Resources[1]).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', CISCO_EXTENSION],
      id: '9a1c5e7b-2d4f-4b8a-9c3e-000000000001',
      userName: 'dr.lee@riverside-clinic.example',
      active: true,
      name: { givenName: 'Hannah', familyName: 'Lee' },
      displayName: 'Dr. Hannah Lee',
      emails: [{ value: 'dr.lee@riverside-clinic.example', type: 'work', primary: true }],
      userType: 'user',
      title: 'Physician',
      timezone: 'America/Chicago',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Family Medicine' },
      [CISCO_EXTENSION]: { accountStatus: 'active', mfaEnabled: true },
      meta: {
        resourceType: 'User',
        organizationID: CLINIC.identityOrgId,
        created: '2021-03-16T16:05:42.000Z',
        lastModified: '2024-11-04T09:12:30.000Z',
        version: 'W/"1730711550000"',
        location: `${sim.url}${USERS}/9a1c5e7b-2d4f-4b8a-9c3e-000000000001`,
      },
    });
  });

  test('reports the users with MFA off', async () => {
    const mfaOff = (await list()).Resources.filter((user) => !(user[CISCO_EXTENSION] as { mfaEnabled: boolean }).mfaEnabled);
    expect(mfaOff.map(({ userName }) => userName.split('@')[0])).toEqual(['former.contractor', 'front.desk', 'nurse.old', 'dr.retired']);
  });

  test('pages with a 1-based startIndex and count', async () => {
    const page = await list('?startIndex=11&count=10');
    expect(page).toMatchObject({ totalResults: 25, itemsPerPage: 10, startIndex: 11 });
    expect(page.Resources[0].userName).toBe('dr.wilson@riverside-clinic.example');
    const last = await list('?startIndex=21&count=10');
    expect([last.itemsPerPage, last.Resources.length]).toEqual([5, 5]);
    expect((await list('?count=0')).Resources).toEqual([]);
  });

  test.each([
    ['userName eq "DR.LEE@riverside-clinic.example"', ['dr.lee']],
    ['userName sw "nurse."', ['nurse.adams', 'nurse.baker', 'nurse.clark', 'nurse.old']],
    ['name.familyName Eq "Lee" or displayName ew "Moore"', ['dr.lee', 'dr.moore']],
    ['userName sw "dr." and department eq "pediatrics"', ['dr.garcia', 'dr.kim', 'dr.taylor']],
    ['displayName eq "Casey Morgan" or userName sw "it." and department eq "x"', ['former.contractor']],
    ['id eq "9a1c5e7b-2d4f-4b8a-9c3e-000000000002"', ['dr.patel']],
  ])('filters with %s', async (filter, expected) => {
    const result = await list(`?filter=${encodeURIComponent(filter)}`);
    expect(result.Resources.map(({ userName }) => userName.split('@')[0])).toEqual(expected);
    expect(result.totalResults).toBe(expected.length);
  });

  test.each([
    ['an unsupported attribute', 'title eq "x"', /filter attribute title is not supported/],
    ['an unsupported operator', 'userName co "dr"', /filter operator co is not supported for userName/],
    ['an operator the attribute does not take', 'name.givenName ew "a"', /filter operator ew is not supported for name\.givenName/],
    ['parentheses', '(userName eq "a")', /expected attribute eq\|sw\|ew "value" at position 0/],
    ['a missing connective', 'userName eq "a" userName eq "b"', /expected and or or/],
  ])('fails with 400 for a filter with %s', async (_, filter, description) => {
    const result = await call(sim.url, 'GET', `${USERS}?filter=${encodeURIComponent(filter)}`);
    expect(result.status).toBe(400);
    expect(descriptions(result)[0]).toMatch(description);
  });

  test.each(['startIndex=0', 'startIndex=x', 'count=-1'])('fails with 400 for %s', async (query) => {
    expect((await call(sim.url, 'GET', `${USERS}?${query}`)).status).toBe(400);
  });

  test('shows a deactivated user as inactive, and 404s for the base64 org id', async () => {
    const person = (await call(sim.url, 'GET', `/v1/people/${CLINIC.personIds['nurse.old']}`)).body as Record<string, unknown>;
    await call(sim.url, 'PUT', `/v1/people/${person.id as string}`, {
      body: { emails: person.emails, displayName: person.displayName, siteUrls: person.siteUrls, loginEnabled: false },
    });
    const user = (await list(`?filter=${encodeURIComponent('userName eq "nurse.old@riverside-clinic.example"')}`)).Resources[0];
    expect(user).toMatchObject({ active: false, [CISCO_EXTENSION]: { accountStatus: 'disabled', mfaEnabled: false } });
    expect((await call(sim.url, 'GET', `/identity/scim/${CLINIC.orgId}/v2/Users`)).status).toBe(404);
  });

  test('lists each org of a fleet under its own identity org id', async () => {
    const fleet = await startSimulator({ tokens: [FULL_ACCESS_TOKEN], seed: 'health-system', size: { orgs: 2, sites: 1, users: 40 } });
    try {
      const result = (await call(fleet.url, 'GET', `/identity/scim/${HEALTH_SYSTEM.identityOrgId(2)}/v2/Users?count=3`)).body as ScimList;
      expect(result.totalResults).toBe(41);
      expect(result.Resources.map(({ userName }) => userName)).toEqual(['admin@org2.example', 'user00001@org2.example', 'user00002@org2.example']);
      const all = (await call(fleet.url, 'GET', `/identity/scim/${HEALTH_SYSTEM.identityOrgId(2)}/v2/Users`)).body as ScimList;
      expect(all.Resources.filter((user) => !(user[CISCO_EXTENSION] as { mfaEnabled: boolean }).mfaEnabled).map(({ userName }) => userName)).toEqual([
        'user00020@org2.example',
        'user00040@org2.example',
      ]);
    } finally {
      await fleet.close();
    }
  });
});
