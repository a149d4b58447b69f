import { readFileSync, rmSync } from 'node:fs';
import { ciIdentity, isSecretField, redactSecretFields, redactSecretValues, verifyLog } from '../../provisioning/evidence';
import { entry, ORG, tempDir, testLog } from './helpers';
import { filesBelow } from '../helpers/files';

describe('nothing secret reaches a record', () => {
  test('secret-named fields lose their values; rules about secrets keep theirs', () => {
    const redacted = redactSecretFields({
      hostPin: '40213',
      personalMeetingRoom: { hostPin: 40213, pmrPin: '1234' },
      access_token: 'abc',
      clientSecret: 's3cr3t',
      meetingPassword: 'Tr0ub4dor&3',
      refreshToken: 'r',
      fields: { 'personalMeetingRoom.hostPin': '40213' },
      pins: ['1111'],
      requireStrongPassword: true,
      'passwordCriteria.minLength': 12,
      passwordCriteria: { minLength: 12, disallowValues: ['password'] },
      trackingId: 'WEBEX_IAC_1',
    });
    expect(redacted).toEqual({
      hostPin: '***',
      personalMeetingRoom: { hostPin: '***', pmrPin: '***' },
      access_token: '***',
      clientSecret: '***',
      meetingPassword: '***',
      refreshToken: '***',
      fields: { 'personalMeetingRoom.hostPin': '***' },
      pins: ['***'],
      requireStrongPassword: true,
      'passwordCriteria.minLength': 12,
      passwordCriteria: { minLength: 12, disallowValues: ['password'] },
      trackingId: 'WEBEX_IAC_1',
    });
    expect(isSecretField('passwordCriteria')).toBe(false);
    expect(isSecretField('site.hostPin')).toBe(true);
  });

  test('known secret values and echoed bearer tokens are replaced in the serialized record', () => {
    const json = JSON.stringify({ message: 'GET /v1/x with Authorization: Bearer abc.DEF-123 failed', note: 'token tok"en-9876 seen' });
    expect(redactSecretValues(json, ['tok"en-9876', undefined, 'ab'])).toBe(JSON.stringify({ message: 'GET /v1/x with Authorization: Bearer *** failed', note: 'token *** seen' }));
  });

  test('a record written with secrets in every part holds none of them, and still verifies', async () => {
    const dir = tempDir();
    try {
      const token = 'ZjQ1YzM0secret-token-value';
      const log = testLog(dir, ['2026-03-01T00:00:00.000Z'], [token]);
      await log.append(
        ORG,
        {
          ...entry('apply', { error: `GET /v1/people/me answered 401 for ${token}`, hostPin: '551234' }),
          changes: [{ control: 'hostLobby', target: 'person a@example.org', before: { hostPin: '551234', autoLock: false }, after: { hostPin: '551234', autoLock: true } }],
        },
        (json) => json.split('client-side-secret').join('***'),
      );
      const text = filesBelow(dir).map((f) => readFileSync(f, 'utf8')).join('\n');
      expect(text).not.toContain(token);
      expect(text).not.toContain('551234');
      expect(text).toContain('"autoLock":true');
      expect(verifyLog(dir).intact).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the actor is recorded as what it is', () => {
  test.each([
    [{ GITHUB_ACTIONS: 'true', GITHUB_ACTOR: 'octocat', GITHUB_WORKFLOW: 'apply', GITHUB_RUN_ID: '42', GITHUB_JOB: 'apply', GITHUB_REPOSITORY: 'acme/webex', GITHUB_SHA: 'abc123' }, { system: 'github-actions', user: 'octocat', workflow: 'apply', runId: '42', job: 'apply', repository: 'acme/webex', revision: 'abc123' }],
    [{ GITLAB_CI: 'true', GITLAB_USER_LOGIN: 'jdoe', CI_PIPELINE_ID: '7', CI_JOB_ID: '99', CI_JOB_NAME: 'apply', CI_PROJECT_PATH: 'acme/webex', CI_COMMIT_SHA: 'def' }, { system: 'gitlab-ci', user: 'jdoe', workflow: '7', runId: '99', job: 'apply', repository: 'acme/webex', revision: 'def' }],
    [{ CI: 'true', CI_JOB_ID: '5' }, { system: 'ci', runId: '5' }],
    [{}, undefined],
  ])('CI identity from %j', (env, expected) => {
    expect(ciIdentity(env)).toEqual(expected);
  });
});
