import { z } from 'zod';
import { looseId, optional } from './spec-optional';

/** `SiteSessionType` / `SessionType` (webex-meeting.json); every field is optional in the spec. */
export const SessionTypeSchema = z.object({
  /** A string here, a number (`sessionTypeId`) in Cisco's meeting objects: either is accepted, read as a string. */
  id: looseId,
  shortName: optional(z.string()),
  name: optional(z.string()),
  type: optional(z.string()),
});
export type SessionType = z.infer<typeof SessionTypeSchema>;

/** GET /v1/admin/meeting/config/sessionTypes?siteUrl=: the site's session types. */
export const SiteSessionTypesSchema = z.object({ items: z.array(SessionTypeSchema.extend({ siteUrl: z.string().optional() })).optional() });

/** `UserSessionTypes`: one user's session types on one site (PUT response, and each item of the GET). */
export const UserSessionTypesSchema = z.object({
  personId: optional(z.string()),
  email: optional(z.string()),
  siteUrl: optional(z.string()),
  sessionTypes: optional(z.array(SessionTypeSchema)),
});

/** GET /v1/admin/meeting/userconfig/sessionTypes?siteUrl=&personId=. */
export const UserSessionTypesListSchema = z.object({ items: z.array(UserSessionTypesSchema).optional() });
