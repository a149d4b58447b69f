/**
 * How a field's value relates to security:
 * - `safe-when-true` / `safe-when-false`: a boolean whose safe value is known;
 * - `higher-is-safer` / `lower-is-safer`: a number (a minimum length, a lock delay);
 * - `more-is-safer`: a deny-list, where removing an entry weakens;
 * - `neutral`: no security meaning (a topic, a display name).
 */
export type Direction = 'safe-when-true' | 'safe-when-false' | 'higher-is-safer' | 'lower-is-safer' | 'more-is-safer' | 'neutral';
