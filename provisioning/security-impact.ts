import { FieldValue } from './plan';

/** What a change does to the org's security posture; plans list weakening changes first. */
export type Impact = 'weakens' | 'strengthens' | 'neutral';

/**
 * How a field's value relates to security:
 * - `safe-when-true` / `safe-when-false`: a boolean whose safe value is known;
 * - `higher-is-safer` / `lower-is-safer`: a number (a minimum length, a lock delay);
 * - `more-is-safer`: a deny-list, where removing an entry weakens;
 * - `neutral`: no security meaning (a topic, a display name).
 */
export type Direction = 'safe-when-true' | 'safe-when-false' | 'higher-is-safer' | 'lower-is-safer' | 'more-is-safer' | 'neutral';

/**
 * `<setting>.<field>` → direction. Keep in step with the handlers: a test fails when a handler manages a
 * field that has no entry here, so a new control cannot silently be classified as neutral.
 */
export const FIELD_DIRECTIONS: Readonly<Record<string, Direction>> = {
  'meetingSecurity.joinBeforeHost': 'safe-when-false',
  'meetingSecurity.audioBeforeHost': 'safe-when-false',
  'meetingSecurity.firstAttendeeAsPresenter': 'safe-when-false',
  'meetingSecurity.unlistAllMeetings': 'safe-when-true',
  'meetingSecurity.requireLoginBeforeAccess': 'safe-when-true',
  'meetingSecurity.allowMobileScreenCapture': 'safe-when-false',
  'meetingSecurity.requireStrongPassword': 'safe-when-true',
  'meetingSecurity.passwordCriteria.mixedCase': 'safe-when-true',
  'meetingSecurity.passwordCriteria.minLength': 'higher-is-safer',
  'meetingSecurity.passwordCriteria.minNumeric': 'higher-is-safer',
  'meetingSecurity.passwordCriteria.minAlpha': 'higher-is-safer',
  'meetingSecurity.passwordCriteria.minSpecial': 'higher-is-safer',
  'meetingSecurity.passwordCriteria.disallowDynamicWebText': 'safe-when-true',
  'meetingSecurity.passwordCriteria.disallowList': 'safe-when-true',
  'meetingSecurity.passwordCriteria.disallowValues': 'more-is-safer',
  'hostLobby.personalMeetingRoom.enabledAutoLock': 'safe-when-true',
  'hostLobby.personalMeetingRoom.autoLockMinutes': 'lower-is-safer',
  'hostLobby.personalMeetingRoom.enabledNotifyHost': 'safe-when-true',
  'hostLobby.schedulingOptions.enabledJoinBeforeHost': 'safe-when-false',
  // Adding the E2EE session type strengthens; the handler never removes a type.
  'endToEndEncryption.sessionTypeIds': 'more-is-safer',
  'passwordPolicy.minimumLength': 'higher-is-safer',
  'passwordPolicy.minimumNumeric': 'higher-is-safer',
  'passwordPolicy.minimumCapAlpha': 'higher-is-safer',
  'passwordPolicy.minimumLowAlpha': 'higher-is-safer',
  'passwordPolicy.minimumSpecial': 'higher-is-safer',
  'passwordPolicy.historyCount': 'higher-is-safer',
  'passwordPolicy.maxPasswordAgeDays': 'lower-is-safer',
  'passwordPolicy.notAcceptableStrings': 'more-is-safer',
  'mfa.mfaEnabled': 'safe-when-true',
  'inactiveAccounts.loginEnabled': 'safe-when-false',
};

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
