/**
 * Contract checks of Webex HTTP exchanges against Cisco's OpenAPI specs (test/fixtures/webex-openapi),
 * used on both sides: the requests the client sends and the responses the simulator returns. Schemas
 * are strict: an object may carry only the fields the spec names.
 */
import Ajv2019, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { loadSpecs, type MediaTypeObject, type ParameterObject, type SchemaObject } from './openapi-document';
import { lookUpOperation, type SpecOperation } from './operation-lookup';
import { componentDefinitions, toStrictJsonSchema } from './strict-json-schema';

/** A request as sent to the base URL: `url` is path and query, e.g. `/v1/people/me?callingData=true`. */
export interface ContractRequest {
  method: string;
  url: string;
  requestBody?: unknown;
}

export interface ContractResponse {
  method: string;
  url: string;
  status: number;
  responseBody?: unknown;
  responseHeaders?: Record<string, string>;
}

/**
 * Statuses Webex may answer on any operation; Cisco lists exactly these on most operations, but not
 * on every one.
 */
const GENERIC_ERROR_STATUSES = new Set([400, 401, 403, 404, 405, 409, 410, 415, 423, 428, 429, 500, 502, 503, 504]);

/** The error body Webex sends with 4xx and 5xx; errorCode fields are optional (WEBEX-API.md §1). */
const WEBEX_ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['message', 'trackingId'],
  additionalProperties: false,
  properties: {
    message: { type: 'string' },
    errorCode: { type: 'number' },
    trackingId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['description'],
        additionalProperties: false,
        properties: { description: { type: 'string' }, errorCode: { type: 'number' } },
      },
    },
  },
};

/** Problems with a request; [] when it is a valid call of an operation Cisco's specs declare. */
export function validateRequest(request: ContractRequest): string[] {
  const lookup = lookUpOperation(request.method, request.url);
  if (!lookup.found) {
    return [lookup.problem];
  }
  return firstPassing(lookup.operations.map((operation) => requestProblems(operation, lookup.query, request.requestBody)));
}

/**
 * Problems with a response to a request. A 404 or 405 to a request the specs do not declare is
 * conforming (the server refused an operation that does not exist) as long as it has the Webex error body.
 */
export function validateResponse(response: ContractResponse): string[] {
  const lookup = lookUpOperation(response.method, response.url);
  if (!lookup.found) {
    const refusal = response.status === 404 || (response.status === 405 && lookup.pathKnown);
    return refusal ? errorBodyProblems(response.responseBody) : [lookup.problem];
  }
  return firstPassing(lookup.operations.map((operation) => responseProblems(operation, response)));
}

/** A path in both specs (such as /people/me) is valid when it satisfies either. */
function firstPassing(results: string[][]): string[] {
  return results.find((problems) => problems.length === 0) ?? results[0];
}

function requestProblems(operation: SpecOperation, query: URLSearchParams, body: unknown): string[] {
  const name = operationName(operation);
  const problems: string[] = [];
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  for (const key of new Set(query.keys())) {
    const parameter = queryParameters.find((candidate) => candidate.name === key) ?? deliberatelyUndeclared(operation, key);
    if (parameter === undefined && key === PAGE_CURSOR && pagesWithLink(operation)) {
      continue;
    }
    problems.push(
      ...(parameter === undefined
        ? [`query parameter ${key} is not declared by ${name}`]
        : parameterProblems(operation, parameter, query.getAll(key))),
    );
  }
  for (const parameter of queryParameters.filter((candidate) => candidate.required && !query.has(candidate.name))) {
    problems.push(`required query parameter ${parameter.name} is missing for ${name}`);
  }
  for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'path')) {
    problems.push(...parameterProblems(operation, parameter, [operation.pathParams[parameter.name]]));
  }
  problems.push(...requestBodyProblems(operation, body));
  return problems;
}

