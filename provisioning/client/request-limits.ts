/**
 * How long one HTTP exchange with Webex may take and how large an answer may be. The deadline covers
 * the whole exchange of one attempt (connect, send, headers and the full body), so a server that
 * answers one byte a second cannot hold a command forever; the cap is far above Webex's largest real
 * page (a 1,000-person page of GET /v1/people is under 2 MiB), so only a broken or hostile server hits it.
 */

/** @see WEBEX_IAC_REQUEST_TIMEOUT */
export const DEFAULT_REQUEST_DEADLINE_MS = 60_000;
/** @see WEBEX_IAC_MAX_RESPONSE_MIB */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

const MAX_DEADLINE_SECONDS = 3600;
const MAX_RESPONSE_MIB = 4096;

/** The deadline from WEBEX_IAC_REQUEST_TIMEOUT (seconds), or undefined when unset; anything else than a positive number up to an hour is an error. */
export function requestDeadlineFromEnvironment(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.WEBEX_IAC_REQUEST_TIMEOUT?.trim();
  if (raw === undefined || raw === '') return undefined;
  const seconds = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || seconds <= 0 || seconds > MAX_DEADLINE_SECONDS) {
    throw new RangeError(`WEBEX_IAC_REQUEST_TIMEOUT must be a number of seconds above 0 and at most ${MAX_DEADLINE_SECONDS}, received: ${JSON.stringify(raw)}`);
  }
  return Math.round(seconds * 1000);
}

/** The response cap from WEBEX_IAC_MAX_RESPONSE_MIB (mebibytes), or undefined when unset. */
export function maxResponseBytesFromEnvironment(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.WEBEX_IAC_MAX_RESPONSE_MIB?.trim();
  if (raw === undefined || raw === '') return undefined;
  const mib = Number(raw);
  if (!/^\d+$/.test(raw) || mib < 1 || mib > MAX_RESPONSE_MIB) {
    throw new RangeError(`WEBEX_IAC_MAX_RESPONSE_MIB must be an integer from 1 to ${MAX_RESPONSE_MIB}, received: ${JSON.stringify(raw)}`);
  }
  return mib * 1024 * 1024;
}

/** "60 s", "300 ms": a deadline as people read it. */
export function describeDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

/** "64 MiB", "512 bytes". */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} bytes`;
}
