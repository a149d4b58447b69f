import { isIPv4 } from 'net';

/** True for host names only this machine can reach: 127.0.0.0/8, ::1 and localhost. */
function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIPv4(host) && host.startsWith('127.'));
}

/** The simulator accepts any token it was given, so it must never be reachable from the network. */
export function loopbackCheck(host: string): void {
  if (!isLoopbackHost(host)) {
    throw new Error(`The simulator listens on loopback addresses only (127.0.0.1, ::1, localhost); refused ${JSON.stringify(host)}.`);
  }
}