/**
 * The opaque position marker in a `Link: <…>; rel="next"` URL (developer.webex.com/docs/basics shows
 * `cursor=…`). No operation declares it, yet a client must follow that URL verbatim, so it is accepted
 * on operations whose 200 response declares a Link header.
 */
const PAGE_CURSOR = 'cursor';

/**
 * Query parameters the client sends on purpose although the operation does not declare them, each
 * checked as declared by a sibling operation of the same path. Only one: `siteUrl` on PATCH
 * commonSettings. The spec does not say which site that PATCH writes (WEBEX-API.md §6); the client
 * names the site as the GET does, so that a server honouring it writes that site, while the site is
 * also made the default for a server ignoring it, and verifies either way
 * (provisioning/settings/confined-site-write.ts). Anything else undeclared stays a contract failure.
 */
const DELIBERATELY_UNDECLARED: readonly { method: string; template: string; name: string; declaredBy: 'get' }[] = [
  { method: 'patch', template: '/admin/meeting/config/commonSettings', name: 'siteUrl', declaredBy: 'get' },
];

function deliberatelyUndeclared(operation: SpecOperation, name: string): ParameterObject | undefined {
  const entry = DELIBERATELY_UNDECLARED.find((e) => e.method === operation.method.toLowerCase() && e.template === operation.template && e.name === name);
  if (entry === undefined) return undefined;
  const sibling = operation.spec.document.paths[entry.template]?.[entry.declaredBy];
  return (sibling?.parameters ?? []).find((p): p is ParameterObject => !('$ref' in p) && p.in === 'query' && p.name === name);
}

function pagesWithLink(operation: SpecOperation): boolean {
  const headers = operation.operation.responses['200']?.headers ?? {};
  return Object.keys(headers).some((name) => name.toLowerCase() === 'link');
}

function parameterProblems(operation: SpecOperation, parameter: ParameterObject, rawValues: string[]): string[] {
  const label = `${parameter.in} parameter ${parameter.name} of ${operationName(operation)}`;
  const schema = parameter.schema ?? {};
  if (schema.type !== 'array' && rawValues.length > 1) {
    return [`${label} is given ${rawValues.length} times but takes one value`];
  }
  const value =
    schema.type === 'array'
      ? rawValues.flatMap((raw) => raw.split(',')).map((raw) => fromText(raw, schema.items as SchemaObject | undefined))
      : fromText(rawValues[0], schema);
  const validate = compiled(`${cacheKey(operation)} ${parameter.in}:${parameter.name}`, () =>
    toStrictJsonSchema(schema, operation.spec.name),
  );
  return schemaProblems(validate, value, label);
}

/** Query and path values arrive as text; read them as the type their schema declares. */
function fromText(raw: string, schema: SchemaObject | undefined): unknown {
  switch (schema?.type) {
    case 'number':
    case 'integer':
      return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    default:
      return raw;
  }
}

function requestBodyProblems(operation: SpecOperation, body: unknown): string[] {
  const name = operationName(operation);
  const declared = operation.operation.requestBody;
  if (declared === undefined) {
    return body === undefined ? [] : [`${name} takes no request body`];
  }
  if (body === undefined) {
    return declared.required ? [`${name} requires a request body`] : [];
  }
  const json = jsonMediaType(declared.content ?? {});
  if (json === undefined) {
    return [`${name} declares no JSON request body`];
  }
  if (json.media.schema === undefined) {
    return [];
  }
  const schema = json.media.schema;
  const validate = compiled(`${cacheKey(operation)} request ${json.type}`, () => toStrictJsonSchema(schema, operation.spec.name));
  return schemaProblems(validate, body, `request body of ${name}`);
}

