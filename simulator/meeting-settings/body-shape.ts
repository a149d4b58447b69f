/**
 * A small description of a JSON request body, enough to check it field by field and name the field
 * at fault in each problem. Written by hand from Cisco's schemas: the simulator never reads the spec.
 */
export type FieldShape =
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'string-list'; unique: boolean }
  | { kind: 'object'; fields: Readonly<Record<string, FieldShape>>; required?: readonly string[] }
  /** Returned by GET but not accepted in a write. */
  | { kind: 'read-only' };

/** Problems with `value` against `shape`, each naming the field by its dotted path. */
export function shapeProblems(value: unknown, shape: FieldShape, path: string): string[] {
  switch (shape.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path} must be a boolean; received ${describe(value)}.`];
    case 'enum':
      return typeof value === 'string' && shape.values.includes(value)
        ? []
        : [`${path} must be one of ${shape.values.join(', ')}; received ${describe(value)}.`];
    case 'integer':
      return Number.isInteger(value) && (value as number) >= shape.min && (value as number) <= shape.max
        ? []
        : [`${path} must be an integer from ${shape.min} to ${shape.max}; received ${describe(value)}.`];
    case 'string-list':
      return stringListProblems(value, shape.unique, path);
    case 'object':
      return objectProblems(value, shape, path);
    case 'read-only':
      return [`${path} is read-only and cannot be updated.`];
  }
}

function stringListProblems(value: unknown, unique: boolean, path: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    return [`${path} must be an array of strings; received ${describe(value)}.`];
  }
  if (unique && new Set(value).size !== value.length) {
    // Wording of the error example in Cisco's spec for this PATCH.
    return [`Repeated items are not allowed in ${path}.`];
  }
  return [];
}

function objectProblems(value: unknown, shape: Extract<FieldShape, { kind: 'object' }>, path: string): string[] {
  if (!isPlainObject(value)) {
    return [`${path} must be an object; received ${describe(value)}.`];
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
      problems.push(`${join(path, name)} is required when ${path} is sent.`);
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

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
