import { z } from 'zod';

/**
 * Cisco's spec types `loginEnabled` and `invitePending` of a Person response as the strings "true" and
 * "false" while the PUT body wants booleans; the live API probably sends booleans. Accept both, read as
 * a boolean.
 */
const stringBoolean = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((value) => value === true || value === 'true');

/** The parts of `Person` (webex-admin.json) the tool relies on; other fields are ignored. */
export const PersonSchema = z.object({
  id: z.string(),
  emails: z.array(z.string()),
  displayName: z.string().optional(),
  orgId: z.string(),
  roles: z.array(z.string()).optional(),
  /** `<siteUrl>` or `<siteUrl>#<role>`, e.g. `example.webex.com#attendee`. */
  siteUrls: z.array(z.string()).optional(),
  /** Absent when the person disabled status sharing, or never signed in. */
  lastActivity: z.string().optional(),
  loginEnabled: stringBoolean.optional(),
  invitePending: stringBoolean.optional(),
  type: z.string().optional(),
  phoneNumbers: z.array(z.object({ type: z.string().optional(), value: z.string().optional() })).optional(),
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
  emails: z.array(z.string()).optional(),
  roles: z.array(z.string()).optional(),
  loginEnabled: stringBoolean.optional(),
});
export type FullPerson = z.infer<typeof FullPersonSchema>;

/** `RoleCollectionResponse`: GET /v1/roles (not paged). */
export const RoleListSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });
export type Role = z.infer<typeof RoleListSchema>['items'][number];
