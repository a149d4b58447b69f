import type { Route } from './route';

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

interface CompiledRoute {
  route: Route;
  segments: string[];
  literalCount: number;
}

/**
 * Finds the route for a method and path. A literal segment wins over a `{param}` (`/people/me` before
 * `/people/{personId}`); a known path without the method is 405, with the methods it does allow.
 */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.routes = routes.map((route) => {
      const segments = route.path.split('/').slice(1);
      return { route, segments, literalCount: segments.filter((segment) => !isParam(segment)).length };
    });
  }

  match(method: string, pathname: string): RouteMatch {
    const segments = pathname.split('/').slice(1);
    const candidates = this.routes
      .map((compiled) => ({ compiled, params: matchSegments(compiled.segments, segments) }))
      .filter((candidate): candidate is { compiled: CompiledRoute; params: Record<string, string> } => candidate.params !== undefined);
    if (candidates.length === 0) {
      return { kind: 'not-found' };
    }
    const withMethod = candidates.filter(({ compiled }) => compiled.route.method === method);
    if (withMethod.length === 0) {
      const allowed = new Set(mostSpecific(candidates).map(({ compiled }) => compiled.route.method));
      return { kind: 'method-not-allowed', allowed: [...allowed] };
    }
    const found = mostSpecific(withMethod)[0];
    return { kind: 'found', route: found.compiled.route, params: found.params };
  }
}

function mostSpecific<T extends { compiled: CompiledRoute }>(candidates: T[]): T[] {
  const most = Math.max(...candidates.map(({ compiled }) => compiled.literalCount));
  return candidates.filter(({ compiled }) => compiled.literalCount === most);
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

function matchSegments(template: string[], actual: string[]): Record<string, string> | undefined {
  if (template.length !== actual.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i += 1) {
    if (isParam(template[i])) {
      if (actual[i] === '') {
        return undefined;
      }
      const value = safeDecode(actual[i]);
      if (value === undefined) {
        return undefined;
      }
      params[template[i].slice(1, -1)] = value;
    } else if (template[i] !== actual[i]) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
