import { statusMessage } from './status-messages';

/** The error body Webex sends with every 4xx and 5xx response. */
export interface WebexErrorBody {
  message: string;
  errors: { description: string }[];
  trackingId: string;
}

export interface WebexErrorOptions {
  /** @default the generic message for the status */
  message?: string;
  /** One entry per problem, each naming what is wrong. @default [message] */
  descriptions?: string[];
  /** Extra response headers, such as Retry-After or Allow. */
  headers?: Record<string, string>;
}

/** Thrown anywhere while serving a request; the pipeline turns it into a Webex error response. */
export class WebexError extends Error {
  readonly descriptions: readonly string[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    readonly status: number,
    options: WebexErrorOptions = {},
  ) {
    const message = options.message ?? statusMessage(status);
    super(message);
    this.name = 'WebexError';
    this.descriptions = options.descriptions ?? [message];
    this.headers = options.headers ?? {};
  }

  toBody(trackingId: string): WebexErrorBody {
    return {
      message: this.message,
      errors: this.descriptions.map((description) => ({ description })),
      trackingId,
    };
  }
}

/** A 400 whose descriptions name each offending field; message as in the spec's 400 example. */
export function badRequest(descriptions: string[]): WebexError {
  return new WebexError(400, { descriptions });
}

export function notFound(description: string): WebexError {
  return new WebexError(404, { descriptions: [description] });
}
