/**
 * The generic message Webex sends with each error status. The texts follow the response descriptions
 * in Cisco's OpenAPI specs; 401 and 403 are the exact bodies Webex returns for token and scope problems.
 */
const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  400: "The request could not be understood by the server due to malformed syntax. See 'errors' for more details.",
  401: 'The request requires a valid access token set in the Authorization request header.',
  403: 'The server understood the request, but refused to fulfill it because the access token is missing required scopes or the user is missing required roles or licenses.',
  404: 'The requested resource could not be found.',
  405: 'The request was made to a resource using an HTTP request method that is not supported.',
  409: 'The request could not be processed because it conflicts with some established rule of the system.',
  410: 'The requested resource is no longer available.',
  415: 'The request was made to a resource without specifying a media type or used a media type that is not supported.',
  423: 'The requested resource is temporarily unavailable.',
  429: 'Too many requests have been sent in a given amount of time and the request has been rate limited.',
  500: 'Something went wrong on the server.',
  502: 'The server received an invalid response from an upstream server while processing the request. Try again later.',
  503: 'Server is overloaded with requests. Try again later.',
  504: 'An upstream server failed to respond on time.',
};

export function statusMessage(status: number): string {
  return STATUS_MESSAGES[status] ?? `The request failed with HTTP status ${status}.`;
}
