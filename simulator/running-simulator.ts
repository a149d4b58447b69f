import type { Fault } from './faults';
import type { RecordedExchange } from './recorded-exchange';

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
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}
