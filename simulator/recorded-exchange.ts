import type { FaultKind } from './faults';

/** One request and what the simulator did with it. The Authorization header is never stored. */
export interface RecordedExchange {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  /** Parsed JSON, or the raw text when the body was not JSON; absent when there was no body. */
  requestBody?: unknown;
  /** The status answered, or that would have been answered under a lose-response fault; 0 when dropped unserved. */
  status: number;
  /** Headers the simulator set, with lower-case names. */
  responseHeaders: Record<string, string>;
  responseBody?: unknown;
  /** The injected fault that shaped this exchange, if any. */
  fault?: FaultKind;
}
