import { z } from 'zod';
import { optional } from './spec-optional';

/**
 * Cisco's spec types `loginEnabled` and `invitePending` of a Person response as the strings "true" and
 * "false" while the PUT body wants booleans; the live API probably sends booleans. Accept both, read as
 * a boolean.
 */
const stringBoolean = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((value) => value === true || value === 'true');

/** The parts of `Person` (webex-admin.json) the tool relies on; other fields are ignored. */
export const PersonSchema = z.object({
  id: z.string(),
  /** Required by the spec, yet absent on some live records (e.g. some bots and machine accounts). */
  emails: optional(z.array(z.string())),
  displayName: optional(z.string()),
  orgId: z.string(),
  roles: optional(z.array(z.string())),
  /** `<siteUrl>` or `<siteUrl>#<role>`, e.g. `example.webex.com#attendee`. */
  siteUrls: optional(z.array(z.string())),
  /** Absent when the person disabled status sharing, or never signed in. */
  lastActivity: optional(z.string()),
  loginEnabled: optional(stringBoolean),
  invitePending: optional(stringBoolean),
  type: optional(z.string()),
  phoneNumbers: optional(z.array(z.object({ type: z.string().optional(), value: z.string().optional() }))),
});
export type Person = z.infer<typeof PersonSchema>;

/** `PersonCollectionResponse`: GET /v1/people, paged with `Link`. */
export const PersonListSchema = z.object({ items: z.array(PersonSchema) });

/**
 * A person exactly as read, every field kept (looseObject): the source of a full-body PUT, which must
 * send back what it does not change.
 */
export const FullPersonSchema = z.looseObject({
  id: z.string(),
  displayName: z.string(),
  emails: optional(z.array(z.string())),
  roles: optional(z.array(z.string())),
  loginEnabled: optional(stringBoolean),
});
export type FullPerson = z.infer<typeof FullPersonSchema>;

/** `RoleCollectionResponse`: GET /v1/roles (not paged). */
export const RoleListSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });
export type Role = z.infer<typeof RoleListSchema>['items'][number];
