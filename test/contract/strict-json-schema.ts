import type { SchemaObject } from './openapi-document';

/** JSON Schema keywords an OpenAPI 3.0 schema may use that constrain values; annotations are dropped. */
const KEPT_KEYWORDS = [
  'type',
  'enum',
  'required',
  'multipleOf',
  'maximum',
  'minimum',
  'maxLength',
  'minLength',
  'pattern',
  'format',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
] as const;

const COMPOSITIONS = ['allOf', 'anyOf', 'oneOf'] as const;
const COMPONENT_REF_PREFIX = '#/components/schemas/';

/**
 * A spec's component schemas as one JSON Schema document with id `specId`, each converted twice:
 * `#/$defs/strict/<name>`, and `#/$defs/open/<name>`, whose top-level object stays extensible so that
 * it can be one part of a composition. Converted `$ref`s point here.
 */
export function componentDefinitions(specId: string, schemas: Record<string, SchemaObject>): SchemaObject {
  const variant = (open: boolean) =>
    Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, toStrictJsonSchema(schema, specId, open)]));
  return { $id: specId, $defs: { strict: variant(false), open: variant(true) } };
}

function componentRef(specId: string, name: string, variant: 'strict' | 'open'): string {
  return `${specId}#/$defs/${variant}/${encodeURIComponent(name)}`;
}

/**
 * Converts an OpenAPI 3.0 schema into a JSON Schema (draft 2019-09) that refuses any field the spec
 * does not name: each object schema that names properties and does not declare additionalProperties
 * gets `additionalProperties: false`; a schema composed with allOf/anyOf/oneOf gets
 * `unevaluatedProperties: false` instead, and its parts are converted open, so that properties named by
 * any part count. `$ref`s into components become absolute refs under `specId`; `nullable` becomes a
 * `null` type; example, description and other annotations are dropped.
 *
 * @param open leave this schema's own top level extensible (it is one part of a composition)
 */
export function toStrictJsonSchema(schema: SchemaObject, specId: string, open = false): SchemaObject {
  if (typeof schema.$ref === 'string') {
    return { $ref: convertRef(schema.$ref, specId, open) };
  }
  const result: SchemaObject = {};
  for (const keyword of KEPT_KEYWORDS) {
    if (schema[keyword] !== undefined) {
      result[keyword] = schema[keyword];
    }
  }
  convertExclusiveBounds(schema, result);
  if (schema.nullable === true) {
    allowNull(result);
  }
  if (isRecord(schema.properties)) {
    result.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, property]) => [name, toStrictJsonSchema(asSchema(property), specId)]),
    );
  }
  if (schema.items !== undefined) {
    result.items = toStrictJsonSchema(asSchema(schema.items), specId);
  }
  if (schema.not !== undefined) {
    result.not = toStrictJsonSchema(asSchema(schema.not), specId, true);
  }
  const composed = COMPOSITIONS.filter((keyword) => Array.isArray(schema[keyword]));
  for (const keyword of composed) {
    result[keyword] = (schema[keyword] as unknown[]).map((part) => toStrictJsonSchema(asSchema(part), specId, true));
  }
  if (schema.additionalProperties !== undefined) {
    result.additionalProperties =
      typeof schema.additionalProperties === 'boolean'
        ? schema.additionalProperties
        : toStrictJsonSchema(asSchema(schema.additionalProperties), specId);
  } else if (!open && composed.length > 0) {
    result.unevaluatedProperties = false;
  } else if (!open && namesProperties(schema)) {
    result.additionalProperties = false;
  }
  return result;
}

function convertRef(ref: string, specId: string, open: boolean): string {
  if (!ref.startsWith(COMPONENT_REF_PREFIX)) {
    throw new Error(`Unsupported $ref ${ref}: only ${COMPONENT_REF_PREFIX}* refs are expected in Cisco's specs.`);
  }
  return componentRef(specId, ref.slice(COMPONENT_REF_PREFIX.length), open ? 'open' : 'strict');
}

/** OpenAPI 3.0 uses boolean exclusiveMinimum/Maximum that modify minimum/maximum; JSON Schema uses numbers. */
function convertExclusiveBounds(schema: SchemaObject, result: SchemaObject): void {
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (schema[exclusive] === true && typeof schema[bound] === 'number') {
      result[exclusive] = schema[bound];
      delete result[bound];
    }
  }
}

function allowNull(result: SchemaObject): void {
  if (typeof result.type === 'string') {
    result.type = [result.type, 'null'];
  }
  if (Array.isArray(result.enum) && !result.enum.includes(null)) {
    result.enum = [...result.enum, null];
  }
}

/** An object schema with no properties at all is a free-form payload in Cisco's specs, and stays open. */
function namesProperties(schema: SchemaObject): boolean {
  return (schema.type === 'object' || schema.type === undefined) && isRecord(schema.properties);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asSchema(value: unknown): SchemaObject {
  if (!isRecord(value)) {
    throw new Error(`Expected a schema object, found ${JSON.stringify(value)}.`);
  }
  return value;
}