function responseProblems(operation: SpecOperation, response: ContractResponse): string[] {
  const name = operationName(operation);
  const responses = operation.operation.responses;
  const status = String(response.status);
  const declared = responses[status] ?? responses[`${status[0]}XX`] ?? responses.default;
  if (declared === undefined && !GENERIC_ERROR_STATUSES.has(response.status)) {
    return [`status ${status} is not declared by ${name} (declared: ${Object.keys(responses).join(', ')})`];
  }
  const problems = response.status >= 400 ? errorBodyProblems(response.responseBody) : [];
  const content = declared?.content ?? {};
  if (Object.keys(content).length === 0) {
    if (response.status < 400 && response.responseBody !== undefined) {
      problems.push(`${name} declares no body for status ${status}, but one was sent`);
    }
    return problems;
  }
  const sentType = header(response.responseHeaders, 'content-type');
  const media = sentType === undefined ? jsonMediaType(content) : mediaTypeFor(content, sentType);
  if (media === undefined) {
    return [...problems, `content type ${sentType} is not declared for status ${status} of ${name} (declared: ${Object.keys(content).join(', ')})`];
  }
  if (media.media.schema === undefined) {
    return problems;
  }
  if (response.responseBody === undefined) {
    return [...problems, `${name} declares a ${media.type} body for status ${status}, but none was sent`];
  }
  const schema = media.media.schema;
  const validate = compiled(`${cacheKey(operation)} response ${status} ${media.type}`, () =>
    toStrictJsonSchema(schema, operation.spec.name),
  );
  return [...problems, ...schemaProblems(validate, response.responseBody, `response body (${status}) of ${name}`)];
}

function errorBodyProblems(body: unknown): string[] {
  const validate = compiled('webex error body', () => WEBEX_ERROR_SCHEMA);
  return schemaProblems(validate, body, 'Webex error body');
}

function jsonMediaType(content: Record<string, MediaTypeObject>): { type: string; media: MediaTypeObject } | undefined {
  const type = Object.keys(content).find((candidate) => /^application\/([\w.-]+\+)?json\b/i.test(candidate));
  return type === undefined ? undefined : { type, media: content[type] };
}

/** Matches on the media type itself; parameters such as charset are not compared. */
function mediaTypeFor(content: Record<string, MediaTypeObject>, sentType: string): { type: string; media: MediaTypeObject } | undefined {
  const essence = (type: string) => type.split(';')[0].trim().toLowerCase();
  const type = Object.keys(content).find((candidate) => essence(candidate) === essence(sentType));
  return type === undefined ? undefined : { type, media: content[type] };
}

function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  return Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
}

function operationName(operation: SpecOperation): string {
  return `${operation.method.toUpperCase()} ${operation.template} (${operation.spec.name})`;
}

function cacheKey(operation: SpecOperation): string {
  return `${operation.spec.name} ${operation.method} ${operation.template}`;
}

function schemaProblems(validate: ValidateFunction, value: unknown, label: string): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${label}: ${describeError(error)}`);
}

function describeError(error: ErrorObject): string {
  const at = error.instancePath === '' ? '' : `${error.instancePath} `;
  const params = error.params as Record<string, unknown>;
  const detail =
    params.additionalProperty !== undefined
      ? ` "${String(params.additionalProperty)}"`
      : params.unevaluatedProperty !== undefined
        ? ` "${String(params.unevaluatedProperty)}"`
        : params.allowedValues !== undefined
          ? `: ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`
          : '';
  return `${at}${error.message ?? error.keyword}${detail}`;
}

let ajv: Ajv2019 | undefined;
const validators = new Map<string, ValidateFunction>();

/** Compiles each schema once; later validations of the same operation reuse it. */
function compiled(key: string, schema: () => SchemaObject): ValidateFunction {
  let validate = validators.get(key);
  if (validate === undefined) {
    validate = validator().compile(schema());
    validators.set(key, validate);
  }
  return validate;
}

function validator(): Ajv2019 {
  if (ajv === undefined) {
    // strict: false because OpenAPI schemas carry keywords JSON Schema does not know.
    ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    // Cisco's format for recording file types; not a validation format.
    ajv.addFormat('ARF', true);
    for (const spec of loadSpecs()) {
      ajv.addSchema(componentDefinitions(spec.name, spec.document.components?.schemas ?? {}));
    }
  }
  return ajv;
}
