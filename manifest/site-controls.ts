import { z } from 'zod';
import { checkExactFields, exactFieldsSchema } from './exact-fields';
import { checkNoRepeats, constructPath, email, emailDomain } from './primitives';

/** Cisco: personal room `autoLockMinutes` "Valid options are 0, 5, 10, 15 and 20". */
export const AUTO_LOCK_MINUTES = [0, 5, 10, 15, 20] as const;
export type AutoLockMinutes = (typeof AUTO_LOCK_MINUTES)[number];

/** What an E2EE session type is found by when the manifest does not say: its name contains this text. */
export const DEFAULT_E2EE_NAME_CONTAINS = 'End to End Encryption';

/**
 * Which hosts of a site a per-host control manages. A host of a site is a person whose `siteUrls`
 * holds `<siteUrl>#host` (or the bare siteUrl: Webex marks only attendees with a suffix).
 * Neither `emails` nor `emailDomains`: every host of the site. Exempt hosts are never read or written.
 */
export const HostSelectionSchema = z
  .object({
    emails: z.array(email).min(1).optional().describe('Only these hosts (lower-case emails).'),
    emailDomains: z.array(emailDomain).min(1).optional().describe('Only hosts whose email is in one of these domains.'),
    exemptEmails: z.array(email).optional().describe('Hosts left alone, whatever else selects them.'),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.emails !== undefined && value.emailDomains !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['emailDomains'], message: 'select hosts by emails or by emailDomains, not both' });
    }
    checkNoRepeats(value.emails, ['emails'], ctx, 'emails');
    checkNoRepeats(value.emailDomains, ['emailDomains'], ctx, 'emailDomains');
    checkNoRepeats(value.exemptEmails, ['exemptEmails'], ctx, 'exemptEmails');
  });
export type HostSelection = z.infer<typeof HostSelectionSchema>;

/** The managed fields of each host's personal room (GET/PUT /v1/meetingPreferences/personalMeetingRoom). */
export const PersonalRoomLobbySchema = z
  .object({
    enabledAutoLock: z.boolean().optional(),
    autoLockMinutes: z.literal([...AUTO_LOCK_MINUTES]).optional(),
    enabledNotifyHost: z.boolean().optional(),
  })
  .strict();

/** The managed fields of each host's scheduling options (GET/PUT /v1/meetingPreferences/schedulingOptions). */
export const SchedulingLobbySchema = z
  .object({
    enabledJoinBeforeHost: z.boolean().optional(),
  })
  .strict();

/** The fields of a host's lobby webex-iac manages, as dotted names (as in plans and `exactFields`). */
export const HOST_LOBBY_FIELDS = [
  'personalMeetingRoom.enabledAutoLock',
  'personalMeetingRoom.autoLockMinutes',
  'personalMeetingRoom.enabledNotifyHost',
  'schedulingOptions.enabledJoinBeforeHost',
] as const;

/**
 * The lobby of each selected host: personal room auto-lock and lobby notification, and join-before-host
 * in the host's scheduling options. Only declared fields are managed; every other field of those
 * full-body PUTs (the host PIN included) is read and sent back unchanged.
 */
export const HostLobbySchema = z
  .object({
    path: constructPath,
    hosts: HostSelectionSchema.optional(),
    personalMeetingRoom: PersonalRoomLobbySchema.optional(),
    schedulingOptions: SchedulingLobbySchema.optional(),
    exactFields: exactFieldsSchema(HOST_LOBBY_FIELDS),
  })
  .strict()
  .superRefine((value, ctx) => checkExactFields(value, value.exactFields, ctx));
export type HostLobby = z.infer<typeof HostLobbySchema>;

/** How the site's end-to-end encryption session type is found among GET /v1/admin/meeting/config/sessionTypes. */
export const SessionTypeMatchSchema = z.union([
  z.object({ shortName: z.string().min(1).describe('Exactly this short name, case-insensitive (e.g. PRO3E2E).') }).strict(),
  z.object({ name: z.string().min(1).describe('Exactly this name, case-insensitive.') }).strict(),
  z.object({ nameContains: z.string().min(1).describe('The one session type whose name contains this text, case-insensitive.') }).strict(),
]);
export type SessionTypeMatch = z.infer<typeof SessionTypeMatchSchema>;

/**
 * The site's end-to-end encryption session type, assigned to each selected host on top of the session
 * types the host already has. Enabling E2EE on the site has no API: attest it (siteEndToEndEncryption).
 */
export const EndToEndEncryptionSchema = z
  .object({
    path: constructPath,
    hosts: HostSelectionSchema.optional(),
    sessionType: SessionTypeMatchSchema.optional().describe(`Default: the session type whose name contains "${DEFAULT_E2EE_NAME_CONTAINS}".`),
  })
  .strict();
export type EndToEndEncryption = z.infer<typeof EndToEndEncryptionSchema>;

/** How far ahead the hosts' scheduled meetings are read, in days: at most a year. */
export const SCHEDULED_MEETINGS_DAYS_AHEAD = { default: 30, max: 365 } as const;

/**
 * The lobby of each selected host's upcoming scheduled meetings (List Meetings by `hostEmail`): people not
 * on the invite wait in the lobby or are blocked (`unlockedMeetingJoinSecurity` not `allowJoin`), and the
 * meeting locks itself once started (`enableAutomaticLock`). Meetings that do not are findings of assess;
 * webex-iac changes them (PATCH per meeting, only the lobby fields, never the password) only when
 * `fixMeetings` is true, since a meeting belongs to its host.
 */
export const ScheduledMeetingLobbySchema = z
  .object({
    path: constructPath,
    hosts: HostSelectionSchema.optional(),
    daysAhead: z
      .number()
      .int()
      .min(1)
      .max(SCHEDULED_MEETINGS_DAYS_AHEAD.max)
      .optional()
      .describe(`How many days of upcoming meetings are read (default ${SCHEDULED_MEETINGS_DAYS_AHEAD.default}).`),
    fixMeetings: z.boolean().optional().describe('Let plan and apply change the unsafe meetings found (default false: they are only reported).'),
  })
  .strict();
export type ScheduledMeetingLobby = z.infer<typeof ScheduledMeetingLobbySchema>;
