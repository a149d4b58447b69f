import { RunningSimulator, startSimulator } from '../../simulator';
import { runCli, withoutProgress } from '../helpers/run-cli';

const FULL = 'doctor-full-token-1a2b';
const PARTIAL = 'doctor-partial-token-3c4d';

describe('webex-iac doctor against the simulator', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({
      seed: 'clinic',
      tokens: {
        [FULL]: {},
        // An admin token without roles, SCIM or audit access.
        [PARTIAL]: { scopes: ['spark:people_read', 'spark-admin:organizations_read', 'meeting:admin_preferences_read', 'meeting:admin_config_read', 'spark-admin:people_read'] },
      },
    });
  });
  afterAll(() => sim.close());

  test('a full-scope token: every read scope ok, writes assumed, every command can run, exit 0', async () => {
    const result = await runCli(['doctor'], { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: FULL });
    expect(withoutProgress(result.stderr)).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Orgs it sees \(1\): "Riverside Family Clinic" \(/m);
    expect(result.stdout).toMatch(/^Meetings sites it administers \(1\): riverside-clinic\.webex\.com$/m);
    expect(result.stdout).not.toMatch(/MISSING|UNKNOWN|cannot run/);
    expect(result.stdout).toMatch(/^ {2}assumed identity:organizations_rw$/m);
    expect(result.stdout).toMatch(/^ {2}apply +ok \(write scopes assumed\)$/m);
    expect(result.stdout).not.toContain(FULL);
  });

  test('a token missing scopes: one line per missing scope, the commands that cannot run, exit 1', async () => {
    const result = await runCli(['doctor'], { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: PARTIAL });
    expect(result.code).toBe(1);
    const missing = result.stdout.split('\n').filter((l) => l.startsWith('  MISSING'));
    expect(missing.map((l) => l.split(/\s+/)[2])).toEqual(['meeting:admin_schedule_read', 'meeting:admin_recordings_read', 'spark-admin:roles_read', 'identity:people_read', 'audit:events_read']);
    expect(result.stdout).toMatch(/^ {2}plan, drift +cannot run: missing spark-admin:roles_read, missing identity:people_read, missing audit:events_read$/m);
    expect(result.stdout).toMatch(/^ {2}evidence collect +cannot run: missing audit:events_read$/m);
    expect(result.stdout).toMatch(/^ {2}ok {6}meeting:admin_config_read/m);
    expect(result.stdout).not.toContain(PARTIAL);
  });
});
