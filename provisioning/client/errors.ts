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

/**
 * A write whose outcome is unknown: the connection broke after it was sent, no answer came within the
 * deadline, or the answer could not be understood (`answered`: an empty, non-JSON, oversized or
 * off-spec 2xx body). Read the target before trying again; never resend blindly.
 */
export class WriteOutcomeUnknownError extends Error {
  override readonly name = 'WriteOutcomeUnknownError';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly trackingId: string,
    cause: string,
    answered = false,
  ) {
    super(
      answered
        ? `${method} ${path} ${cause}; its outcome is unknown, so it was not replayed (trackingId ${trackingId})`
        : `${method} ${path} was sent but no answer came back (${cause}); its outcome is unknown, so it was not replayed (trackingId ${trackingId})`,
    );
  }
}

/** A configuration problem found before any request (missing token, unsafe base URL). */
export class ClientConfigError extends Error {
  override readonly name = 'ClientConfigError';
}

/** A response that does not have the shape Cisco's spec promises (empty, not JSON, or off-spec). */
export class UnexpectedResponseError extends Error {
  override readonly name: string = 'UnexpectedResponseError';
  constructor(
    message: string,
    readonly method?: string,
    readonly path?: string,
    readonly trackingId?: string,
  ) {
    super(message);
  }
}

/** A read whose answer did not arrive in full within the request deadline; never retried. */
export class RequestDeadlineError extends UnexpectedResponseError {
  override readonly name: string = 'RequestDeadlineError';
}

/** An answer larger than the response cap; refused while downloading, never retried. */
export class ResponseTooLargeError extends UnexpectedResponseError {
  override readonly name: string = 'ResponseTooLargeError';
}
