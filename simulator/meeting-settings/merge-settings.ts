import { isPlainObject } from '../http/body-shape';

/**
 * PATCH semantics: objects merge field by field at every depth, anything else (arrays included)
 * replaces what was there. Returns a new value; neither input is changed.
 */
export function mergeSettings<T>(current: T, patch: unknown): T {
  if (!isPlainObject(current) || !isPlainObject(patch)) {
    return structuredClone(patch) as T;
  }
  const merged: Record<string, unknown> = { ...current };
  for (const [name, value] of Object.entries(patch)) {
    merged[name] = mergeSettings(current[name], value);
  }
  return merged as T;
}
