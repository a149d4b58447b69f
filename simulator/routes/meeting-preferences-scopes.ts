/** Scopes of the meeting-preferences operations: a user's own, or (with `userEmail`) an admin's for anyone. */
export const PREFERENCES_READ = ['meeting:preferences_read', 'meeting:admin_preferences_read'];
export const PREFERENCES_WRITE = ['meeting:preferences_write', 'meeting:admin_preferences_write'];
export const ADMIN_PREFERENCES_READ = 'meeting:admin_preferences_read';
export const ADMIN_PREFERENCES_WRITE = 'meeting:admin_preferences_write';
