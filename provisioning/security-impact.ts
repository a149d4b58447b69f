import { Direction, fieldDirections } from '../manifest';
import { FieldValue } from './plan';

/** What a change does to the org's security posture; plans list weakening changes first. */
export type Impact = 'weakens' | 'strengthens' | 'neutral';

export type { Direction } from '../manifest';

/**
 * `<setting>.<field>` → direction, from the control catalogue (manifest/catalogue.ts), where each
 * control's fields are described once; a test fails when a handler manages a field without one, so a
 * new control cannot silently be classified as neutral.
 */
export const FIELD_DIRECTIONS: Readonly<Record<string, Direction>> = Object.freeze(fieldDirections());

/** The impact of one field going from `before` to `after`. */
export function fieldImpact(setting: string, field: string, before: FieldValue | undefined, after: FieldValue | undefined): Impact {
  const direction = FIELD_DIRECTIONS[`${setting}.${field}`] ?? 'neutral';
  switch (direction) {
    case 'safe-when-true':
      return after === true ? 'strengthens' : before === true ? 'weakens' : 'neutral';
    case 'safe-when-false':
      return after === false ? 'strengthens' : before === false ? 'weakens' : 'neutral';
    case 'higher-is-safer':
    case 'lower-is-safer': {
      if (typeof before !== 'number' || typeof after !== 'number' || before === after) return 'neutral';
      const higher = after > before;
      return higher === (direction === 'higher-is-safer') ? 'strengthens' : 'weakens';
    }
    case 'more-is-safer': {
      const was = new Set(Array.isArray(before) ? before : []);
      const will = new Set(Array.isArray(after) ? after : []);
      if ([...was].some((v) => !will.has(v))) return 'weakens';
      return [...will].some((v) => !was.has(v)) ? 'strengthens' : 'neutral';
    }
    default:
      return 'neutral';
  }
}

/** A change weakens when any of its fields does, even if others strengthen: a reviewer must see it. */
export function changeImpact(impacts: readonly Impact[]): Impact {
  if (impacts.includes('weakens')) return 'weakens';
  return impacts.includes('strengthens') ? 'strengthens' : 'neutral';
}
