import { DEFAULT_E2EE_NAME_CONTAINS, SessionTypeMatch } from './site-controls';

/** What a session type is known by (GET /v1/admin/meeting/config/sessionTypes), as far as matching goes. */
export interface NamedSessionType {
  readonly name?: string;
  readonly shortName?: string;
}

/** The match used when a declaration names none: the name contains "End to End Encryption". */
export const DEFAULT_SESSION_TYPE_MATCH: SessionTypeMatch = Object.freeze({ nameContains: DEFAULT_E2EE_NAME_CONTAINS });

/**
 * The one session-type matcher (provisioning plans with it, policies judge with it, import declares with
 * it): names and short names compared case-insensitively.
 */
export function matchesSessionType(type: NamedSessionType, match: SessionTypeMatch): boolean {
  const lower = (value: string | undefined) => (value ?? '').toLowerCase();
  if ('shortName' in match) return lower(type.shortName) === lower(match.shortName);
  if ('name' in match) return lower(type.name) === lower(match.name);
  return lower(type.name).includes(lower(match.nameContains));
}

/** How a match reads in a message, in manifest vocabulary: `sessionType.shortName "PRO3E2E"`. */
export function describeSessionTypeMatch(match: SessionTypeMatch): string {
  if ('shortName' in match) return `sessionType.shortName ${JSON.stringify(match.shortName)}`;
  if ('name' in match) return `sessionType.name ${JSON.stringify(match.name)}`;
  return `sessionType.nameContains ${JSON.stringify(match.nameContains)}`;
}
