import type { IncomingHttpHeaders } from 'http';
import type { Grant } from '../access-tokens';
import type { PersonRecord } from '../state/person';
import type { ServerBehaviour } from '../server-behaviour';
import type { SimulatorState } from '../state/simulator-state';

/** Cisco's admin spec answers `application/json`; its meeting spec `application/json;charset=UTF-8`. */
export type JsonContentType = 'application/json' | 'application/json;charset=UTF-8';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who is calling: the person behind the token, and what the token may do. */
export interface Caller {
  record: PersonRecord;
  grant: Grant;
}

export interface RouteRequest {
  state: SimulatorState;
  caller: Caller;
  /** Which reading of the spec's unclear points to follow (server-behaviour.ts). */
  behaviour: ServerBehaviour;
  /** Path parameters by name, URL-decoded. */
  params: Readonly<Record<string, string>>;
  /** The absolute request URL (simulator base URL + path + query). */
  url: URL;
  /** Request headers (lower-case names), for the few operations that take header parameters. */
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when the request had none. */
  body: unknown;
  trackingId: string;
}

export interface RouteResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** One operation of the Webex API. Handlers throw WebexError for error responses. */
export interface Route {
  method: HttpMethod;
  /**
   * Path template as in the spec, with the prefix it is served under: `/v1` (e.g.
   * `/v1/organizations/{orgId}`), or none for identity paths (`/identity/…`).
   */
  path: string;
  /** The token needs at least one of these scopes. */
  scopes: readonly string[];
  contentType: JsonContentType;
  handle(request: RouteRequest): RouteResponse;
}
