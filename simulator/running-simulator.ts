import type { FaultScheduleOptions, ScheduledFaultCounts } from './fault-schedule';
import type { Fault } from './faults';
import type { RecordedExchange } from './recorded-exchange';
import type { AuthenticationConfig, PasswordPolicy } from './state/identity-settings';
import type { SimulatorSnapshot } from './state/simulator-snapshot';

/** An org's write-only identity settings as they stand, for tests (no Webex API reads them). */
export interface IdentitySettings {
  passwordPolicy: PasswordPolicy;
  authenticationConfig: AuthenticationConfig;
}

/** A simulator listening on loopback. */
export interface RunningSimulator {
  /** Base URL without trailing slash and without `/v1`, e.g. http://127.0.0.1:43123 */
  readonly url: string;
  /** Every request and its outcome, in the order they completed. */
  readonly exchanges: RecordedExchange[];
  /**
   * Arms a fault for the next matching request(s), e.g.
   * `{ method: 'PATCH', path: '/v1/admin/meeting/config/commonSettings', status: 503, retryAfter: 1, times: 2 }`.
   */
  injectFault(fault: Fault): void;
  /**
   * Random faults from now on, drawn from a seed, for every request no armed fault matches (replacing any
   * earlier schedule); `undefined` stops them. Returns nothing; `scheduledFaults()` counts what they injected.
   */
  scheduleFaults(schedule: FaultScheduleOptions | undefined): void;
  /** What the current schedule injected so far, by kind (zeros without one). */
  scheduledFaults(): ScheduledFaultCounts;
  /**
   * Test seam: a deep copy of everything the simulator holds (orgs with their write-only settings,
   * people, sites, every host's settings on every site, the admin audit trail), for comparing the state
   * before and after a run.
   */
  snapshot(): SimulatorSnapshot;
  /**
   * Test seam: an org's password policy and authentication config as the last PATCH left them (seed
   * values before any). Webex has no GET for either. `orgId` is the Webex org id or its identity UUID;
   * throws for an unknown org. The result is a copy.
   */
  identitySettings(orgId: string): IdentitySettings;
  /**
   * Test seam: a bearer token (every scope) whose writes the admin audit trail attributes to another
   * admin, as Control Hub records a change that admin made there. `email` names a person of the seed (that
   * person acts), or else an admin outside the org's people list (as a partner admin is), named
   * `displayName`, with the seed admin's org and default site. The token is never logged.
   */
  controlHubAdmin(admin: { email: string; displayName?: string }): string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}
