import Ajv2019 from 'ajv/dist/2019';
import type { SchemaObject } from './openapi-document';
import { componentDefinitions, toStrictJsonSchema } from './strict-json-schema';

const SPEC_ID = 'test-spec.json';

/** Validates `value` against `schema` converted strictly, with `components` registered as a spec would be. */
function accepts(schema: SchemaObject, value: unknown, components: Record<string, SchemaObject> = {}): boolean {
  const ajv = new Ajv2019({ strict: false });
  ajv.addSchema(componentDefinitions(SPEC_ID, components));
  return ajv.validate(toStrictJsonSchema(schema, SPEC_ID), value);
}

const NAMED = { type: 'object', properties: { name: { type: 'string', example: 'x', description: 'A name.' } } };

describe('toStrictJsonSchema', () => {
  test('refuses fields an object schema does not name, at every depth', () => {
    const schema = { type: 'object', properties: { inner: NAMED, list: { type: 'array', items: NAMED } } };
    expect(accepts(schema, { inner: { name: 'a' }, list: [{ name: 'b' }] })).toBe(true);
    expect(accepts(schema, { other: 1 })).toBe(false);
    expect(accepts(schema, { inner: { name: 'a', other: 1 } })).toBe(false);
    expect(accepts(schema, { list: [{ other: 1 }] })).toBe(false);
  });

  test('keeps additionalProperties a schema declares', () => {
    expect(accepts({ ...NAMED, additionalProperties: true }, { name: 'a', other: 1 })).toBe(true);
    expect(accepts({ ...NAMED, additionalProperties: { type: 'number' } }, { name: 'a', other: 1 })).toBe(true);
    expect(accepts({ ...NAMED, additionalProperties: { type: 'number' } }, { name: 'a', other: 'x' })).toBe(false);
  });

  test('leaves an object schema that names no properties free-form', () => {
    expect(accepts({ type: 'object' }, { anything: [1, 2] })).toBe(true);
  });

  test('resolves $refs into components, strictly', () => {
    const schema = { type: 'object', properties: { who: { $ref: '#/components/schemas/Named' } } };
    expect(accepts(schema, { who: { name: 'a' } }, { Named: NAMED })).toBe(true);
    expect(accepts(schema, { who: { name: 'a', other: 1 } }, { Named: NAMED })).toBe(false);
  });

  test('resolves component names that need escaping', () => {
    expect(accepts({ $ref: '#/components/schemas/Named Thing' }, { name: 'a' }, { 'Named Thing': NAMED })).toBe(true);
  });

  test('allOf allows the fields any part names, and no others', () => {
    const schema = { allOf: [{ $ref: '#/components/schemas/Named' }, { type: 'object', properties: { age: { type: 'number' } } }] };
    const components = { Named: NAMED };
    expect(accepts(schema, { name: 'a', age: 3 }, components)).toBe(true);
    expect(accepts(schema, { name: 'a', age: 3, other: 1 }, components)).toBe(false);
    expect(accepts(schema, { name: 1 }, components)).toBe(false);
  });

  test('anyOf allows the fields of the alternative that matched', () => {
    const schema = {
      anyOf: [
        { type: 'object', properties: { email: { type: 'string' } }, required: ['email'] },
        { type: 'object', properties: { personId: { type: 'string' } }, required: ['personId'] },
      ],
    };
    expect(accepts(schema, { email: 'a@b.c' })).toBe(true);
    expect(accepts(schema, { personId: 'p' })).toBe(true);
    expect(accepts(schema, { email: 'a@b.c', other: 1 })).toBe(false);
  });

  test('turns OpenAPI nullable into a null type', () => {
    expect(accepts({ type: 'string', nullable: true }, null)).toBe(true);
    expect(accepts({ type: 'string' }, null)).toBe(false);
    expect(accepts({ type: 'string', enum: ['a'], nullable: true }, null)).toBe(true);
  });

  test('turns OpenAPI boolean exclusive bounds into numeric ones', () => {
    const schema = { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 12 };
    expect(accepts(schema, 0)).toBe(false);
    expect(accepts(schema, 0.5)).toBe(true);
    expect(accepts(schema, 12)).toBe(true);
  });

  test('drops annotations such as example and description', () => {
    expect(toStrictJsonSchema(NAMED, SPEC_ID)).toEqual({
      type: 'object',
      properties: { name: { type: 'string' } },
      additionalProperties: false,
    });
  });
});
