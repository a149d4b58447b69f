import { randomUUID } from 'crypto';
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import type { Grant } from './access-tokens';
import { FaultSchedule } from './fault-schedule';
import { FaultPlan } from './faults';
import { createTrackingIdSource } from './http/tracking-ids';
import { Router } from './http/router';
import { TokenBucketRateLimiter } from './rate-limiter';
import type { RecordedExchange } from './recorded-exchange';
import { createRequestListener, type PipelineContext } from './request-pipeline';
import { ALL_ROUTES } from './routes';
import type { RunningSimulator } from './running-simulator';
import type { ResolvedOptions } from './simulator-options';
import type { SimulatorState } from './state/simulator-state';
import type { PersonRecord } from './state/person';
import { FULL_ADMINISTRATOR_ROLE_ID } from './state/well-known-roles';
import { webexId } from './state/webex-id';

/**
 * Serves `state` over HTTP. startSimulator builds the state from a seed; tests that need to look
 * inside the state (such as the admin audit trail) build it themselves and call this.
 */
export async function startServer(state: SimulatorState, options: ResolvedOptions): Promise<RunningSimulator> {
  const exchanges: RecordedExchange[] = [];
  const faults = new FaultPlan();
  const context: PipelineContext = {
    state,
    router: new Router(ALL_ROUTES),
    tokens: options.tokens,
    rateLimiter: options.ratePerSecond > 0 ? new TokenBucketRateLimiter<Grant>(options.ratePerSecond) : undefined,
    faults,
    latencyMs: options.latencyMs,
    behaviour: { patchSiteUrl: options.patchSiteUrl },
    exchanges,
    nextTrackingId: createTrackingIdSource(),
    baseUrl: '',
  };
  const server = createServer(createRequestListener(context));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  context.baseUrl = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: context.baseUrl,
    exchanges,
    injectFault: (fault) => faults.add(fault),
    scheduleFaults(schedule) {
      context.schedule = schedule === undefined ? undefined : new FaultSchedule(schedule);
    },
    scheduledFaults: () => context.schedule?.injected() ?? { 'throttle-burst': 0, 'server-error': 0, drop: 0, 'lose-response': 0, 'slow-drip': 0 },
    snapshot: () => state.snapshot(),
    identitySettings(orgId) {
      const org = state.organizationRecord(orgId) ?? state.organizationByIdentityId(orgId);
      if (org === undefined) {
        throw new Error(`The simulator has no organization ${orgId}.`);
      }
      return structuredClone({ passwordPolicy: org.passwordPolicy, authenticationConfig: org.authenticationConfig });
    },
    controlHubAdmin({ email, displayName }) {
      const token = `control-hub-${randomUUID()}`;
      options.tokens.addActingAs(token, state.personByEmail(email) ?? outsideAdmin(state, email, displayName ?? email));
      return token;
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** An admin who is not among the org's people (as a partner admin is): acts on the seed admin's org. */
function outsideAdmin(state: SimulatorState, email: string, displayName: string): PersonRecord {
  const admin = state.admin;
  const now = state.now().toISOString();
  return {
    person: {
      id: webexId('PEOPLE', randomUUID()),
      emails: [email],
      displayName,
      orgId: admin.person.orgId,
      roles: [FULL_ADMINISTRATOR_ROLE_ID],
      licenses: [],
      created: now,
      lastModified: now,
      siteUrls: [],
      status: 'active',
      invitePending: 'false',
      loginEnabled: 'true',
      type: 'person',
    },
    defaultSiteUrl: admin.defaultSiteUrl,
    mfaEnabled: true,
  };
}
