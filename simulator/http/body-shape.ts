import { badRequest } from './webex-error';

/**
 * A small description of a JSON request body, enough to check it field by field and name the field
 * at fault in each problem. Written by hand from Cisco's schemas: the simulator never reads the spec.
 */
export type FieldShape =
  | { kind: 'boolean' }
  | { kind: 'string'; nonEmpty?: boolean; maxLength?: number }
  | { kind: 'enum'; values: readonly string[] }
  /** A JSON number that must be one of the listed values (Cisco types these enums as `number`). */
  | { kind: 'number-enum'; values: readonly number[] }
  | { kind: 'integer'; min: number; max: number }
  /** A decimal integer sent as a JSON string, as the identity APIs type their numbers. */
  | { kind: 'integer-string'; min: number; max: number }
  | { kind: 'string-list'; unique: boolean }
  | { kind: 'list'; items: FieldShape }
  | { kind: 'object'; fields: Readonly<Record<string, FieldShape>>; required?: readonly string[] }
  /** Returned by GET but not accepted in a write. */
  | { kind: 'read-only' };

/** Problems with `value` against `shape`, each naming the field by its dotted path ('' is the body itself). */
export function shapeProblems(value: unknown, shape: FieldShape, path: string): string[] {
  switch (shape.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path} must be a boolean; received ${describe(value)}.`];
    case 'string':
      return stringProblems(value, shape, path);
    case 'enum':
      return typeof value === 'string' && shape.values.includes(value)
        ? []
        : [`${path} must be one of ${shape.values.join(', ')}; received ${describe(value)}.`];
    case 'number-enum':
      return typeof value === 'number' && shape.values.includes(value)
        ? []
        : [`${path} must be one of ${shape.values.join(', ')}; received ${describe(value)}.`];
    case 'integer':
      return Number.isInteger(value) && (value as number) >= shape.min && (value as number) <= shape.max
        ? []
        : [`${path} must be an integer from ${shape.min} to ${shape.max}; received ${describe(value)}.`];
    case 'integer-string':
      return typeof value === 'string' && /^\d+$/.test(value) && Number(value) >= shape.min && Number(value) <= shape.max
        ? []
        : [`${path} must be a string holding an integer from ${shape.min} to ${shape.max}; received ${describe(value)}.`];
    case 'string-list':
      return stringListProblems(value, shape.unique, path);
    case 'list':
      return Array.isArray(value)
        ? value.flatMap((item, index) => shapeProblems(item, shape.items, `${path}[${index}]`))
        : [`${path} must be an array; received ${describe(value)}.`];
    case 'object':
      return objectProblems(value, shape, path);
    case 'read-only':
      return [`${path} is read-only and cannot be updated.`];
  }
}

function stringProblems(value: unknown, shape: Extract<FieldShape, { kind: 'string' }>, path: string): string[] {
  if (typeof value !== 'string') {
    return [`${path} must be a string; received ${describe(value)}.`];
  }
  if (shape.nonEmpty === true && value === '') {
    return [`${path} must not be empty.`];
  }
  if (shape.maxLength !== undefined && value.length > shape.maxLength) {
    return [`${path} must be at most ${shape.maxLength} characters long; received ${value.length}.`];
  }
  return [];
}

function stringListProblems(value: unknown, unique: boolean, path: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    return [`${path} must be an array of strings; received ${describe(value)}.`];
  }
  if (unique && new Set(value).size !== value.length) {
    // Wording of the error example in Cisco's spec for the commonSettings PATCH.
    return [`Repeated items are not allowed in ${path}.`];
  }
  return [];
}

function objectProblems(value: unknown, shape: Extract<FieldShape, { kind: 'object' }>, path: string): string[] {
  if (!isPlainObject(value)) {
    return [path === '' ? `The request body must be a JSON object; received ${describe(value)}.` : `${path} must be an object; received ${describe(value)}.`];
  }
  const problems: string[] = [];
  for (const [name, fieldValue] of Object.entries(value)) {
    const fieldShape = Object.hasOwn(shape.fields, name) ? shape.fields[name] : undefined;
    problems.push(
      ...(fieldShape === undefined
        ? [`${join(path, name)} is not a known field.`]
        : shapeProblems(fieldValue, fieldShape, join(path, name))),
    );
  }
  for (const name of shape.required ?? []) {
    if (!Object.hasOwn(value, name)) {
      problems.push(path === '' ? `${name} is required.` : `${join(path, name)} is required when ${path} is sent.`);
    }
  }
  return problems;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

export function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The request body checked against `shape`; a 400 naming every problem when it does not fit, or when there is none. */
export function validBody<T>(body: unknown, shape: FieldShape): T {
  if (body === undefined) {
    throw badRequest(['A JSON request body is required.']);
  }
  const problems = shapeProblems(body, shape, '');
  if (problems.length > 0) {
    throw badRequest(problems);
  }
  return body as T;
}
