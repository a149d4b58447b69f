import { validateRequest, validateResponse } from './openapi-contract';
import { loadSpecs, type MediaTypeObject, type OpenApiDocument } from './openapi-document';

const COMMON_SETTINGS = '/v1/admin/meeting/config/commonSettings';
const MEETING_JSON = 'application/json;charset=UTF-8';

function spec(name: string): OpenApiDocument {
  return loadSpecs().find((loaded) => loaded.name === name)!.document;
}

/** The example Cisco gives for one media type of an operation's response or request body. */
function example(media: MediaTypeObject | undefined): unknown {
  if (media?.example === undefined) {
    throw new Error('The spec has no example here.');
  }
  return structuredClone(media.example);
}

/** The parts of the commonSettings examples the tests change. */
interface CommonSettingsExample {
  defaultSchedulerOptions: Record<string, unknown>;
  securityOptions: { passwordCriteria: Record<string, unknown> };
}

const meeting = () => spec('webex-meeting.json');
const admin = () => spec('webex-admin.json');
const commonSettings = () => meeting().paths['/admin/meeting/config/commonSettings'];
const commonSettingsGet = () => example(commonSettings().get!.responses['200'].content![MEETING_JSON]) as CommonSettingsExample;
const commonSettingsPatchRequest = () =>
  example(commonSettings().patch!.requestBody!.content!['application/json']) as CommonSettingsExample;
const person = () => example(admin().paths['/people/me'].get!.responses['200'].content!['application/json']) as Record<string, unknown>;

describe('validateResponse accepts the spec examples', () => {
  test.each<[name: string, method: string, url: string, status: number, contentType: string, body: () => unknown]>([
    ['GET commonSettings 200', 'GET', COMMON_SETTINGS, 200, MEETING_JSON, commonSettingsGet],
    ['PATCH commonSettings 200', 'PATCH', COMMON_SETTINGS, 200, MEETING_JSON, () => example(commonSettings().patch!.responses['200'].content![MEETING_JSON])],
    ['PATCH commonSettings 400', 'PATCH', COMMON_SETTINGS, 400, MEETING_JSON, () => example(commonSettings().patch!.responses['400'].content![MEETING_JSON])],
    ['GET sites 200', 'GET', '/v1/meetingPreferences/sites', 200, MEETING_JSON, () => example(meeting().paths['/meetingPreferences/sites'].get!.responses['200'].content![MEETING_JSON])],
    ['GET sites 403', 'GET', '/v1/meetingPreferences/sites', 403, MEETING_JSON, () => example(meeting().paths['/meetingPreferences/sites'].get!.responses['403'].content![MEETING_JSON])],
    ['GET people/me 200', 'GET', '/v1/people/me', 200, 'application/json', person],
    ['GET organizations 200', 'GET', '/v1/organizations', 200, 'application/json', () => example(admin().paths['/organizations'].get!.responses['200'].content!['application/json'])],
  ])('%s', (_, method, url, status, contentType, body) => {
    expect(validateResponse({ method, url, status, responseBody: body(), responseHeaders: { 'Content-Type': contentType } })).toEqual([]);
  });
});

