import {
  HTTP_METHODS,
  type HttpMethod,
  type LoadedSpec,
  loadSpecs,
  type OperationObject,
  type ParameterObject,
} from './openapi-document';

/** One operation of one spec that a request addresses. */
export interface SpecOperation {
  spec: LoadedSpec;
  method: HttpMethod;
  /** The spec's path template, e.g. `/people/{personId}`. */
  template: string;
  operation: OperationObject;
  /** Path-item and operation parameters, the operation's winning on name and location. */
  parameters: ParameterObject[];
  /** Values of the template's path parameters, URL-decoded. */
  pathParams: Record<string, string>;
}

export type Lookup =
  | { found: true; operations: SpecOperation[]; query: URLSearchParams }
  | { found: false; problem: string; /** the path exists, without this method */ pathKnown: boolean };

interface IndexedPath {
  spec: LoadedSpec;
  template: string;
  segments: string[];
  literalCount: number;
}

let index: IndexedPath[] | undefined;

/**
 * The operation(s) a request addresses, searching both specs. Cisco's specs have no `servers`: their
 * paths sit under https://webexapis.com/v1, except identity and SCIM paths, which sit under
 * https://webexapis.com/identity and appear in the spec with that prefix. So `/v1/x` maps to `/x`,
 * and `/identity/...` maps as-is. Literal path segments win over templated ones.
 */
export function lookUpOperation(method: string, url: string): Lookup {
  const [rawPath, rawQuery = ''] = splitOnce(url, '?');
  const specPath = toSpecPath(rawPath);
  if (typeof specPath !== 'string') {
    return { found: false, problem: specPath.problem, pathKnown: false };
  }
  const segments = specPath.split('/').slice(1);
  const matches = pathIndex()
    .map((indexed) => ({ indexed, pathParams: matchTemplate(indexed.segments, segments) }))
    .filter((match): match is { indexed: IndexedPath; pathParams: Record<string, string> } => match.pathParams !== undefined);
  if (matches.length === 0) {
    return { found: false, problem: `${rawPath} matches no path of Cisco's specs.`, pathKnown: false };
  }
  const lowerMethod = method.toLowerCase() as HttpMethod;
  const withMethod = matches.filter(({ indexed }) => indexed.spec.document.paths[indexed.template][lowerMethod] !== undefined);
  if (withMethod.length === 0) {
    const declared = new Set(matches.flatMap(({ indexed }) => declaredMethods(indexed)));
    return {
      found: false,
      problem: `${method.toUpperCase()} ${rawPath} is not an operation of Cisco's specs (declared: ${[...declared].join(', ')}).`,
      pathKnown: true,
    };
  }
  const mostLiteral = Math.max(...withMethod.map(({ indexed }) => indexed.literalCount));
  const operations = withMethod
    .filter(({ indexed }) => indexed.literalCount === mostLiteral)
    .map(({ indexed, pathParams }) => toSpecOperation(indexed, lowerMethod, pathParams));
  return { found: true, operations, query: new URLSearchParams(rawQuery) };
}

function toSpecPath(rawPath: string): string | { problem: string } {
  if (rawPath.startsWith('/v1/')) {
    const specPath = rawPath.slice('/v1'.length);
    return specPath.startsWith('/identity/')
      ? { problem: `${rawPath}: identity paths are served under /identity, not /v1/identity.` }
      : specPath;
  }
  if (rawPath.startsWith('/identity/')) {
    return rawPath;
  }
  return { problem: `${rawPath}: Webex API paths start with /v1/ or /identity/.` };
}

function pathIndex(): IndexedPath[] {
  index ??= loadSpecs().flatMap((spec) =>
    Object.keys(spec.document.paths).map((template) => {
      const segments = template.split('/').slice(1);
      return { spec, template, segments, literalCount: segments.filter((segment) => !isTemplated(segment)).length };
    }),
  );
  return index;
}

function declaredMethods({ spec, template }: IndexedPath): string[] {
  const pathItem = spec.document.paths[template];
  return HTTP_METHODS.filter((method) => pathItem[method] !== undefined).map((method) => method.toUpperCase());
}

function toSpecOperation(indexed: IndexedPath, method: HttpMethod, pathParams: Record<string, string>): SpecOperation {
  const pathItem = indexed.spec.document.paths[indexed.template];
  const operation = pathItem[method]!;
  const own = operation.parameters ?? [];
  const inherited = (pathItem.parameters ?? []).filter(
    (parameter) => !own.some((candidate) => candidate.name === parameter.name && candidate.in === parameter.in),
  );
  const parameters = [...inherited, ...own];
  if (parameters.some((parameter) => '$ref' in parameter)) {
    throw new Error(`${method.toUpperCase()} ${indexed.template} in ${indexed.spec.name} uses a parameter $ref, which this validator does not resolve.`);
  }
  return { spec: indexed.spec, method, template: indexed.template, operation, parameters, pathParams };
}

function matchTemplate(template: string[], actual: string[]): Record<string, string> | undefined {
  if (template.length !== actual.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i += 1) {
    if (isTemplated(template[i])) {
      if (actual[i] === '') {
        return undefined;
      }
      params[template[i].slice(1, -1)] = decodeSegment(actual[i]);
    } else if (template[i] !== actual[i]) {
      return undefined;
    }
  }
  return params;
}

/** A malformed escape is left as sent, for the parameter's schema to judge. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function isTemplated(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}
