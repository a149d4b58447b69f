/**
 * Errors the client raises. Each message is one line a user can act on: what was attempted, Webex's own
 * message, and the trackingId Cisco support asks for. None ever contains the access token.
 */
export class WebexApiError extends Error {
  override readonly name = 'WebexApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly trackingId: string | undefined,
  ) {
    super(message);
  }
}

/** A write whose outcome is unknown (the connection broke after it was sent): read before trying again. */
export class WriteOutcomeUnknownError extends Error {
  override readonly name = 'WriteOutcomeUnknownError';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly trackingId: string,
    cause: string,
  ) {
    super(`${method} ${path} was sent but no answer came back (${cause}); its outcome is unknown, so it was not replayed (trackingId ${trackingId})`);
  }
}

/** A configuration problem found before any request (missing token, unsafe base URL). */
export class ClientConfigError extends Error {
  override readonly name = 'ClientConfigError';
}

/** A response that does not have the shape Cisco's spec promises. */
export class UnexpectedResponseError extends Error {
  override readonly name = 'UnexpectedResponseError';
}