describe('validateRequest', () => {
  test('accepts the spec PATCH example once its defaultSchedulerOptions carries the required telephonySupport', () => {
    const body = commonSettingsPatchRequest();
    body.defaultSchedulerOptions.telephonySupport = 'WebexTeleconferencing';
    expect(validateRequest({ method: 'PATCH', url: COMMON_SETTINGS, requestBody: body })).toEqual([]);
  });

  test("rejects the spec's own PATCH example: its defaultSchedulerOptions omits the required telephonySupport", () => {
    expect(validateRequest({ method: 'PATCH', url: COMMON_SETTINGS, requestBody: commonSettingsPatchRequest() })).toEqual([
      "request body of PATCH /admin/meeting/config/commonSettings (webex-meeting.json): /defaultSchedulerOptions must have required property 'telephonySupport'",
    ]);
  });

  test.each([
    ['GET', `${COMMON_SETTINGS}?siteUrl=a.webex.com`],
    ['GET', '/v1/people/me?callingData=true'],
    ['GET', '/v1/organizations/Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFi'],
    ['GET', '/v1/people?max=50&roles=Y2lz'],
    ['GET', '/v1/adminAudit/events?orgId=o&from=2026-01-01T00:00:00.000Z&to=2026-02-01T00:00:00.000Z&eventCategories=A&eventCategories=B'],
    ['GET', '/identity/organizations/Y2lz'],
    ['GET', '/v1/people?max=10&cursor=b2Zmc2V0OjEw'],
    ['GET', '/v1/admin/securityAudit/events?orgId=o&startTime=2026-01-01T00:00:00Z&endTime=2026-02-01T00:00:00Z&cursor=Yw'],
  ])('accepts %s %s', (method, url) => {
    expect(validateRequest({ method, url })).toEqual([]);
  });

  test.each<[string, string, unknown, RegExp]>([
    ['an undeclared field', COMMON_SETTINGS, { securityOptions: { lobbyEnabled: true } }, /\/securityOptions must NOT have additional properties "lobbyEnabled"/],
    ['an undeclared object', COMMON_SETTINGS, { lobby: {} }, /must NOT have additional properties "lobby"/],
    ['read-only telephonyConfig', COMMON_SETTINGS, { telephonyConfig: { VoIP: true } }, /additional properties "telephonyConfig"/],
    ['a wrong type', COMMON_SETTINGS, { securityOptions: { joinBeforeHost: 'false' } }, /\/securityOptions\/joinBeforeHost must be boolean/],
    ['a value outside an enum', COMMON_SETTINGS, { defaultSchedulerOptions: { entryAndExitTone: 'Chime', telephonySupport: 'None' } }, /must be equal to one of the allowed values: "NoTone", "Beep", "AnnounceName"/],
    ['a query parameter the spec does not declare for PATCH', `${COMMON_SETTINGS}?site=a.webex.com`, {}, /query parameter site is not declared by PATCH/],
    ['siteUrl twice (checked as the GET declares it)', `${COMMON_SETTINGS}?siteUrl=a.webex.com&siteUrl=b.webex.com`, {}, /siteUrl .*given 2 times/],
  ])('rejects a PATCH body with %s', (_, url, requestBody, problem) => {
    expect(validateRequest({ method: 'PATCH', url, requestBody })).toContainEqual(expect.stringMatching(problem));
  });

  test('accepts siteUrl on PATCH commonSettings, the one deliberately undeclared parameter (the client names the site it writes)', () => {
    expect(validateRequest({ method: 'PATCH', url: `${COMMON_SETTINGS}?siteUrl=a.webex.com`, requestBody: { securityOptions: { joinBeforeHost: false } } })).toEqual([]);
  });

  test.each<[string, string, string, RegExp]>([
    ['siteUrl on an operation that declares none', 'GET', '/v1/roles?siteUrl=a.webex.com', /query parameter siteUrl is not declared by GET \/roles/],
    ['an unknown query parameter', 'GET', `${COMMON_SETTINGS}?site=a.webex.com`, /query parameter site is not declared by GET \/admin\/meeting\/config\/commonSettings/],
    ['a query value of the wrong type', 'GET', '/v1/people?max=ten', /query parameter max of GET \/people .*must be number/],
    ['a boolean query value that is not a boolean', 'GET', '/v1/people/me?callingData=yes', /callingData .*must be boolean/],
    ['a single-valued parameter given twice', 'GET', `${COMMON_SETTINGS}?siteUrl=a&siteUrl=b`, /siteUrl .*given 2 times/],
    ['a missing required parameter', 'GET', '/v1/adminAudit/events?orgId=o&from=2026-01-01T00:00:00Z', /required query parameter to is missing/],
    ['an unknown path', 'GET', '/v1/meetingPreferences/lobby', /matches no path/],
    ['a cursor on a list that does not page with Link', 'GET', '/v1/adminAudit/events?orgId=o&from=a&to=b&cursor=Yw', /query parameter cursor is not declared/],
    ['a path outside /v1 and /identity', 'GET', '/people/me', /start with \/v1\/ or \/identity\//],
    ['identity under /v1', 'GET', '/v1/identity/organizations/Y2lz', /not \/v1\/identity/],
    ['an undeclared method', 'DELETE', COMMON_SETTINGS, /DELETE \/v1\/admin\/meeting\/config\/commonSettings is not an operation .*declared: GET, PATCH/],
  ])('rejects %s', (_, method, url, problem) => {
    expect(validateRequest({ method, url })).toContainEqual(expect.stringMatching(problem));
  });

  test('rejects a body on an operation without one, and a missing required body', () => {
    expect(validateRequest({ method: 'GET', url: COMMON_SETTINGS, requestBody: {} })).toEqual([
      'GET /admin/meeting/config/commonSettings (webex-meeting.json) takes no request body',
    ]);
    expect(validateRequest({ method: 'POST', url: '/v1/applications/abc/token' })).toContainEqual(
      expect.stringMatching(/requires a request body/),
    );
  });
});

describe('validateResponse rejects', () => {
  const get200 = (responseBody: unknown, contentType = MEETING_JSON) =>
    validateResponse({ method: 'GET', url: COMMON_SETTINGS, status: 200, responseBody, responseHeaders: { 'content-type': contentType } });

  test('a field the spec does not name, at any depth', () => {
    const body = commonSettingsGet();
    body.securityOptions.passwordCriteria.maxLength = 64;
    expect(get200(body)).toEqual([
      'response body (200) of GET /admin/meeting/config/commonSettings (webex-meeting.json): /securityOptions/passwordCriteria must NOT have additional properties "maxLength"',
    ]);
  });

  test('a wrong type', () => {
    const body = commonSettingsGet();
    body.securityOptions.passwordCriteria.minLength = '8';
    expect(get200(body)).toContainEqual(expect.stringMatching(/\/securityOptions\/passwordCriteria\/minLength must be number/));
  });

  test('a Person with a boolean where the spec has a string enum', () => {
    const body = person();
    body.loginEnabled = true;
    expect(validateResponse({ method: 'GET', url: '/v1/people/me', status: 200, responseBody: body })).toContainEqual(
      expect.stringMatching(/\/loginEnabled must be string/),
    );
  });

  test('a content type the operation does not declare', () => {
    expect(get200(commonSettingsGet(), 'text/html')).toContainEqual(expect.stringMatching(/content type text\/html is not declared/));
  });

  test('a missing body where the spec declares one', () => {
    expect(get200(undefined)).toContainEqual(expect.stringMatching(/declares a .* body for status 200, but none was sent/));
  });

  test('a status the operation does not declare', () => {
    expect(validateResponse({ method: 'GET', url: '/v1/organizations', status: 201, responseBody: { items: [] } })).toEqual([
      expect.stringMatching(/status 201 is not declared by GET \/organizations/),
    ]);
  });

  test.each<[string, unknown, RegExp]>([
    ['without trackingId', { message: 'm', errors: [{ description: 'd' }] }, /must have required property 'trackingId'/],
    ['without message', { errors: [], trackingId: 't' }, /must have required property 'message'/],
    ['with an invented field', { message: 'm', errors: [], trackingId: 't', hint: 'x' }, /additional properties "hint"/],
    ['with an error entry lacking description', { message: 'm', errors: [{}], trackingId: 't' }, /\/errors\/0 must have required property 'description'/],
    ['that is not an object', 'Unauthorized', /Webex error body: must be object/],
  ])('an error body %s', (_, responseBody, problem) => {
    expect(validateResponse({ method: 'GET', url: '/v1/organizations', status: 401, responseBody })).toContainEqual(expect.stringMatching(problem));
  });

  test('an operation the spec does not declare, unless the answer is a Webex 404 or 405', () => {
    const refusal = { message: 'm', errors: [{ description: 'd' }], trackingId: 't' };
    expect(validateResponse({ method: 'GET', url: '/v1/unknown', status: 200, responseBody: {} })).toEqual([expect.stringMatching(/matches no path/)]);
    expect(validateResponse({ method: 'GET', url: '/v1/unknown', status: 404, responseBody: refusal })).toEqual([]);
    expect(validateResponse({ method: 'DELETE', url: COMMON_SETTINGS, status: 405, responseBody: refusal })).toEqual([]);
    expect(validateResponse({ method: 'GET', url: '/v1/unknown', status: 404, responseBody: { error: 'not found' } })).not.toEqual([]);
  });
});
