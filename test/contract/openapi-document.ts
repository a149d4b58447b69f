import { readFileSync } from 'fs';
import { join } from 'path';

/** The parts of an OpenAPI 3.0 document the contract validator reads. */
export type SchemaObject = Record<string, unknown>;

export interface ParameterObject {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}

export interface MediaTypeObject {
  schema?: SchemaObject;
  example?: unknown;
}

export interface RequestBodyObject {
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId?: string;
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseObject>;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItemObject = Partial<Record<HttpMethod, OperationObject>> & { parameters?: ParameterObject[] };

export interface OpenApiDocument {
  paths: Record<string, PathItemObject>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export interface LoadedSpec {
  /** File name, also used as the schema id under which its components are registered. */
  name: string;
  document: OpenApiDocument;
}

/** Cisco's specs, copied unmodified into the test fixtures (see their README.md). */
const SPEC_FILES = ['webex-admin.json', 'webex-meeting.json', 'webex-messaging.json'];
const SPEC_DIRECTORY = join(__dirname, '..', 'fixtures', 'webex-openapi');

let loaded: readonly LoadedSpec[] | undefined;

/** The specs, read from disk on first use only. */
export function loadSpecs(): readonly LoadedSpec[] {
  loaded ??= SPEC_FILES.map((name) => ({
    name,
    document: JSON.parse(readFileSync(join(SPEC_DIRECTORY, name), 'utf8')) as OpenApiDocument,
  }));
  return loaded;
}
