/**
 * Seconds to wait from a Retry-After header (delta-seconds or an HTTP date). Webex sends seconds;
 * without a header we wait 5 s, as Cisco's own SDK does. Capped so a bad header cannot hang a run.
 */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;
export const MAX_RETRY_AFTER_SECONDS = 120;

export function retryAfterSeconds(header: string | undefined, now: number = Date.now()): number {
  if (header === undefined || header.trim() === '') return DEFAULT_RETRY_AFTER_SECONDS;
  const trimmed = header.trim();
  let seconds: number;
  if (/^\d+$/.test(trimmed)) {
    seconds = Number(trimmed);
  } else {
    const date = Date.parse(trimmed);
    seconds = Number.isNaN(date) ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(0, Math.ceil((date - now) / 1000));
  }
  return Math.min(seconds, MAX_RETRY_AFTER_SECONDS);
}
