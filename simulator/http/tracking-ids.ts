import type { IncomingMessage } from 'http';

/** Header a client may send to choose the trackingId; Webex echoes it in the response. */
export const TRACKING_ID_HEADER = 'TrackingID';

/**
 * Issues trackingIds for requests that did not bring one. A counter rather than a random UUID, so that
 * two runs of the same test produce the same exchanges.
 */
export function createTrackingIdSource(): () => string {
  let issued = 0;
  return () => {
    issued += 1;
    return `SIMULATOR_${String(issued).padStart(8, '0')}`;
  };
}

export function requestedTrackingId(request: IncomingMessage): string | undefined {
  const value = request.headers[TRACKING_ID_HEADER.toLowerCase()];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? undefined : first;
}
