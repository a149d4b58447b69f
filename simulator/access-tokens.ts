import type { PersonRecord } from './state/person';

/**
 * What one bearer token may do: every scope, or a listed set. `actingAs` is set only on the tokens of
 * the test seam `controlHubAdmin`: the person whose writes the admin audit trail records (else the seed's admin).
 */
export type Grant = ({ readonly allScopes: true } | { readonly allScopes: false; readonly scopes: ReadonlySet<string> }) & { readonly actingAs?: PersonRecord };

/** The tokens the simulator accepts. Tokens stay in memory and are never logged or recorded. */
export class AccessTokens {
  private readonly grants = new Map<string, Grant>();

  /** A list grants every scope; a record grants each token its `scopes`, or every scope when omitted. */
  constructor(tokens: Record<string, { scopes?: string[] }> | string[]) {
    const entries: [string, string[] | undefined][] = Array.isArray(tokens)
      ? tokens.map((token) => [token, undefined])
      : Object.entries(tokens).map(([token, grant]) => [token, grant.scopes]);
    for (const [token, scopes] of entries) {
      if (!/^\S+$/.test(token)) {
        throw new Error('Simulator tokens must be non-empty and contain no whitespace.');
      }
      this.grants.set(token, scopes === undefined ? { allScopes: true } : { allScopes: false, scopes: new Set(scopes) });
    }
  }

  /** Accepts one more token, with every scope, acting as `person` (test seam: a change "in Control Hub" by another admin). */
  addActingAs(token: string, person: PersonRecord): void {
    this.grants.set(token, { allScopes: true, actingAs: person });
  }

  /** The grant behind an `Authorization` header, or undefined when it carries no known bearer token. */
  grantFor(authorization: string | undefined): Grant | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    return match === null ? undefined : this.grants.get(match[1]);
  }
}

export function grantsAnyScope(grant: Grant, scopes: readonly string[]): boolean {
  return grant.allScopes || scopes.some((scope) => grant.scopes.has(scope));
}
